import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type RefObject } from 'react'
import { pickTabStop, setControlsTabbable } from './message-controls'

/**
 * The feed is one Tab stop (roving tabindex): a single message takes part in the Tab order, the
 * last one focused, else the first unread one (`firstUnreadKey`: where a reader of the news starts),
 * else the newest one in view; each only while wholly in view (see pickTabStop), chosen again after
 * every render and scroll. `enteredKey` is the message whose own controls the reader has moved into.
 * The top row's buttons (Retry, Load older) are Tab stops only while in view: tabbing to them from
 * far below would scroll the reader away.
 */
export function useRovingTabStop(
  scrollerRef: RefObject<HTMLElement | null>,
  topRef: RefObject<HTMLElement | null>,
  topHeight: number,
  firstUnreadKey?: string,
) {
  const [tabKey, setTabKey] = useState<string | null>(null)
  const [enteredKey, setEnteredKey] = useState<string | null>(null)
  const lastFocused = useRef<string | null>(null)

  const refresh = useCallback(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    if (topRef.current) setControlsTabbable(topRef.current, scroller.scrollTop < topHeight)
    const next = pickTabStop(scroller, lastFocused.current ?? firstUnreadKey ?? null)
    if (next !== null) setTabKey(next)
  }, [scrollerRef, topRef, topHeight, firstUnreadKey])
  // After every render: rows come and go as the reader scrolls and history loads. Before paint, so
  // a Tab pressed at any moment finds a message in view.
  useLayoutEffect(refresh)

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const article = (event.target as HTMLElement).closest<HTMLElement>('article[data-key]')
    if (!article) return
    const key = article.dataset['key']!
    lastFocused.current = key
    setTabKey(key)
    setEnteredKey(event.target === article ? null : key)
  }, [])

  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    const from = (event.target as HTMLElement).closest('article[data-key]')
    const to = event.relatedTarget as Node | null
    if (from && !(to && from.contains(to))) setEnteredKey(null)
  }, [])

  return { tabKey, enteredKey, refresh, onFocus, onBlur }
}
