import * as v from 'valibot'
import type { Forward, KeyboardButton, Reaction, Sticker } from './types'
import { Id } from './wire'

// A message's content outside its text, as the two history readers give it. The legacy reader
// (im.dialog.messages.get) keeps params in Bitrix's stored, upper-case form; the v2 reader
// (im.dialog.messages.search, im/lib/V2/Message/Params.php) converts some of them to camelCase
// (STICKER_PARAMS: `{id, packId, packType}`) and writes ints as strings. Keys are read in upper
// case whatever came, so one schema reads both.

/** `packId` → `PACK_ID`, `RICH_LINK` stays; values are left alone, keys at every depth. */
export function upperKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(upperKeys)
  if (!value || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    const upper = /^[A-Z0-9_]+$/.test(key) ? key : key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()
    out[upper] = upperKeys(inner)
  }
  return out
}

const yes = (value: unknown) => value === 'Y' || value === true

/** im/lib/bot/keyboard.php writes LINK through htmlspecialcharsbx: `&amp;` is an `&`. */
function unescapeHtml(text: string): string {
  return text.replace(/&(amp|quot|lt|gt|#0?39);/g, (_, name: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>' })[name] ?? "'")
}
const colour = (value: unknown) => (typeof value === 'string' && /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(value) ? value : null)

const WireButton = v.looseObject({
  TYPE: v.nullish(v.string()),
  TEXT: v.nullish(v.union([v.string(), v.number()])),
  LINK: v.nullish(v.string()),
  CONTEXT: v.nullish(v.string()),
  DISPLAY: v.nullish(v.string()),
})

/**
 * params.KEYBOARD (im/lib/bot/keyboard.php getArray): a list of buttons, `{TYPE: 'NEWLINE'}` between
 * rows; 'N' (CIMMessageParam::GetDefault) or anything else not a list is no keyboard. Buttons for the
 * mobile app only (CONTEXT MOBILE) are left out, as the web messenger does; one without a TEXT is skipped.
 */
export function toKeyboard(raw: unknown): KeyboardButton[] {
  let upper = upperKeys(raw)
  // The writers' form `{BUTTONS: [...]}` (im.message.add, KEYBOARD) is read as its list.
  if (upper && typeof upper === 'object' && !Array.isArray(upper)) upper = (upper as Record<string, unknown>)['BUTTONS']
  if (!Array.isArray(upper)) return []
  const out: KeyboardButton[] = []
  for (const row of upper) {
    const parsed = v.safeParse(WireButton, row)
    if (!parsed.success) continue
    const button = parsed.output
    if (button.TYPE === 'NEWLINE') {
      if (out.length > 0 && out.at(-1)!.kind !== 'newline') out.push({ kind: 'newline' })
      continue
    }
    const text = String(button.TEXT ?? '').trim()
    if (!text || button.CONTEXT === 'MOBILE') continue
    const link = button.LINK && /^(?:\/|https?:\/\/)/i.test(button.LINK) ? unescapeHtml(button.LINK) : null
    out.push({
      kind: 'button',
      text,
      link,
      messengerOnly: link === null,
      disabled: yes(button['DISABLED']),
      display: button.DISPLAY === 'LINE' ? 'LINE' : 'BLOCK',
      bgColor: colour(button['BG_COLOR']),
      textColor: colour(button['TEXT_COLOR']),
    })
  }
  if (out.at(-1)?.kind === 'newline') out.pop()
  return out
}

/** The page's `stickers` (search: StickerItem::toRestFormat): where each sticker's picture is. */
export const WireSticker = v.looseObject({
  id: Id,
  packId: v.nullish(Id),
  packType: v.nullish(v.string()),
  uri: v.nullish(v.string()),
  width: v.nullish(v.number()),
  height: v.nullish(v.number()),
})
export type WireSticker = v.InferOutput<typeof WireSticker>

const WireStickerParams = v.looseObject({ ID: Id, PACK_ID: v.nullish(Id), PACK_TYPE: v.nullish(v.string()) })

/** params.STICKER_PARAMS (`{ID, PACK_ID, PACK_TYPE}`, or camelCase from search), with its picture when the page has it. */
export function toSticker(raw: unknown, stickers: readonly WireSticker[]): Sticker | undefined {
  const parsed = v.safeParse(WireStickerParams, upperKeys(raw))
  if (!parsed.success) return undefined
  const { ID: id, PACK_ID: packId, PACK_TYPE: packType } = parsed.output
  const found = stickers.find((s) => s.id === id && (s.packId ?? packId) === packId && (s.packType ?? packType) === packType)
  return { id, packId: packId ?? 0, packType: packType ?? '', url: found?.uri || null, width: found?.width || null, height: found?.height || null }
}

/** Search's `forward` (Message::getForwardInfo): `{id, userId, chatTitle, chatType}`, or null. */
export const WireForward = v.nullish(v.looseObject({ userId: v.nullish(v.union([Id, v.literal(0)])), chatTitle: v.nullish(v.string()) }))

/**
 * Whether and from whom a message was forwarded: search's `forward`, else params FORWARD_USER_ID /
 * FORWARD_CHAT_TITLE (ForwardService), else FORWARD_ID alone (all the legacy reader keeps).
 */
export function toForward(forward: v.InferOutput<typeof WireForward>, params: Record<string, unknown>): Forward | undefined {
  const userId = Number(forward?.userId ?? params['FORWARD_USER_ID'] ?? 0)
  const title = forward?.chatTitle ?? params['FORWARD_CHAT_TITLE']
  const chatTitle = typeof title === 'string' && title.trim() ? title.trim() : null
  const marked = Boolean(forward) || (params['FORWARD_ID'] !== undefined && String(params['FORWARD_ID']) !== '0' && params['FORWARD_ID'] !== '')
  if (!marked && !(userId > 0)) return undefined
  return { userId: Number.isSafeInteger(userId) && userId > 0 ? userId : null, chatTitle }
}

const Counters = v.union([v.record(v.string(), v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/))])), v.array(v.unknown())])
const Users = v.union([v.record(v.string(), v.array(v.unknown())), v.array(v.unknown())])

/** One entry of search's top-level `reactions` (ReactionMessage::toRestFormat). */
export const WireReactions = v.looseObject({
  messageId: Id,
  reactionCounters: v.nullish(Counters),
  reactionUsers: v.nullish(Users),
  ownReactions: v.nullish(v.array(v.unknown())),
})
export type WireReactions = v.InferOutput<typeof WireReactions>

/** A message's reactions, every kind in the order the portal counts them; kinds counted 0 left out. */
export function toReactions(wire: WireReactions | undefined): Reaction[] {
  if (!wire) return []
  const counters = wire.reactionCounters && !Array.isArray(wire.reactionCounters) ? wire.reactionCounters : {}
  const users = wire.reactionUsers && !Array.isArray(wire.reactionUsers) ? wire.reactionUsers : {}
  const own = new Set((wire.ownReactions ?? []).map(String))
  return Object.entries(counters).flatMap(([code, raw]) => {
    // Own keys only: a code such as `toString` must not reach the object's inherited members.
    const listed = (Object.hasOwn(users, code) ? users[code]! : []).map(Number).filter((id) => Number.isSafeInteger(id) && id > 0)
    const count = Math.max(Number(raw), listed.length)
    return count > 0 ? [{ code, count, userIds: listed, own: own.has(code) }] : []
  })
}
