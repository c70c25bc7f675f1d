import type { Read } from './reads'
import type { Run } from './runs'
import { historySource } from './history-source'

/**
 * im.dialog.messages.get (polls, the unread run, windows, newer pages) keeps no REPLY_ID, reactions,
 * forward author or sticker picture (CIMMessageParam::GetDefault()); search does. Per chat: the ids
 * first read through get that no search read has covered yet. Module-wide like the history source:
 * the cache entry holds what is shown, this what is still to learn of it.
 */
const pending = new Map<number, Set<number>>()

/** Ids a get read brought that the conversation did not hold (a get re-read of known messages costs nothing). */
export function newIds(runs: readonly Run[], read: Read): number[] {
  const known = new Set(runs.flatMap((r) => r.messages.map((m) => m.id)))
  return read.run.messages.filter((m) => !known.has(m.id)).map((m) => m.id)
}

export function notePending(chatId: number, ids: readonly number[]): void {
  if (ids.length === 0 || historySource() === 'get') return
  const set = pending.get(chatId) ?? new Set<number>()
  for (const id of ids) set.add(id)
  pending.set(chatId, set)
}

/** A search read is the truth for its range: what it covers needs no enrich. */
export function noteSearched(chatId: number, read: Read): void {
  const set = pending.get(chatId)
  if (set) for (const id of set) if (id >= read.run.from && id <= read.run.to) set.delete(id)
}

/** The ids still to re-read for a chat, if any (enrich.ts empties the set as it reads them). */
export function pendingIds(chatId: number): Set<number> | undefined {
  return pending.get(chatId)
}

/** Nothing more to re-read for the chat (search was refused: get alone serves it from now on). */
export function dropPending(chatId: number): void {
  pending.delete(chatId)
}
