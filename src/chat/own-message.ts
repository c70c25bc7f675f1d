import type { Message } from './types'

/** A message the user wrote here, as the app shows it before a read brings the portal's copy. */
export function ownMessage(fields: Pick<Message, 'id' | 'chatId' | 'authorId' | 'date' | 'text' | 'replyToId'>): Message {
  return { ...fields, isSystem: false, isEdited: false, isDeleted: false, fileIds: [], likedBy: [], unread: false }
}
