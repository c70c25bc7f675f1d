import { useCallback } from 'react'
import type { ConversationHandle } from '../../../chat/conversation/conversation-handle'
import type { Run } from '../../../chat/conversation/runs'
import { useCursorRead } from '../../../chat/conversation/use-cursor-read'

export interface NewerLoader {
  /** Loads the next newer page, unless the run is live (polling keeps it current) or a page is on its way. */
  loadIfAllowed(): void
  retry(): void
  loading: boolean
  failed: boolean
  error: unknown
  /** The run reaches the newest message. */
  live: boolean
}

/** Loading what is newer than a run the reader jumped into, when they near its bottom; the run turns live when it meets the newest. */
export function useNewerLoader(conversation: ConversationHandle, run: Run | undefined): NewerLoader {
  const live = run === undefined || run.live
  const { load, retry, loading, failed, error } = useCursorRead(conversation, 'newer', run?.to)
  return {
    loadIfAllowed: useCallback(() => {
      if (!live && !loading && !failed) load()
    }, [live, loading, failed, load]),
    retry,
    loading,
    failed,
    error,
    live,
  }
}
