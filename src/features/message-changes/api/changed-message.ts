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

/**
 * Whether the viewer may delete (and, but for forwards, edit) the message, as far as the app can
 * tell before asking. No time limit: chats/messages/index.md says the period is a setting of the
 * portal, which no method reads, so the portal decides, and its CANT_EDIT_MESSAGE takes the
 * actions away from that message (use-message-changes.ts).
 */
export function isChangeable(message: Message, viewerId: number): boolean {
  return viewerId > 0 && message.authorId === viewerId && !message.isSystem && !message.isDeleted
}

/** A forward is never edited (CIMMessenger::CheckPossibilityUpdateMessage in the im source), only deleted. */
export const isEditable = (message: Message, viewerId: number): boolean => isChangeable(message, viewerId) && message.forward === undefined
