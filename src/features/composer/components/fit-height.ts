import { useLayoutEffect, type RefObject } from 'react'

export const MAX_HEIGHT_PX = 200

/**
 * A browser that sizes the box to its text by itself (CSS `field-sizing: content`, composer.css):
 * no measuring here, which is a forced layout of the whole frame each time, the first of them on
 * the way to the first message.
 */
const sizesItself = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content')

/**
 * The box as tall as its text, or its placeholder when empty (Chromium counts the placeholder in
 * scrollHeight), up to MAX_HEIGHT_PX. scrollHeight leaves out the borders, which a border-box
 * height includes: without them the last line is cut by their width.
 */
export function fitHeight(input: HTMLTextAreaElement) {
  if (sizesItself) return
  input.style.height = 'auto'
  const borders = input.offsetHeight - input.clientHeight
  input.style.height = `${Math.min(input.scrollHeight + borders, MAX_HEIGHT_PX)}px`
}

/**
 * Fits the box again whenever what it shows may have changed its height: its text, its width (the
 * frame laid out, a narrower card) and the fonts (a line measured in a fallback font may wrap
 * differently once the real one is there). Measured at mount alone, the placeholder was cut.
 */
export function useFitHeight(inputRef: RefObject<HTMLTextAreaElement | null>, text: string, placeholder: string) {
  useLayoutEffect(() => {
    if (inputRef.current) fitHeight(inputRef.current)
  }, [inputRef, text, placeholder])
  useLayoutEffect(() => {
    const input = inputRef.current
    // jsdom has neither (nor layout): there is nothing to measure; nor where the box sizes itself.
    if (!input || typeof ResizeObserver === 'undefined' || sizesItself) return
    let width = input.clientWidth
    const observer = new ResizeObserver(() => {
      // Its own height changes as it is fitted: only a new width asks for fitting again.
      if (input.clientWidth === width) return
      width = input.clientWidth
      fitHeight(input)
    })
    observer.observe(input)
    let live = true
    void document.fonts?.ready.then(() => live && fitHeight(input))
    return () => {
      live = false
      observer.disconnect()
    }
  }, [inputRef])
}
