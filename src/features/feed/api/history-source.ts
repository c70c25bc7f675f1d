/**
 * Which method serves history on this portal. Modern portals have the undocumented
 * im.v2.Chat.Message.tail (200 per page); older ones only im.dialog.messages.get (50 per page).
 * Once a portal says it lacks tail we remember it for the browser session, so no later request
 * pays for the failed probe again.
 */
export type HistorySource = 'tail' | 'legacy'

const KEY = 'task-chat:history-source'
let remembered: HistorySource | undefined

export function historySource(): HistorySource {
  if (remembered) return remembered
  try {
    remembered = sessionStorage.getItem(KEY) === 'legacy' ? 'legacy' : 'tail'
  } catch {
    remembered = 'tail' // storage can be blocked in third-party frames
  }
  return remembered
}

export function rememberLegacyHistory(): void {
  remembered = 'legacy'
  try {
    sessionStorage.setItem(KEY, 'legacy')
  } catch {
    // keep the in-memory choice only
  }
}

/** For tests: forget what we learned. */
export function forgetHistorySource(): void {
  remembered = undefined
  try {
    sessionStorage.removeItem(KEY)
  } catch {
    // nothing to forget
  }
}
