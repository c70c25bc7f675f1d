import { reactionsOf, withOwnLike } from '../../../chat/reactions'
import type { Message } from '../../../chat/types'

/** What a message looks like once a change is made, before the portal has said yes. */
export type Change = { kind: 'edit'; text: string } | { kind: 'delete' } | { kind: 'like'; userId: number; like: boolean }

export function applyChange(message: Message, change: Change): Message {
  switch (change.kind) {
    case 'edit':
      return { ...message, text: change.text, isEdited: true }
    case 'delete':
      return { ...message, isDeleted: true, text: '', fileIds: [], likedBy: [], reactions: message.reactions && [], attach: [], keyboard: [] }
    case 'like': {
      const others = message.likedBy.filter((id) => id !== change.userId)
      const likedBy = change.like ? [...others, change.userId] : others
      // Known reactions change with it; unknown ones (the legacy reader) stay unknown: LIKE says it all.
      return message.reactions
        ? { ...message, likedBy, reactions: withOwnLike(reactionsOf(message, change.userId), change.userId, change.like) }
        : { ...message, likedBy }
    }
  }
}

/**
 * What the message goes back to when the portal refuses a change. A read that landed meanwhile
 * replaced the optimistic copy and is the truth, so it stays; a like is undone on whatever is
 * cached now (other likes may have arrived), the rest goes back to the message as it was.
 */
export function rolledBack(current: Message, optimistic: Message, previous: Message, change: Change): Message {
  if (change.kind === 'like') return applyChange(current, { ...change, like: !change.like })
  return current === optimistic ? previous : current
}

/** Seconds after posting during which Bitrix24 lets the author change a message (its im module; chats/messages/index.md). */
export const EDIT_WINDOW_S = 259_200

/** Whether the viewer may edit or delete the message, as far as the app can tell before asking. */
export function isChangeable(message: Message, viewerId: number, now: number): boolean {
  return viewerId > 0 && message.authorId === viewerId && !message.isSystem && !message.isDeleted && now - message.date.getTime() < EDIT_WINDOW_S * 1000
}
