import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react'
import type { FeedRow } from '../api/build-rows'

interface Anchor {
  key: string
  top: number
}

/** The first article wholly in view, preferring human messages (they survive the system filter). */
function readAnchor(scroller: HTMLElement, endThreshold: number, follow: boolean): Anchor | null {
  if (follow && scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop <= endThreshold) return null // at the end: follow instead
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

/** A hold ends once the anchor needed no correction for this many frames in a row, or after the cap. */
const STABLE_FRAMES = 2
const MAX_HOLD_FRAMES = 30

/**
 * Holds the reader's place when rows change above or around it. The virtualizer anchors on the
 * item at the top edge by key, but measures newly inserted rows before it scrolls, and cannot
 * help when that item vanishes (system messages filtered out). So the place (a message and its
 * distance from the top) is noted after every render and scroll, and restored after a change.
 * The restoring goes on frame after frame until the place needs no more correcting: the new rows
 * are measured (and the virtualizer corrects for them) a frame or more later on a busy machine,
 * and one early correction would leave the place off by what came after. Scrolls during a hold
 * are the hold's own and do not move the noted place; the reader's own wheel, touch or key ends it.
 * Where new rows are not followed (`follow` false: a run jumped into), the place is held at the end too.
 * Returns the scroll handler that notes the place.
 */
export function useHeldPosition(
  scrollerRef: RefObject<HTMLElement | null>,
  rows: FeedRow[],
  endThreshold: number,
  follow = true,
  /**
   * Brings the row at `index` into the rendered window: when many rows above the anchor go at once
   * (a chat mostly of system notices, filtered), the virtualizer's offset lands far from it and its
   * article is not rendered at all, so there is nothing to measure until it is.
   */
  bringIntoView?: (index: number) => void,
) {
  const anchor = useRef<Anchor | null>(null)
  const lastRows = useRef(rows)
  const holding = useRef(false)
  /** Each change starts a new hold; an older hold still stepping stops at its next frame. */
  const generation = useRef(0)
  const record = useCallback(() => {
    if (scrollerRef.current && !holding.current) anchor.current = readAnchor(scrollerRef.current, endThreshold, follow)
  }, [scrollerRef, endThreshold, follow])

  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    const release = () => {
      holding.current = false
    }
    const events = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const
    for (const name of events) scroller.addEventListener(name, release, { passive: true })
    return () => {
      for (const name of events) scroller.removeEventListener(name, release)
    }
  }, [scrollerRef])

  useLayoutEffect(() => {
    if (rows === lastRows.current) {
      record()
      return
    }
    lastRows.current = rows
    const held = anchor.current
    if (!held) return
    holding.current = true
    const mine = ++generation.current
    let stable = 0
    let frames = 0
    let broughtIn = false
    // After the virtualizer has written its own correction for this change. Not cancelled by the
    // re-renders that measuring the new rows causes: those are part of the same change.
    const step = () => {
      const scroller = scrollerRef.current
      const article = scroller?.querySelector<HTMLElement>(`article[data-key="${held.key}"]`)
      if (mine !== generation.current) return
      if (holding.current && scroller && !article && !broughtIn && bringIntoView) {
        const index = lastRows.current.findIndex((row) => row.key === held.key)
        if (index >= 0) {
          broughtIn = true
          bringIntoView(index)
          requestAnimationFrame(step)
          return
        }
      }
      if (!holding.current || !scroller || !article) {
        holding.current = false
        return
      }
      const drift = article.getBoundingClientRect().top - scroller.getBoundingClientRect().top - held.top
      if (Math.abs(drift) >= 1) {
        scroller.scrollTop += drift
        stable = 0
      } else stable++
      frames++
      if (stable < STABLE_FRAMES && frames < MAX_HOLD_FRAMES) {
        requestAnimationFrame(step)
        return
      }
      holding.current = false
      record()
    }
    requestAnimationFrame(step)
  })

  return record
}
