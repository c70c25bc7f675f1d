import type { Author, ChatFile, HistoryPage } from '../types'
import type { Run } from './runs'

/** What one request for messages found: the range of ids it covers (a run) and who and what the messages name. */
export interface Read {
  run: Run
  authors: Author[]
  files: ChatFile[]
  portalUtcOffsetMinutes?: number
  /** Read through im.dialog.messages.search, which sees REPLY_ID, reactions and forwards (get does not: enrich.ts). */
  bySearch?: boolean
}

const extras = (page: HistoryPage) => ({ authors: page.authors, files: page.files, portalUtcOffsetMinutes: page.portalUtcOffsetMinutes })

/**
 * A page of messages older than `beforeId`, or the newest page when it is undefined (then the run
 * is live). The documented methods say nothing of more history, so an empty page marks the start
 * of the chat, and so does the portal's plan hiding what is older.
 */
export function mapOlderPage(page: HistoryPage, beforeId: number | undefined): Read {
  const { messages } = page
  const startReached = messages.length === 0 || page.limitedByPlan === true
  const newest = messages.at(-1)?.id ?? 0
  return {
    run: {
      from: messages.length === 0 ? 0 : messages[0]!.id,
      to: beforeId === undefined ? newest : beforeId - 1,
      messages,
      startReached,
      limitedByPlan: page.limitedByPlan === true,
      live: beforeId === undefined,
    },
    ...extras(page),
  }
}

/**
 * A page of messages newer than `afterId` (FIRST_ID). A page shorter than asked reached the newest
 * message: the run is live from here.
 */
export function mapNewerPage(page: HistoryPage, afterId: number, limit: number): Read {
  const messages = page.messages.filter((m) => m.id > afterId)
  const full = messages.length >= limit
  return {
    run: { from: afterId + 1, to: messages.at(-1)?.id ?? afterId, messages, startReached: false, limitedByPlan: false, live: !full },
    ...extras(page),
  }
}

/**
 * A window: `newer` (what is newer than the message, FIRST_ID) and `around` (what is older than the
 * first of those: the message and the ones before it). Together they cover from the oldest of
 * `around` to the newest of `newer` without a hole, whichever end of `newer` the portal listed first.
 */
export function joinWindow(around: HistoryPage, newer: Read): Read {
  const byId = new Map([...around.messages, ...newer.run.messages].map((m) => [m.id, m]))
  const messages = [...byId.values()].sort((a, b) => a.id - b.id)
  return {
    run: { ...newer.run, from: Math.min(messages[0]?.id ?? newer.run.from, newer.run.from), messages },
    authors: [...around.authors, ...newer.authors],
    files: [...around.files, ...newer.files],
    portalUtcOffsetMinutes: around.portalUtcOffsetMinutes ?? newer.portalUtcOffsetMinutes,
  }
}
