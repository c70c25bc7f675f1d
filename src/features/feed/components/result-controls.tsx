import { useI18n } from '../../../i18n/i18n'
import type { MessageKey } from '../../../i18n/en'
import type { ResultBadge } from '../../../chat/types'
import { ActionButton } from './action-icon'
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

/** The "Result" badge of a message, always visible: inline with its time. */
export function ResultBadgeMark({ view }: { view: ResultBadge }) {
  const { t } = useI18n()
  return view.badge ? <span className="result-badge">{t('result.badge')}</span> : null
}

/** Why the last attempt to make or remove the result failed: under the bubble, in the alert colour. */
export function ResultError({ view }: { view: ResultBadge }) {
  const { t } = useI18n()
  return view.error ? (
    <p className="result-error" role="alert">
      {t(REASON[view.error] ?? 'result.error.unknown')}
    </p>
  ) : null
}

/** "Make result" or, for the result's author, "Remove result": with the other message actions. */
export function ResultButton({ id, view }: { id: number; view: ResultBadge }) {
  const { t } = useI18n()
  const { makeResult, removeResult } = useFeedActions()
  if (view.action === 'make') return <ActionButton icon="result" label={t('result.make')} onClick={() => makeResult(id)} />
  if (view.action === 'remove') return <ActionButton icon="unresult" label={t('result.remove')} onClick={() => removeResult(id)} />
  return null
}
