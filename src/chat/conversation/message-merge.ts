import type { Message } from '../types'

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i])
/** The content fields are small plain data; comparing their JSON is enough and cheap. */
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

/**
 * Whether a message read again is what is cached: then the cached object stays, and nothing re-renders.
 * `unread` is left out: where the unread part starts is taken once, on opening (opening-unread.ts).
 */
export function sameMessage(a: Message, b: Message): boolean {
  return (
    a.id === b.id &&
    a.text === b.text &&
    a.isEdited === b.isEdited &&
    a.isDeleted === b.isDeleted &&
    a.authorId === b.authorId &&
    a.date.getTime() === b.date.getTime() &&
    a.replyToId === b.replyToId &&
    a.seenByOthers === b.seenByOthers &&
    sameIds(a.fileIds, b.fileIds) &&
    sameIds(a.likedBy, b.likedBy) &&
    sameJson(a.reactions, b.reactions) &&
    sameJson(a.attach, b.attach) &&
    sameJson(a.keyboard, b.keyboard) &&
    sameJson(a.sticker, b.sticker) &&
    sameJson(a.forward, b.forward)
  )
}

/**
 * A read is the truth about the messages in its range, except for what its reader cannot see.
 * im.dialog.messages.get (polls on a legacy portal, windows around a jump, the unread part) keeps
 * no REPLY_ID, no reactions, no forward's author and no sticker picture; search does. So a get
 * re-read keeps what an earlier search read (or the user's own send) knew of those:
 * - the reply's original: REPLY_ID never leaves a message once set (the im module has no way to unset it);
 * - reactions, while LIKE is unchanged: every reaction puts its user in LIKE (ReactionService), so an
 *   unchanged LIKE means nobody reacted or took a reaction back in a way the get reader could tell;
 *   a changed LIKE makes the kinds unknown, and the message shows LIKE as likes until search says more;
 * - the forward's author and chat, and the sticker's picture, for the same forward and sticker;
 * - whether others have seen it (search's viewedByOthers), which get does not say.
 */
export function keepUnseen(cached: Message, read: Message): Message {
  if (read.isDeleted) return read
  let merged = read
  if (read.replyToId === null && cached.replyToId !== null) merged = { ...merged, replyToId: cached.replyToId }
  if (read.reactions === undefined && cached.reactions !== undefined && sameIds(cached.likedBy, read.likedBy)) {
    merged = { ...merged, reactions: cached.reactions }
  }
  if (cached.forward && (!read.forward || (read.forward.userId === null && cached.forward.userId !== null))) merged = { ...merged, forward: cached.forward }
  if (read.seenByOthers === undefined && cached.seenByOthers !== undefined) merged = { ...merged, seenByOthers: cached.seenByOthers }
  if (read.sticker && read.sticker.url === null && cached.sticker?.url && cached.sticker.id === read.sticker.id) {
    merged = { ...merged, sticker: cached.sticker }
  }
  return merged
}
