import { useI18n } from '../../../i18n/i18n'
import type { MessageKey } from '../../../i18n/en'
import type { PendingState } from '../types'
import { useFeedActions } from './feed-actions'

const REASON: Record<string, MessageKey> = {
  access: 'send.error.access',
  'bot-refused': 'send.error.botRefused',
  auth: 'error.auth',
  scope: 'error.scope',
  'rate-limit': 'error.rateLimit',
  network: 'send.error.unknownOutcome',
  unavailable: 'send.error.unknownOutcome',
  unknown: 'send.error.unknownOutcome',
  invalid: 'send.error.invalid',
  'not-found': 'send.error.notFound',
}

/** Under the user's own message on its way: "Sending…", or why it failed with Retry and Discard. */
export function MessageStatus({ pending }: { pending: PendingState }) {
  const { t } = useI18n()
  const { retry, discard } = useFeedActions()
  if (pending.status === 'sent') return null
  if (pending.status === 'sending') return <p className="message__status">{t('message.sending')}</p>
  return (
    <div className="message__status message__status--failed" role="alert">
      <span>
        {t('message.notSent')} {t(REASON[pending.errorKind ?? 'unknown'] ?? 'send.error.unknownOutcome')}
      </span>
      <button type="button" onClick={() => retry(pending.clientId)}>
        {t('message.retry')}
      </button>
      <button type="button" onClick={() => discard(pending.clientId)}>
        {t('message.discard')}
      </button>
    </div>
  )
}
