import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * Keeps the newest message in view while the feed's viewport changes height with the reader at
 * the end: the composer growing a line at a time, the list of files to send appearing above it,
 * its placeholder wrapping in a narrow frame once it has loaded, the portal resizing the frame.
 * The virtualizer follows rows appended, not a viewport that shrinks: scrollTop would stay put and
 * the end slide under the composer.
 * Returns the scroll handler that notes whether the reader is at the end (the note is read when
 * the size changes, so it is what held before the change), and `pinning`: the viewport changed
 * height with the reader at the end and the pin has not been written yet. Between the two, the
 * distance from the end says "away"; believed, it showed "Jump to latest", whose strip shrank the
 * viewport again, and the end was let go for good.
 */
export function useEndPin(scrollerRef: RefObject<HTMLElement | null>, endThreshold: number, live: boolean, scrollToEnd: () => void) {
  const atEnd = useRef(true)
  // The bottom of a run that is not live is where newer pages load, not the chat's end: the reader
  // there is not pinned (when the page that joins it to the newest lands, they stay where they read).
  const isLive = useRef(live)
  /** The viewport height the last pin (or the mount) saw; null where there is no layout. */
  const pinnedHeight = useRef<number | null>(null)
  const follow = useRef(scrollToEnd)
  useLayoutEffect(() => {
    follow.current = scrollToEnd
  })
  useLayoutEffect(() => {
    isLive.current = live
  }, [live])
  const pinning = useCallback(() => {
    const el = scrollerRef.current
    return atEnd.current && !!el && pinnedHeight.current !== null && el.clientHeight !== pinnedHeight.current
  }, [scrollerRef])
  const note = useCallback(() => {
    const el = scrollerRef.current
    // A scroll seen after a resize and before its pin (the pin's own write, read after a later
    // change of height) says nothing about where the reader is: the pin decides.
    if (!el || pinning()) return
    atEnd.current = isLive.current && el.scrollHeight - el.clientHeight - el.scrollTop <= endThreshold
  }, [scrollerRef, endThreshold, pinning])

  useLayoutEffect(() => {
    const el = scrollerRef.current
    // Environments without layout (jsdom) have no ResizeObserver, and no sizes to follow.
    if (!el || typeof ResizeObserver === 'undefined') return
    pinnedHeight.current = el.clientHeight
    // Called after layout and before paint: the reader never sees the end slip away.
    const observer = new ResizeObserver(() => {
      if (el.clientHeight === pinnedHeight.current) return
      pinnedHeight.current = el.clientHeight
      if (!atEnd.current) return
      // Written at once, not left to a command the virtualizer may still be settling.
      el.scrollTop = el.scrollHeight - el.clientHeight
      follow.current()
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      pinnedHeight.current = null
    }
  }, [scrollerRef])

  /**
   * The list opened somewhere other than the end (at "New messages", or a message jumped to). Until
   * the scroll there is heard, the note still says "at the end", and a viewport shrinking meanwhile
   * (the composer loading) would pin the reader to the end, away from where the card opened.
   */
  const openedAway = useCallback(() => {
    atEnd.current = false
  }, [])

  return { note, pinning, openedAway }
}
