import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react'
import type { FeedRow } from '../api/build-rows'

interface Anchor {
  key: string
  top: number
}

/** The first article wholly in view, preferring human messages (they survive the system filter). */
function readAnchor(scroller: HTMLElement, endThreshold: number): Anchor | null {
  if (scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop <= endThreshold) return null // at the end: follow instead
  const viewTop = scroller.getBoundingClientRect().top
  let fallback: Anchor | null = null
  for (const article of scroller.querySelectorAll<HTMLElement>('article[data-key]')) {
    const top = article.getBoundingClientRect().top - viewTop
    if (top < 0) continue
    if (top >= scroller.clientHeight) break
    const anchor = { key: article.dataset['key']!, top }
    if (!article.classList.contains('message--system')) return anchor
    fallback ??= anchor
  }
  return fallback
}

/**
 * Holds the reader's place when rows change above or around it. The virtualizer anchors on the
 * item at the top edge by key, but measures newly inserted rows before it scrolls, and cannot
 * help when that item vanishes (system messages filtered out). So the place (a message and its
 * distance from the top) is noted after every render and scroll, and restored after a change.
 * Returns the scroll handler that notes the place.
 */
export function useHeldPosition(scrollerRef: RefObject<HTMLElement | null>, rows: FeedRow[], endThreshold: number) {
  const anchor = useRef<Anchor | null>(null)
  const lastRows = useRef(rows)
  const record = useCallback(() => {
    if (scrollerRef.current) anchor.current = readAnchor(scrollerRef.current, endThreshold)
  }, [scrollerRef, endThreshold])

  useLayoutEffect(() => {
    if (rows === lastRows.current) {
      record()
      return
    }
    lastRows.current = rows
    const held = anchor.current
    if (!held) return
    // After the virtualizer has written its own correction for this change. Not cancelled by the
    // re-renders that measuring the new rows causes: those are part of the same change.
    requestAnimationFrame(() => {
      const scroller = scrollerRef.current
      const article = scroller?.querySelector<HTMLElement>(`article[data-key="${held.key}"]`)
      if (!scroller || !article) return
      const drift = article.getBoundingClientRect().top - scroller.getBoundingClientRect().top - held.top
      if (Math.abs(drift) >= 1) scroller.scrollTop += drift
    })
  })

  return record
}
