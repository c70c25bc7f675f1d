import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * Keeps the newest message in view while the feed's viewport changes height with the reader at
 * the end: the composer growing a line at a time, its placeholder wrapping in a narrow frame once
 * it has loaded, the portal resizing the frame. The virtualizer follows rows appended, not a
 * viewport that shrinks: scrollTop would stay put and the end slide under the composer.
 * Returns the scroll handler that notes whether the reader is at the end; the note is read when
 * the size changes, so it is what held before the change.
 */
export function useEndPin(scrollerRef: RefObject<HTMLElement | null>, endThreshold: number, scrollToEnd: () => void) {
  const atEnd = useRef(true)
  const follow = useRef(scrollToEnd)
  useLayoutEffect(() => {
    follow.current = scrollToEnd
  })
  const note = useCallback(() => {
    const el = scrollerRef.current
    if (el) atEnd.current = el.scrollHeight - el.clientHeight - el.scrollTop <= endThreshold
  }, [scrollerRef, endThreshold])

  useLayoutEffect(() => {
    const el = scrollerRef.current
    // Environments without layout (jsdom) have no ResizeObserver, and no sizes to follow.
    if (!el || typeof ResizeObserver === 'undefined') return
    let height = el.clientHeight
    // Called after layout and before paint: the reader never sees the end slip away.
    const observer = new ResizeObserver(() => {
      if (el.clientHeight === height) return
      height = el.clientHeight
      if (!atEnd.current) return
      // Written at once, not left to a command the virtualizer may still be settling.
      el.scrollTop = el.scrollHeight - el.clientHeight
      follow.current()
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [scrollerRef])

  return note
}
