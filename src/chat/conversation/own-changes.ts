import type { Message } from '../types'
import type { Read } from './reads'

/**
 * When the reader changed each message in this tab (edited, deleted, liked, or had it put back
 * after a refusal). Every live poll reads the newest page whole, so a poll asked for before the
 * change reached the portal brings the message as it was, and would show the old state for a
 * moment over the change on screen. Module-wide like the enrich state: it is of this tab's reader.
 */
const changedAt = new Map<number, number>()

/** How long after a change a poll may still have been answered from before it (the change's round trip). */
export const SETTLE_MS = 2_000

export function noteOwnChange(id: number, at = Date.now()): void {
  changedAt.set(id, at)
}

/** The read, with the cached copy kept of each message the reader changed after (or just before) the poll was asked for. */
export function keepOwnChanges(read: Read, askedAt: number, cached: ReadonlyMap<number, Message>): Read {
  const messages = read.run.messages.map((m) => {
    const at = changedAt.get(m.id)
    return at !== undefined && askedAt < at + SETTLE_MS ? (cached.get(m.id) ?? m) : m
  })
  return messages.every((m, i) => m === read.run.messages[i]) ? read : { ...read, run: { ...read.run, messages } }
}
