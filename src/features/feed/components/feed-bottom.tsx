import { useEffect } from 'react'
import { errorSentence } from '../../../app/error-sentence'
import { useI18n } from '../../../i18n/i18n'
import type { NewerLoader } from '../api/use-newer-loader'

/** A failed newer page is asked for again after this pause, unless the reader does it first. */
const AUTO_RETRY_MS = 5_000

/** The row below the newest loaded message of a run the reader jumped into: where newer messages load or fail. */
export function FeedBottom({ newer }: { newer: NewerLoader }) {
  const i18n = useI18n()
  const { failed, retry } = newer
  useEffect(() => {
    if (!failed) return
    const timer = setTimeout(retry, AUTO_RETRY_MS)
    return () => clearTimeout(timer)
  }, [failed, retry])
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
