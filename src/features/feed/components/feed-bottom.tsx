import { errorSentence } from '../../../platform/error-sentence'
import { useI18n } from '../../../i18n/i18n'
import { useAutoRetry } from './use-auto-retry'
import type { NewerLoader } from '../api/use-newer-loader'

/** The row below the newest loaded message of a run the reader jumped into: where newer messages load or fail. */
export function FeedBottom({ newer }: { newer: NewerLoader }) {
  const i18n = useI18n()
  useAutoRetry(newer.failed, newer.retry)
  if (newer.failed)
    return (
      <div className="feed-top feed-top--error" role="alert">
        <span>
          {i18n.t('feed.newerFailed')} {errorSentence(newer.error, i18n)}
        </span>
        <button type="button" onClick={newer.retry}>
          {i18n.t('action.retry')}
        </button>
      </div>
    )
  if (newer.loading)
    return (
      <div className="feed-top" role="status">
        {i18n.t('feed.loadingNewer')}
      </div>
    )
  return <div className="feed-top" aria-hidden="true" />
}
