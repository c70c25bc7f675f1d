import { errorSentence } from '../../../platform/error-sentence'
import { useI18n } from '../../../i18n/i18n'
import { useAutoRetry } from './use-auto-retry'
import type { OlderLoader } from '../api/use-older-loader'

/** The row above the oldest loaded message: where history loads, fails, pauses or begins. */
export function FeedTop({ older }: { older: OlderLoader }) {
  const i18n = useI18n()
  const { t } = i18n
  useAutoRetry(older.failed, older.retry)
  if (older.failed) {
    return (
      <div className="feed-top feed-top--error" role="alert">
        <span>
          {t('feed.olderFailed')} {errorSentence(older.error, i18n)}
        </span>
        <button type="button" onClick={older.retry}>
          {t('action.retry')}
        </button>
      </div>
    )
  }
  if (older.loading)
    return (
      <div className="feed-top" role="status">
        {t('feed.loadingOlder')}
      </div>
    )
  if (older.paused) {
    return (
      <div className="feed-top">
        <button type="button" onClick={older.loadMore}>
          {t('feed.loadOlder')}
        </button>
        <span className="feed-top__note">{t('feed.hiddenEvents', { count: older.paused.hidden })}</span>
      </div>
    )
  }
  if (older.ended && older.limitedByPlan)
    return (
      <div className="feed-top feed-top--start" role="note">
        {t('feed.historyLimited')}
      </div>
    )
  if (older.ended) return <div className="feed-top feed-top--start">{t('feed.startOfHistory')}</div>
  return <div className="feed-top" aria-hidden="true" />
}
