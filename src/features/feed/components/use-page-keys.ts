import type { KeyboardEvent, RefObject } from 'react'
import type { FeedRow } from '../api/build-rows'

/** PageUp / PageDown move focus to the previous / next message (WAI-ARIA feed pattern). */
export function usePageKeys(scrollerRef: RefObject<HTMLElement | null>, rows: FeedRow[], scrollToIndex: (index: number) => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'PageUp' && event.key !== 'PageDown') return
    const article = (event.target as HTMLElement).closest('article')
    const current = article ? rows.findIndex((r) => r.key === article.dataset['key']) : -1
    if (current < 0) return
    event.preventDefault()
    const target = rows[current + (event.key === 'PageUp' ? -1 : 1)]
    if (!target) return
    scrollToIndex(current + (event.key === 'PageUp' ? -1 : 1))
    focusWhenRendered(scrollerRef, target.key)
  }
}

/** Focuses a row's article once the virtualizer has rendered it (a far jump can take a second to settle). */
export function focusWhenRendered(scrollerRef: RefObject<HTMLElement | null>, key: string) {
  const focus = (attempt: number) => {
    const article = scrollerRef.current?.querySelector<HTMLElement>(`article[data-key="${key}"]`)
    if (article) article.focus()
    else if (attempt < 60) requestAnimationFrame(() => focus(attempt + 1))
  }
  requestAnimationFrame(() => focus(0))
}
