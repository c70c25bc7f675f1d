import type { Message } from '../types'
import { keepUnseen, sameMessage } from './message-merge'

export { sameMessage }

/**
 * A loaded part of the chat: every message with an id from `from` to `to` (inclusive) is in
 * `messages`. Ids are not consecutive within a chat (they are shared with every other chat of the
 * portal), so a run is known by the ids it covers, not by counting: a page read "before id X"
 * covers everything from its oldest message up to X - 1, and so touches the run that starts at X.
 *
 * The conversation is a list of runs rather than one list of pages (an infinite query) because a
 * jump to a message far back loads a window there without loading what lies between: the reader
 * pages both ways from it, and the runs join when they meet. A page of an infinite query can only
 * grow at its two ends; a jump would have to throw the pages away, and "Jump to latest" would then
 * read them again.
 */
export interface Run {
  from: number
  to: number
  /** Oldest first. The live run may end with the user's own sends above `to`, confirmed before a read covered them. */
  messages: Message[]
  /** Nothing is older than `from`: the chat starts there (or the portal's plan shows no more). */
  startReached: boolean
  limitedByPlan: boolean
  /** Reaches the newest message as of the last read: new messages are polled for above `to`. */
  live: boolean
}

const byId = (a: Message, b: Message) => a.id - b.id

/** Whether two runs cover overlapping or adjacent ids: then they are one. */
function touches(a: Run, b: Run): boolean {
  return a.from <= b.to + 1 && b.from <= a.to + 1
}

const sameRun = (a: Run, b: Run) =>
  a.from === b.from &&
  a.to === b.to &&
  a.startReached === b.startReached &&
  a.limitedByPlan === b.limitedByPlan &&
  a.live === b.live &&
  a.messages.length === b.messages.length &&
  a.messages.every((m, i) => m === b.messages[i])

/**
 * Ids outside the read's range keep the run's copy; inside it, the read is the truth (a message it lacks
 * was deleted), except for what its reader cannot see (message-merge.ts).
 */
function joinInto(read: Run, runs: readonly Run[]): Run {
  const cached = new Map<number, Message>()
  for (const r of runs) for (const m of r.messages) cached.set(m.id, m)
  const kept = new Map<number, Message>()
  for (const [id, m] of cached) if (id < read.from || id > read.to) kept.set(id, m)
  for (const fresh of read.messages) {
    const old = cached.get(fresh.id)
    const m = old ? keepUnseen(old, fresh) : fresh
    kept.set(m.id, old && sameMessage(old, m) ? old : m)
  }
  const all = [read, ...runs]
  const from = Math.min(...all.map((r) => r.from))
  const first = all.filter((r) => r.from === from)
  const joined: Run = {
    from,
    to: Math.max(...all.map((r) => r.to)),
    messages: [...kept.values()].sort(byId),
    startReached: first.some((r) => r.startReached),
    limitedByPlan: first.some((r) => r.limitedByPlan),
    live: all.some((r) => r.live),
  }
  // A read that changed nothing (most live polls) leaves the run as it was.
  return runs.length === 1 && sameRun(runs[0]!, joined) ? runs[0]! : joined
}

/**
 * Adds what one read found. Runs it touches join it; in the range it covers, its copy of each
 * message replaces the cached one (edits, deletions and likes land this way) and cached messages
 * it lacks are gone. A live read that does not touch the old live run leaves a gap: more arrived
 * than one read holds. The old run stops being live and the gap loads like any other.
 */
export function addRead(runs: readonly Run[], given: Run): Run[] {
  const read = bounded(runs, given)
  if (!read) return runs as Run[]
  const joined = runs.filter((r) => touches(r, read))
  const rest = runs
    .filter((r) => !touches(r, read))
    .map((r) => {
      // Only sends above a run's `to` can fall in another run's range: the read has the truth about them.
      const messages = r.messages.filter((m) => m.id < read.from || m.id > read.to)
      const live = r.live && !read.live
      return messages.length === r.messages.length && live === r.live ? r : { ...r, messages, live }
    })
  const next = [...rest, joinInto(read, joined)].sort((a, b) => a.from - b.from)
  return next.length === runs.length && next.every((r, i) => r === runs[i]) ? (runs as Run[]) : next
}

/**
 * What an empty read may claim. An empty newest page beside a live run that has messages says
 * nothing (the portal answered oddly, or everything was deleted at once): the run stays. An empty
 * page "older than X" reaches only down to the run below X, if there is one: its cursor may have
 * been a message deleted meanwhile, and the messages below are still known to be there.
 */
function bounded(runs: readonly Run[], read: Run): Run | null {
  if (read.messages.length > 0) return read
  if (read.live && read.from === 0 && read.to === 0) return runs.some((r) => r.live && r.messages.length > 0) ? null : read
  const below = runs.filter((r) => r.to < read.to && r.messages.length > 0).at(-1)
  return below && read.startReached ? { ...read, from: below.to + 1, startReached: false, limitedByPlan: false } : read
}

/** The user's own message, confirmed by the portal: shown at once in the live run; a later read of it wins. */
export function addSent(runs: readonly Run[], message: Message): Run[] {
  if (runs.some((r) => r.messages.some((m) => m.id === message.id))) return runs as Run[]
  return runs.map((r) => (r.live ? { ...r, messages: [...r.messages, message].sort(byId) } : r))
}

/**
 * A message changed by the user (edited, deleted, liked) or put back after the portal refused the
 * change: written in place in the run that holds it, at once. The next read of its range is the truth.
 */
export function replaceMessage(runs: readonly Run[], message: Message): Run[] {
  const at = runs.findIndex((r) => r.messages.some((m) => m.id === message.id))
  if (at < 0) return runs as Run[]
  const run = runs[at]!
  const messages = run.messages.map((m) => (m.id === message.id ? message : m))
  return runs.map((r, i) => (i === at ? { ...run, messages } : r))
}

/** The run that holds a message (or covers its id); the live run for `null`. */
export function runOf(runs: readonly Run[], id: number | null): Run | undefined {
  if (id === null) return runs.find((r) => r.live)
  return runs.find((r) => (r.from <= id && id <= r.to) || r.messages.some((m) => m.id === id))
}

export function findMessage(runs: readonly Run[], id: number): Message | undefined {
  for (const run of runs) {
    if (run.messages.length === 0 || id < run.messages[0]!.id || id > run.messages.at(-1)!.id) continue
    const found = run.messages.find((m) => m.id === id)
    if (found) return found
  }
  return undefined
}
