import { useI18n } from '../../../i18n/i18n'
import type { MessageKey } from '../../../i18n/en'
import type { PendingState } from '../../../chat/types'
import { useFeedActions } from './feed-actions'

/**
 * Why a send failed, by PortalError kind. Where the portal may have saved the message (it answered
 * with a server error, or nothing came back) the sentence says which happened, and that Retry
 * looks in the chat first.
 */
const REASON: Record<string, MessageKey> = {
  access: 'send.error.access',
  'bot-refused': 'send.error.botRefused',
  auth: 'error.auth',
  scope: 'error.scope',
  'rate-limit': 'error.rateLimit',
  network: 'send.error.noAnswer',
  unavailable: 'send.error.serverError',
  unknown: 'send.error.unknownOutcome',
  invalid: 'send.error.invalid',
  'not-found': 'send.error.notFound',
}

/** Under the user's own message on its way: "Sending…", "Waiting…", or why it failed with Retry and Discard. */
export function MessageStatus({ pending }: { pending: PendingState }) {
  const { t } = useI18n()
  const { retry, discard } = useFeedActions()
  if (pending.status === 'sent') return null
  if (pending.status === 'sending') return <p className="message__status">{t('message.sending')}</p>
  const discardButton = (
    <button type="button" onClick={() => discard(pending.clientId)}>
      {t('message.discard')}
    </button>
  )
  if (pending.status === 'waiting')
    return (
      <p className="message__status" role="status">
        <span>{t('message.waiting')}</span>
        {discardButton}
      </p>
    )
  return (
    <div className="message__status message__status--failed" role="alert">
      <span>
        {t('message.notSent')} {t(REASON[pending.errorKind ?? 'unknown'] ?? 'send.error.unknownOutcome')}
      </span>
      <button type="button" onClick={() => retry(pending.clientId)}>
        {/* The bot was kept out: the retry goes as the user (the portal would refuse the bot again), and the button says so. */}
        {t(pending.errorKind === 'bot-refused' ? 'composer.sendAsMe' : 'message.retry')}
      </button>
      {discardButton}
    </div>
  )
}
