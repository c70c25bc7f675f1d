import { useEffect, useState } from 'react'
import { errorSentence } from '../../../app/error-sentence'
import { isPortalError } from '../../../b24/portal-error'
import { useI18n } from '../../../i18n/i18n'

/** Failures that pass by themselves: the feed tries again on its own after a pause that grows. */
const TRANSIENT = new Set(['rate-limit', 'network', 'unavailable', 'unknown'])
const FIRST_PAUSE_S = 5
const LONGEST_PAUSE_S = 60

/** The first page could not load: the sentence for the cause, Try again, and for passing faults a countdown to an automatic retry. */
export function FeedFailure({ error, onRetry, failures }: { error: unknown; onRetry(): void; failures: number }) {
  const i18n = useI18n()
  const transient = !isPortalError(error) || TRANSIENT.has(error.kind)
  // Each round already made two attempts (the query retries once): 5 s, then 20 s, then a minute.
  const pause = Math.min(FIRST_PAUSE_S * 2 ** Math.max(0, failures - 2), LONGEST_PAUSE_S)
  const [left, setLeft] = useState(pause)
  useEffect(() => {
    if (!transient) return
    if (left <= 0) {
      onRetry()
      return
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1_000)
    return () => clearTimeout(timer)
  }, [transient, left, onRetry])
  return (
    <div className="feed-error" role="alert">
      <p>{errorSentence(error, i18n)}</p>
      {transient && left > 0 && <p className="feed-error__countdown">{i18n.t('feed.retryingIn', { count: left })}</p>}
      <button type="button" onClick={onRetry}>
        {i18n.t('action.retry')}
      </button>
    </div>
  )
}
