import type { Author, ChatFile, HistoryPage } from '../types'
import type { Run } from './runs'

/** What one request for messages found: the range of ids it covers (a run) and who and what the messages name. */
export interface Read {
  run: Run
  authors: Author[]
  files: ChatFile[]
  portalUtcOffsetMinutes?: number
}

const extras = (page: HistoryPage) => ({ authors: page.authors, files: page.files, portalUtcOffsetMinutes: page.portalUtcOffsetMinutes })

/**
 * A page of messages older than `beforeId`, or the newest page when it is undefined (then the run
 * is live). The documented methods say nothing of more history, so an empty page marks the start
 * of the chat, and so does the portal's plan hiding what is older.
 */
export function olderRead(page: HistoryPage, beforeId: number | undefined): Read {
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
export function newerRead(page: HistoryPage, afterId: number, limit: number): Read {
  const messages = page.messages.filter((m) => m.id > afterId)
  const full = messages.length >= limit
  return {
    run: { from: afterId + 1, to: messages.at(-1)?.id ?? afterId, messages, startReached: false, limitedByPlan: false, live: !full },
    ...extras(page),
  }
}

/** The messages up to and including `id` (LAST_ID id + 1) and after it (FIRST_ID id): one run around it. */
export function windowRead(before: HistoryPage, after: HistoryPage, id: number, limit: number): Read {
  const older = olderRead(before, id + 1)
  const newer = newerRead(after, id, limit)
  return {
    run: { ...older.run, to: newer.run.to, messages: [...older.run.messages, ...newer.run.messages], live: newer.run.live },
    authors: [...older.authors, ...newer.authors],
    files: [...older.files, ...newer.files],
    portalUtcOffsetMinutes: older.portalUtcOffsetMinutes ?? newer.portalUtcOffsetMinutes,
  }
}
