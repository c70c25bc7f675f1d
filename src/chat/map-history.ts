import * as v from 'valibot'
import type { Author, ChatFile, HistoryPage, Message } from './types'
import { WireFile, WireHistory, WireMessage, WireUser } from './wire'

type Params = Record<string, unknown>

function ids(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value]
  return list.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0)
}

export function toMessage(wire: WireMessage): Message {
  const params: Params = wire.params && !Array.isArray(wire.params) ? wire.params : {}
  const authorId = wire.author_id ?? wire.authorId ?? 0
  const replyTo = ids(params['REPLY_ID'])[0]
  return {
    id: wire.id,
    chatId: wire.chat_id ?? wire.chatId ?? 0,
    authorId,
    // author 0 is how Bitrix marks system messages; isSystem only exists in the v2 format.
    isSystem: wire.isSystem === true || authorId === 0,
    date: new Date(wire.date),
    text: wire.text ?? '',
    isEdited: params['IS_EDITED'] === 'Y',
    isDeleted: params['IS_DELETED'] === 'Y',
    fileIds: ids(params['FILE_ID']),
    replyToId: replyTo ?? null,
    likedBy: ids(params['LIKE']),
    unread: wire.unread === true,
  }
}

export function toAuthor(wire: WireUser): Author {
  const composed = [wire.first_name ?? wire.firstName, wire.last_name ?? wire.lastName].filter(Boolean).join(' ')
  return {
    id: wire.id,
    name: wire.name?.trim() || composed || `#${wire.id}`,
    avatarUrl: wire.avatar ? wire.avatar : null,
    color: wire.color || '#8a94a6',
    isBot: wire.bot === true,
  }
}

const FILE_KINDS = ['image', 'video', 'audio'] as const

export function toChatFile(wire: WireFile): ChatFile {
  const kind = FILE_KINDS.find((k) => k === wire.type) ?? 'file'
  const image = typeof wire.image === 'object' && wire.image !== null && wire.image.width > 0 && wire.image.height > 0 ? wire.image : null
  return {
    id: wire.id,
    name: wire.name ?? `file-${wire.id}`,
    kind,
    size: wire.size ?? 0,
    url: wire.urlDownload || wire.urlShow || null,
    showUrl: wire.urlShow || wire.urlDownload || null,
    // An empty urlPreview is how the portal says there is none (file-upload.md's example).
    previewUrl: wire.urlPreview || null,
    width: image?.width ?? null,
    height: image?.height ?? null,
  }
}

/**
 * The portal's UTC offset, from the zone it prints on its dates (`2026-03-04T09:43:26+03:00`): the
 * only way to read the zone-less times the portal writes into message text (old-style quotes).
 */
export function utcOffsetMinutes(date: string): number | undefined {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(date)
  if (!match) return /Z$/.test(date) ? 0 : undefined
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

/** Maps each row that fits its schema; a malformed row is dropped rather than breaking the page. */
function mapRows<S extends v.GenericSchema, T>(rows: unknown[], schema: S, map: (row: v.InferOutput<S>) => T): T[] {
  const out: T[] = []
  for (const row of rows) {
    const parsed = v.safeParse(schema, row)
    if (parsed.success) out.push(map(parsed.output))
    else console.warn('Skipped a row the portal sent in an unexpected shape', parsed.issues[0]?.message)
  }
  return out
}

/**
 * Maps a history answer (im.dialog.messages.search or im.dialog.messages.get; both come newest
 * first) into a page in reading order. Where the history ends is the reads' business (reads.ts).
 */
export function toHistoryPage(raw: unknown, chatId: number): HistoryPage {
  const wire = v.parse(WireHistory, raw)
  const messages = mapRows(wire.messages, WireMessage, toMessage).sort((a, b) => a.id - b.id)
  const limitedByPlan = wire.tariffRestrictions?.isHistoryLimitExceeded === true
  const stamped = wire.messages.find((m): m is { date: string } => typeof (m as { date?: unknown })?.date === 'string')
  return {
    chatId,
    messages,
    authors: mapRows(wire.users, WireUser, toAuthor),
    files: mapRows(wire.files, WireFile, toChatFile),
    limitedByPlan,
    portalUtcOffsetMinutes: stamped ? utcOffsetMinutes(stamped.date) : undefined,
  }
}
