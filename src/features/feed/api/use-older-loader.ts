import { useCallback, useState } from 'react'
import type { ConversationHandle } from '../../../chat/conversation/conversation-handle'
import type { Run } from '../../../chat/conversation/runs'
import { useCursorRead } from '../../../chat/conversation/use-cursor-read'

/** With system messages hidden, at most this many pages in a row may load without showing anything. */
const MAX_SILENT_PAGES = 5

export interface OlderLoader {
  /** Loads the next older page unless one is loading, history ended, or a silent burst hit its bound. */
  loadIfAllowed(): void
  /** The reader's "Load older": starts a new bounded burst. */
  loadMore(): void
  retry(): void
  loading: boolean
  failed: boolean
  error: unknown
  ended: boolean
  /** History ended because the portal's plan hides what is older. */
  limitedByPlan: boolean
  /** Set when auto-loading stopped at the bound: how many hidden system messages it went through. */
  paused: { hidden: number } | null
}

interface Burst {
  silent: number
  hidden: number
}
const NO_BURST: Burst = { silent: 0, hidden: 0 }

/**
 * Loading history older than the run the reader is in, when they near its top. With the system
 * filter on, a page may add nothing visible, so nothing scrolls and a plain "near the top" trigger
 * would stall or loop forever; this keeps loading in bounded bursts and then hands over to a button.
 */
export function useOlderLoader(conversation: ConversationHandle, run: Run | undefined, showSystem: boolean): OlderLoader {
  // What the run shows when the feed opens counts as the first page of the first burst.
  const [burst, setBurst] = useState(() => (run && !run.messages.some((m) => !m.isSystem) ? { silent: 1, hidden: run.messages.length } : NO_BURST))
  const ended = run === undefined || run.startReached
  const isPaused = !showSystem && burst.silent >= MAX_SILENT_PAGES && !ended
  const { load, retry, loading, failed, error } = useCursorRead(conversation, 'older', run?.from, (found) => {
    // Counted as each page lands, not derived from the cache: the cache does not keep pages.
    const shown = found.run.messages.some((m) => !m.isSystem)
    setBurst((b) => (shown ? NO_BURST : { silent: b.silent + 1, hidden: b.hidden + found.run.messages.length }))
  })

  return {
    // A new identity with each page (the cursor changes): the list asks again even when the page added no visible rows.
    loadIfAllowed: useCallback(() => {
      if (!ended && !loading && !failed && !isPaused) load()
    }, [ended, loading, failed, isPaused, load]),
    loadMore: () => {
      setBurst(NO_BURST)
      if (!loading) load()
    },
    retry,
    loading,
    failed,
    error,
    ended,
    limitedByPlan: run?.limitedByPlan === true,
    paused: isPaused ? { hidden: burst.hidden } : null,
  }
}
