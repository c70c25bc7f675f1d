import type { KeyboardEvent, RefObject } from 'react'
import type { FeedRow } from '../api/build-rows'
import { firstControl } from './message-controls'

/** Where a key moves focus from the message at `index` (WAI-ARIA feed pattern, plus arrows and Home/End). */
function targetIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowUp':
    case 'PageUp':
      return index - 1
    case 'ArrowDown':
    case 'PageDown':
      return index + 1
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

/**
 * The feed's keys. On a message: arrows and PageUp/PageDown go to the previous or next message,
 * Home/End to the first or last one loaded, Enter into the message's own controls (Reply, Make
 * result, links...). Inside them, Escape goes back to the message.
 */
export function useFeedKeys(scrollerRef: RefObject<HTMLElement | null>, rows: FeedRow[], scrollToIndex: (index: number) => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const target = event.target as HTMLElement
    const article = target.closest<HTMLElement>('article[data-key]')
    if (!article) return
    if (target !== article) {
      if (event.key !== 'Escape') return
      event.preventDefault()
      article.focus()
      return
    }
    if (event.key === 'Enter') {
      const control = firstControl(article)
      if (!control) return
      event.preventDefault()
      control.focus()
      return
    }
    const current = rows.findIndex((r) => r.key === article.dataset['key'])
    const next = current < 0 ? null : targetIndex(event.key, current, rows.length)
    if (next === null) return
    // Also when there is nowhere to go: the keys must not scroll the feed away from the focus.
    event.preventDefault()
    const row = rows[next]
    if (!row || next === current) return
    scrollToIndex(next)
    focusWhenRendered(scrollerRef, row.key)
  }
}

/**
 * Focuses a row's article: at once when it is rendered (a key held down moves on from it at the
 * next press), else once the virtualizer has rendered it (a far jump can take a second to settle).
 */
export function focusWhenRendered(scrollerRef: RefObject<HTMLElement | null>, key: string, highlight = false) {
  const focus = (attempt: number) => {
    const article = scrollerRef.current?.querySelector<HTMLElement>(`article[data-key="${key}"]`)
    if (article) {
      article.focus()
      // A message jumped to flashes once: focus after a click shows no ring, and the eye needs to find it.
      if (highlight) flash(article)
    } else if (attempt < 60) requestAnimationFrame(() => focus(attempt + 1))
  }
  focus(0)
}

/**
 * Marks the article for the highlight's length (message.css, `data-jumped`). Jumped to again while
 * marked, the highlight starts over; only its own animation ends it, not one of its content's
 * (animation events bubble).
 */
function flash(article: HTMLElement) {
  if (article.dataset['jumped'] !== undefined) {
    for (const animation of article.getAnimations?.() ?? [])
      if (animation instanceof CSSAnimation && animation.animationName === 'tc-jumped') animation.currentTime = 0
    return
  }
  article.dataset['jumped'] = ''
  const end = (event: AnimationEvent) => {
    if (event.target !== article) return
    delete article.dataset['jumped']
    article.removeEventListener('animationend', end)
    article.removeEventListener('animationcancel', end)
  }
  article.addEventListener('animationend', end)
  article.addEventListener('animationcancel', end)
}
