import * as v from 'valibot'
import { toAttach } from './map-attach'
import type { Author, ChatFile, HistoryPage, Message } from './types'
import { WireFile, WireHistory, WireMessage, WireUser } from './wire'
import { toForward, toKeyboard, toReactions, toSticker, WireForward, WireReactions, WireSticker } from './wire-content'

type Params = Record<string, unknown>

function ids(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value]
  return list.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0)
}

/** What a page says about its messages beside them: search's `reactions` and `stickers`. */
interface PageContent {
  /** undefined: the reader gives no reactions (im.dialog.messages.get). */
  reactions: ReadonlyMap<number, WireReactions> | undefined
  stickers: readonly WireSticker[]
}
const NO_CONTENT: PageContent = { reactions: undefined, stickers: [] }

/** A message read alone, without its page (reactions unknown, stickers without their pictures). */
export function toMessage(wire: WireMessage): Message {
  return toPageMessage(wire, NO_CONTENT)
}

function toPageMessage(wire: WireMessage, page: PageContent): Message {
  const params: Params = wire.params && !Array.isArray(wire.params) ? wire.params : {}
  const authorId = wire.author_id ?? wire.authorId ?? 0
  const replyTo = ids(params['REPLY_ID'])[0]
  const attach = toAttach(params['ATTACH'])
  const keyboard = toKeyboard(params['KEYBOARD'])
  const sticker = toSticker(params['STICKER_PARAMS'], page.stickers)
  const forwardInfo = v.safeParse(WireForward, wire.forward)
  const forward = toForward(forwardInfo.success ? forwardInfo.output : null, params)
  // The legacy reader marks a message with no text, files, keyboard or attach as deleted, with a
  // "deleted" text (im/lib/chat.php getMessages): a sticker's message is one. A real deletion resets
  // every param to IS_DELETED alone (SoftDeletionStrategy), so a sticker still there means it was not.
  const stickerOnly = sticker !== undefined && params['IS_DELETED'] === 'Y'
  return {
    id: wire.id,
    chatId: wire.chat_id ?? wire.chatId ?? 0,
    authorId,
    // author 0 is how Bitrix marks system messages; isSystem only exists in the v2 format.
    isSystem: wire.isSystem === true || authorId === 0,
    date: new Date(wire.date),
    text: stickerOnly ? '' : (wire.text ?? ''),
    isEdited: params['IS_EDITED'] === 'Y',
    isDeleted: params['IS_DELETED'] === 'Y' && !stickerOnly,
    fileIds: ids(params['FILE_ID']),
    replyToId: replyTo ?? null,
    likedBy: ids(params['LIKE']),
    unread: wire.unread === true,
    ...(typeof wire.viewedByOthers === 'boolean' && { seenByOthers: wire.viewedByOthers }),
    ...(attach.length > 0 && { attach }),
    ...(keyboard.length > 0 && { keyboard }),
    ...(page.reactions && { reactions: toReactions(page.reactions.get(wire.id)) }),
    ...(sticker && { sticker }),
    ...(forward && { forward }),
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
  const content: PageContent = {
    reactions: wire.reactions ? new Map(mapRows(wire.reactions, WireReactions, (r) => [r.messageId, r] as const)) : undefined,
    stickers: mapRows(wire.stickers ?? [], WireSticker, (s) => s),
  }
  const messages = mapRows(wire.messages, WireMessage, (m) => toPageMessage(m, content)).sort((a, b) => a.id - b.id)
  // Search names the people who reacted in `usersShort` (id, name, avatar), beside `users`.
  const authors = mapRows(wire.users, WireUser, toAuthor)
  const listed = new Set(authors.map((a) => a.id))
  for (const short of mapRows(wire.usersShort ?? [], WireUser, toAuthor)) if (!listed.has(short.id)) authors.push(short)
  const limitedByPlan = wire.tariffRestrictions?.isHistoryLimitExceeded === true
  const stamped = wire.messages.find((m): m is { date: string } => typeof (m as { date?: unknown })?.date === 'string')
  return {
    chatId,
    messages,
    authors,
    files: mapRows(wire.files, WireFile, toChatFile),
    limitedByPlan,
    portalUtcOffsetMinutes: stamped ? utcOffsetMinutes(stamped.date) : undefined,
  }
}
