/** What can take focus inside a message: its actions, links in the text, file chips, Retry... */
const CONTROLS = 'a[href], button, input, select, textarea, [contenteditable="true"]'

/**
 * Makes a message's controls Tab stops only while the reader is inside the message (entered with
 * Enter, or by clicking one). Otherwise each message would cost a Tab stop per control, and Tab
 * would wander through messages rendered off screen. Set on the DOM because links come from the
 * BB-code renderer; React leaves an attribute it does not manage alone across re-renders.
 */
export function setControlsTabbable(article: HTMLElement, tabbable: boolean) {
  const value = tabbable ? '0' : '-1'
  for (const control of article.querySelectorAll<HTMLElement>(CONTROLS)) {
    if (control.getAttribute('tabindex') !== value) control.setAttribute('tabindex', value)
  }
}

/** The control Enter goes to: the first of the message's actions, else its first control of any kind. */
export function firstControl(article: HTMLElement): HTMLElement | null {
  return article.querySelector<HTMLElement>('.message__actions button') ?? article.querySelector<HTMLElement>(CONTROLS)
}

/**
 * The message the feed's single Tab stop sits on: the one last focused while it is wholly in view,
 * else the newest wholly in view, so that tabbing into the feed never scrolls the reader away.
 */
export function pickTabStop(scroller: HTMLElement, lastFocused: string | null): string | null {
  const view = scroller.getBoundingClientRect()
  const bottom = view.top + scroller.clientHeight
  let newestWhole: string | null = null
  let newestSeen: string | null = null
  for (const article of scroller.querySelectorAll<HTMLElement>('article[data-key]')) {
    const box = article.getBoundingClientRect()
    if (box.bottom <= view.top || box.top >= bottom) continue
    const key = article.dataset['key']!
    const whole = box.top >= view.top - 1 && box.bottom <= bottom + 1
    if (whole && key === lastFocused) return key
    if (whole) newestWhole = key
    newestSeen = key
  }
  return newestWhole ?? newestSeen
}
