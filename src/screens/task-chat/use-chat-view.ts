import { useCallback, useRef, useState } from 'react'
import { PortalError } from '../../b24/portal-error'
import type { ConversationHandle } from '../../chat/conversation/conversation-handle'
import { findMessage, runOf, type Run } from '../../chat/conversation/runs'
import { useReadMore } from '../../chat/conversation/use-read-more'

/** A task without a chat has no run: the user's first message is shown on an empty live end. */
const NO_CHAT_YET: Run = { from: 0, to: 0, messages: [], startReached: true, limitedByPlan: false, live: true }

/**
 * Where in the conversation the reader is: the live end, or a run they jumped into (from a result's
 * "Show in chat" or a reply quote). A message not loaded yet is fetched with the window around it
 * in one round trip, then shown and focused; "Jump to latest" goes back to the live run as it is
 * cached, without reading it again. A card opened with more unread messages than the newest page
 * holds starts in the run of the first of them (`opensAt`).
 */
export function useChatView(conversation: ConversationHandle, runs: readonly Run[], opensAt: number | null = null) {
  /** A message in the run shown; null for the live run; undefined until the reader moves (then `opensAt`). */
  const [moved, setAnchor] = useState<number | null | undefined>(undefined)
  const anchor = moved === undefined ? opensAt : moved
  const [focus, setFocus] = useState<number | null>(null)
  const [seeking, setSeeking] = useState<number | null>(null)
  /** The window was read and the message is not in it: deleted, or never in this chat. */
  const [missing, setMissing] = useState<PortalError | null>(null)
  const seekingRef = useRef<number | null>(null)
  const read = useReadMore(conversation)
  const run = runOf(runs, anchor) ?? runOf(runs, null) ?? NO_CHAT_YET

  const show = useCallback(
    (id: number) => {
      // Already in the run shown: only focus it, the list stays as it is.
      if (!run.messages.some((m) => m.id === id)) setAnchor(runOf(runs, null)?.messages.some((m) => m.id === id) ? null : id)
      setFocus(id)
    },
    [run, runs],
  )

  const go = useCallback(
    (id: number) => {
      if (findMessage(runs, id)) return show(id)
      seekingRef.current = id
      setSeeking(id)
      setMissing(null)
      read.mutate(
        { kind: 'window', around: id },
        {
          onSuccess: (found) => {
            if (seekingRef.current !== id) return // cancelled meanwhile
            if (!found.run.messages.some((m) => m.id === id))
              return setMissing(new PortalError('not-found', 'MESSAGE_NOT_FOUND', `Message ${id} is not in this chat`))
            seekingRef.current = null
            setSeeking(null)
            // A window that reached the newest message joined the live run: stay on it, no remount.
            setAnchor(found.run.live ? null : id)
            setFocus(id)
          },
        },
      )
    },
    [runs, show, read],
  )

  const cancel = useCallback(() => {
    seekingRef.current = null
    setSeeking(null)
    setMissing(null)
    read.reset()
  }, [read])

  return {
    run,
    /** The reader has not moved to another run since the card opened: the list opens at "New messages". */
    opening: moved === undefined,
    /** Changes only when the reader goes to another run: the list starts afresh there. */
    key: anchor === null ? 'live' : `at-${anchor}`,
    focus,
    focused: useCallback(() => setFocus(null), []),
    go,
    seeking: seeking !== null && !read.isError && !missing,
    failed: seeking === null ? null : read.isError ? read.error : missing,
    retry: useCallback(() => seekingRef.current !== null && go(seekingRef.current), [go]),
    cancel,
    toLatest: useCallback(() => {
      setAnchor(null)
      setFocus(null)
    }, []),
  }
}
