import { useCallback, useRef } from 'react'
import type { Run } from '../../../chat/conversation/runs'
import { useReadMore } from '../../../chat/conversation/use-read-more'

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
export function useNewerLoader(taskId: number, chatId: number | null, run: Run | undefined): NewerLoader {
  const read = useReadMore(taskId, chatId)
  const live = run === undefined || run.live
  const to = run?.to
  const { mutate, isPending, isError } = read
  // Never twice for one cursor: success may show a render before the run does (see use-older-loader.ts).
  const asked = useRef<number | null>(null)
  const load = useCallback(() => {
    if (to === undefined || asked.current === to) return
    asked.current = to
    mutate({ kind: 'newer', after: to }, { onError: () => (asked.current = null) })
  }, [to, mutate])
  return {
    loadIfAllowed: useCallback(() => {
      if (!live && !isPending && !isError) load()
    }, [live, isPending, isError, load]),
    retry: useCallback(() => {
      asked.current = null
      load()
    }, [load]),
    loading: isPending,
    failed: isError,
    error: read.error,
    live,
  }
}
