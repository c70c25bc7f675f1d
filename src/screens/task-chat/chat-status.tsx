import { errorSentence } from '../../platform/error-sentence'
import { useI18n } from '../../i18n/i18n'

interface Props {
  seeking: boolean
  /** Why the message jumped to could not be loaded, or null. */
  seekFailed: unknown
  onRetrySeek(): void
  onCancelSeek(): void
  /** The last live poll's failure, or null. */
  liveError: unknown
  /** Reads the live end again now, rather than at the poll's next turn. */
  onRetryLive(): void
}

/** Lines under the feed: a jump on its way or failed, and a live end that could not be read (with Try again, which reads it now). */
export function ChatStatus({ seeking, seekFailed, onRetrySeek, onCancelSeek, liveError, onRetryLive }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  return (
    <>
      {seeking && (
        <p role="status" className="feed-status">
          <span>{t('result.finding')}</span>
          <button type="button" onClick={onCancelSeek}>
            {t('action.cancel')}
          </button>
        </p>
      )}
      {seekFailed !== null && (
        <p role="alert" className="feed-status">
          <span>
            {t('feed.jumpFailed')} {errorSentence(seekFailed, i18n)}
          </span>
          <button type="button" onClick={onRetrySeek}>
            {t('action.retry')}
          </button>
          <button type="button" onClick={onCancelSeek}>
            {t('action.cancel')}
          </button>
        </p>
      )}
      {liveError !== null && (
        <p role="status" className="feed-live-error">
          <span>{errorSentence(liveError, i18n)}</span>
          <button type="button" onClick={onRetryLive}>
            {t('action.retry')}
          </button>
        </p>
      )}
    </>
  )
}
