import { useEffect, useState } from 'react'
import { errorSentence } from '../../../platform/error-sentence'
import { isPassing, isPortalError, isSettled } from '../../../b24/portal-error'
import { useI18n } from '../../../i18n/i18n'
import { StateIcon } from './state-icons'
import './feed.css'

const FIRST_PAUSE_S = 5
const LONGEST_PAUSE_S = 60

interface Props {
  error: unknown
  onRetry(): void
  failures: number
  /** Said instead of the generic sentence for the error, when the caller knows more (see opening-failure.tsx). */
  sentence?: string
  /** The caller knows the cause is a lack of access where the error's own kind does not say so. */
  noAccess?: boolean
}

/**
 * The first page could not load: the sentence for the cause and only what can help. Passing
 * faults get Try again and a countdown to an automatic retry; an ended session gets Reload (a new
 * opening brings a new session); the rest get nothing.
 */
export function FeedFailure({ error, onRetry, failures, sentence, noAccess }: Props) {
  const i18n = useI18n()
  const kind = isPortalError(error) ? error.kind : 'unknown'
  // Failures that pass by themselves: tried again on its own after a pause that grows.
  const transient = isPassing(error)
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
  let action = null
  if (kind === 'auth')
    action = (
      <button type="button" onClick={() => window.location.reload()}>
        {i18n.t('action.reload')}
      </button>
    )
  // What trying again cannot mend (no access, no such task, a missing scope or method) gets no
  // button pretending otherwise: the sentence says who can change it.
  else if (!isSettled(error))
    action = (
      <button type="button" onClick={onRetry}>
        {i18n.t('action.retry')}
      </button>
    )
  // No access is said as such (the sentence says who can give it); anything else is the chat not opening.
  const locked = noAccess ?? kind === 'access'
  return (
    <div className="feed-frame">
      <div className="feed-error feed-state" role="alert">
        <StateIcon name={locked ? 'locked' : 'failed'} />
        <h2 className="feed-state__title">{i18n.t(locked ? 'feed.noAccessTitle' : 'feed.failedTitle')}</h2>
        <p className="feed-note">{sentence ?? errorSentence(error, i18n)}</p>
        {transient && left > 0 && <p className="feed-error__countdown">{i18n.t('feed.retryingIn', { count: left })}</p>}
        {action}
      </div>
    </div>
  )
}
