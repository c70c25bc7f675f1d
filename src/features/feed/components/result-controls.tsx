import { useI18n } from '../../../i18n/i18n'
import type { MessageKey } from '../../../i18n/en'
import type { ResultBadge } from '../../../chat/types'
import { useFeedActions } from './feed-actions'
import './result-controls.css'

const REASON: Record<string, MessageKey> = {
  access: 'result.error.access',
  invalid: 'result.error.invalid',
  'not-found': 'result.error.notFound',
  'rate-limit': 'error.rateLimit',
  auth: 'error.auth',
  scope: 'error.scope',
}

/** The "Result" badge of a message, always visible, and why the last attempt failed. */
export function ResultBadgeLine({ view }: { view: ResultBadge }) {
  const { t } = useI18n()
  return (
    <>
      {view.badge && <span className="result-badge">{t('result.badge')}</span>}
      {view.error && (
        <span className="result-error" role="alert">
          {t(REASON[view.error] ?? 'result.error.unknown')}
        </span>
      )}
    </>
  )
}

/** "Make result" or, for the result's author, "Remove result": with the other message actions. */
export function ResultButton({ id, view }: { id: number; view: ResultBadge }) {
  const { t } = useI18n()
  const { makeResult, removeResult } = useFeedActions()
  if (view.action === 'make') {
    return (
      <button type="button" onClick={() => makeResult(id)}>
        {t('result.make')}
      </button>
    )
  }
  if (view.action === 'remove') {
    return (
      <button type="button" onClick={() => removeResult(id)}>
        {t('result.remove')}
      </button>
    )
  }
  return null
}
