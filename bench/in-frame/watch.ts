/**
 * In-frame watchers for what a person sees happen: a jump landing on its message (focus), and a
 * text showing in the feed's viewport (others' messages, an edit). Times are taken in the
 * animation frame that first shows the change, on the frame's clock.
 */
import { nextFrame } from './dom'
import type { JumpTimes } from './probe-api'

let jump: { messageId: number; times: JumpTimes } | null = null

const focusedOn = (messageId: number): boolean => {
  const active = document.activeElement
  return active instanceof HTMLElement && active.tagName === 'ARTICLE' && active.dataset['messageId'] === String(messageId)
}

/**
 * Before the click: notes when the next click happens (its event time, which is when the reader
 * clicked) and when focus first lands on the message's article.
 */
export function armJump(messageId: number): void {
  const times: JumpTimes = { clickAt: null, focusAt: null }
  jump = { messageId, times }
  window.addEventListener('click', (event) => (times.clickAt = event.timeStamp), { capture: true, once: true })
  const onFocus = () => {
    if (times.focusAt !== null || !focusedOn(messageId)) return
    times.focusAt = performance.now()
    document.removeEventListener('focusin', onFocus, true)
  }
  document.addEventListener('focusin', onFocus, true)
}

/** Resolves once the armed jump has focused its message, or after timeoutMs with focusAt null. */
export async function jumpTimes(timeoutMs: number): Promise<JumpTimes> {
  if (!jump) throw new Error('armJump first')
  const { messageId, times } = jump
  const until = performance.now() + timeoutMs
  while (times.focusAt === null && performance.now() < until) {
    await nextFrame()
    // focusin covers focus(); this covers focus that arrived before the listener could see it.
    if (times.focusAt === null && times.clickAt !== null && focusedOn(messageId)) times.focusAt = performance.now()
  }
  if (times.focusAt === null) times.missed = describeMiss(messageId)
  return { ...times }
}

/** Where things stand when focus never came: for the report, so a miss can be told from a slow jump. */
function describeMiss(messageId: number): string {
  const active = document.activeElement
  const where =
    active instanceof HTMLElement
      ? `${active.tagName.toLowerCase()}${active.dataset['messageId'] ? ` of message ${active.dataset['messageId']}` : ''}`
      : 'nothing'
  const present = document.querySelector(`article[data-message-id="${messageId}"]`) !== null
  return `focus on ${where}; the message's article ${present ? 'is' : 'is not'} in the DOM`
}

/** An article containing `text` (of the message `messageId` only, when given) with some part inside the feed's viewport. */
function shows(text: string, messageId?: number): boolean {
  const feed = document.querySelector<HTMLElement>('.feed-scroller')
  if (!feed) return false
  const view = feed.getBoundingClientRect()
  const which = messageId === undefined ? 'article[data-message-id]' : `article[data-message-id="${messageId}"]`
  for (const article of feed.querySelectorAll<HTMLElement>(which)) {
    if (!article.textContent?.includes(text)) continue
    const box = article.getBoundingClientRect()
    if (box.bottom > view.top && box.top < view.bottom) return true
  }
  return false
}

/** Epoch ms of the animation frame that first shows `text` in the feed's viewport; null after timeoutMs. */
export async function textShownAt(text: string, timeoutMs: number, messageId?: number): Promise<number | null> {
  const until = performance.now() + timeoutMs
  while (performance.now() < until) {
    const at = await nextFrame()
    if (shows(text, messageId)) return performance.timeOrigin + at
  }
  return null
}

/** As textShownAt, inside one message's article: a deletion or a like shows words other messages may have too. */
export const messageShowsAt = (messageId: number, text: string, timeoutMs: number): Promise<number | null> => textShownAt(text, timeoutMs, messageId)
