import type { Author, ChatFile, Message, TaskChat, Viewer } from '../types'
import type { UnreadState } from './opening-unread'
import type { Read } from './reads'
import { addRead, addSent, findMessage, replaceMessage, type Run } from './runs'

/** The task's conversation as the app holds it: ONE cache entry that every read and every confirmed send lands in. */
export interface Conversation {
  task: TaskChat
  viewer: Viewer
  /** null while the task has no chat yet (the portal creates it with the first message). */
  chatId: number | null
  runs: Run[]
  /**
   * Messages read one by one, outside any run (those the task's results were made from, far back in
   * history): known, but with no neighbours to page from, so never shown in the feed. A run that
   * later covers one holds the newer copy.
   */
  alone?: ReadonlyMap<number, Message>
  authors: ReadonlyMap<number, Author>
  files: ReadonlyMap<number, ChatFile>
  /** The portal's UTC offset, read off the zone of its dates; undefined when it gave none. */
  portalUtcOffsetMinutes?: number
  /** Where the viewer stopped reading when the card opened: the divider stays there for this visit. */
  unread: UnreadState
}

/** Flat records (authors, files) compared field by field. */
const sameRecord = <T extends object>(a: T | undefined, b: T) => a !== undefined && Object.entries(b).every(([k, v]) => (a as Record<string, unknown>)[k] === v)

function withAll<T extends { id: number }>(map: ReadonlyMap<number, T>, items: readonly T[]): ReadonlyMap<number, T> {
  // Read again unchanged (every live poll brings its authors): the same map, so nothing re-renders.
  if (items.every((item) => sameRecord(map.get(item.id), item))) return map
  const next = new Map(map)
  for (const item of items) next.set(item.id, item)
  return next
}

export function withRead(c: Conversation, read: Read): Conversation {
  const runs = addRead(c.runs, read.run)
  const authors = withAll(c.authors, read.authors)
  const files = withAll(c.files, read.files)
  const portalUtcOffsetMinutes = c.portalUtcOffsetMinutes ?? read.portalUtcOffsetMinutes
  if (runs === c.runs && authors === c.authors && files === c.files && portalUtcOffsetMinutes === c.portalUtcOffsetMinutes) return c
  return { ...c, runs, authors, files, portalUtcOffsetMinutes }
}

/** A confirmed send; `files` are those it carries (an upload answers its file with the message). */
export function withSent(c: Conversation, message: Message, files: readonly ChatFile[] = []): Conversation {
  const runs = addSent(c.runs, message)
  const withFiles = withAll(c.files, files)
  return runs === c.runs && withFiles === c.files ? c : { ...c, runs, files: withFiles }
}

export function withChanged(c: Conversation, message: Message): Conversation {
  const runs = replaceMessage(c.runs, message)
  const alone = c.alone?.has(message.id) ? new Map(c.alone).set(message.id, message) : c.alone
  return runs === c.runs && alone === c.alone ? c : { ...c, runs, alone }
}

/** Messages read alone (see `alone`), with their authors. */
export function withAlone(c: Conversation, messages: readonly Message[], authors: readonly Author[]): Conversation {
  const alone = messages.length === 0 ? c.alone : new Map([...(c.alone ?? []), ...messages.map((m) => [m.id, m] as const)])
  const withAuthors = withAll(c.authors, authors)
  return alone === c.alone && withAuthors === c.authors ? c : { ...c, alone, authors: withAuthors }
}

/** A message as the conversation holds it now: in a run, or read alone. */
export function messageIn(c: Conversation | undefined, id: number): Message | undefined {
  return c && (findMessage(c.runs, id) ?? c.alone?.get(id))
}
