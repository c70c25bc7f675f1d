import type { Message } from './types'

/** For tests: a message of chat 1 by user 2, at the epoch, with its text named after its id. */
export function aMessage(id: number, extra: Partial<Message> = {}): Message {
  const authorId = extra.authorId ?? (extra.isSystem ? 0 : 2)
  return {
    id,
    chatId: 1,
    authorId,
    isSystem: authorId === 0,
    date: new Date(0),
    text: `m${id}`,
    isEdited: false,
    isDeleted: false,
    fileIds: [],
    replyToId: null,
    likedBy: [],
    unread: false,
    ...extra,
  }
}
