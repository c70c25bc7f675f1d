import type { Author, ChatFile, Message, TaskChat, Viewer } from '../types'
import type { UnreadState } from './opening-unread'
import type { Read } from './reads'
import { addRead, addSent, replaceMessage, type Run } from './runs'

/** The task's conversation as the app holds it: ONE cache entry that every read and every confirmed send lands in. */
export interface Conversation {
  task: TaskChat
  viewer: Viewer
  /** null while the task has no chat yet (the portal creates it with the first message). */
  chatId: number | null
  runs: Run[]
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
  return runs === c.runs ? c : { ...c, runs }
}
