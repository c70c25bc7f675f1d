/**
 * The first keystroke (issue #23): the first animation frame in which the framed page has a
 * composer that takes typing. Observable, whatever builds it: an element with role textbox (a
 * textarea, a text input, or [role=textbox], contenteditable included) whose accessible name is the
 * composer's ('composer.label' in the card's language), rendered, and neither disabled, read-only,
 * inert (itself or an ancestor) nor aria-disabled. Whichever element carries that name counts: an
 * early box that hands its text to the real composer as much as the real one.
 */

declare const __COMPOSER_LABEL__: string

const CANDIDATES = 'textarea, input:not([type]), input[type="text"], [role="textbox"], [contenteditable]:not([contenteditable="false"])'

function accessibleName(el: HTMLElement): string {
  const labelledBy = el.getAttribute('aria-labelledby')
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
    if (text.trim()) return text.trim()
  }
  const label = el.getAttribute('aria-label')
  if (label?.trim()) return label.trim()
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const labels = [...(el.labels ?? [])].map((l) => l.textContent ?? '').join(' ')
    if (labels.trim()) return labels.trim()
  }
  return (el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '').trim()
}

function takesTyping(el: HTMLElement): boolean {
  if (el.closest('[inert]') || el.closest('[aria-disabled="true"]')) return false
  if (el.getAttribute('aria-readonly') === 'true') return false
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    if (el.matches(':disabled') || el.readOnly) return false
  } else if (!el.isContentEditable) {
    return false
  }
  return el.checkVisibility({ visibilityProperty: true })
}

/** The composer that takes typing, if the page has one now. */
export function editableComposer(name: string = __COMPOSER_LABEL__): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>(CANDIDATES)) if (accessibleName(el) === name && takesTyping(el)) return el
  return null
}

/** Attributes that can make a box take typing or not (or name it); style and class for visibility. */
const WATCHED = [
  'disabled',
  'readonly',
  'inert',
  'aria-disabled',
  'aria-readonly',
  'aria-label',
  'aria-labelledby',
  'contenteditable',
  'role',
  'hidden',
  'style',
  'class',
]

/** A box with the composer's name, whether or not it takes typing yet. */
const named = (name: string): boolean => [...document.querySelectorAll<HTMLElement>(CANDIDATES)].some((el) => accessibleName(el) === name)

/**
 * From the page's first script on, until a composer takes typing; `found` gets the time of the
 * animation frame that first shows it (performance.now() in the callback, as the first message's
 * frame in probe.ts). Checked after every batch of DOM changes (a MutationObserver), not every
 * frame, so that the probe adds next to nothing to the page it measures; only while a box with the
 * composer's name is there but does not take typing yet (a stylesheet may still hide it) is it
 * checked every frame as well. Gives up after giveUpMs (the floors have no composer).
 */
export function watchComposer(found: (at: number) => void, giveUpMs = 60_000): void {
  let polling = false
  let done = false
  const check = () => {
    if (done) return
    // Past any figure's first keystroke: the scrolling and paging figures must not pay for a box that never comes.
    if (performance.now() > giveUpMs) {
      done = true
      observer.disconnect()
    } else if (editableComposer()) {
      done = true
      observer.disconnect()
      requestAnimationFrame(() => found(performance.now()))
    } else if (!polling && named(__COMPOSER_LABEL__)) {
      polling = true
      const poll = () => {
        check()
        if (!done) requestAnimationFrame(poll)
      }
      requestAnimationFrame(poll)
    }
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: WATCHED })
}
