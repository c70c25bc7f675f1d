/**
 * The answers of the im/imbot methods as the official docs (bitrix24/b24restdocs) show them, and so
 * as the local portal promises them. Loose objects: a portal may send more; what is listed must come.
 */
import * as v from 'valibot'
import { Forward, LegacyParams, Reactions, V2Params } from './shapes-readers.ts'

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/))

/** api-reference/chats/users/im-user-get.md: the snake_case user object (also im.user.list.get, im.dialog.users.list, messages.get users[]). */
export const ImUser = v.looseObject({
  id: v.number(),
  active: v.boolean(),
  name: v.string(),
  first_name: v.string(),
  last_name: v.string(),
  work_position: v.string(),
  color: v.string(),
  avatar: v.string(),
  avatar_hr: v.string(),
  gender: v.string(),
  bot: v.boolean(),
  extranet: v.boolean(),
  type: v.string(),
})

/** The camelCase user of the im.v2-style answers (im-dialog-messages-search.md users[]). */
const ImUserCamel = v.looseObject({
  id: v.number(),
  active: v.boolean(),
  name: v.string(),
  firstName: v.string(),
  lastName: v.string(),
  color: v.string(),
  avatar: v.string(),
  bot: v.boolean(),
  type: v.string(),
})

/** api-reference/chats/messages/index.md: files are camelCase in every im answer. */
export const ChatFile = v.looseObject({
  id: v.number(),
  chatId: v.number(),
  date: isoDate,
  type: v.picklist(['image', 'video', 'audio', 'file']),
  name: v.string(),
  size: v.number(),
  urlPreview: v.string(),
  urlShow: v.string(),
  urlDownload: v.string(),
})

/** chat-bots-v2/im.v2/files/file-upload.md, "Returned Data" */
export const FileUploaded = v.looseObject({ file: ChatFile, messageId: v.number(), chatId: v.number(), dialogId: v.string() })

/** api-reference/chats/messages/im-dialog-messages-get.md */
export const DialogMessagesGet = v.looseObject({
  chat_id: v.number(),
  messages: v.array(
    v.looseObject({
      id: v.number(),
      chat_id: v.number(),
      author_id: v.number(),
      date: isoDate,
      text: v.string(),
      unread: v.boolean(),
      uuid: v.nullable(v.string()),
      replaces: v.array(v.unknown()),
      params: LegacyParams,
    }),
  ),
  users: v.array(ImUser),
  files: v.array(ChatFile),
})

/** api-reference/chats/messages/im-dialog-messages-search.md: messages carry both casings of the ids. */
export const DialogMessagesSearch = v.looseObject({
  messages: v.array(
    v.looseObject({
      id: v.number(),
      chatId: v.number(),
      chat_id: v.number(),
      authorId: v.number(),
      author_id: v.number(),
      date: isoDate,
      text: v.string(),
      isSystem: v.boolean(),
      uuid: v.nullable(v.string()),
      forward: Forward,
      params: V2Params,
      viewedByOthers: v.boolean(),
      unread: v.boolean(),
    }),
  ),
  reactions: Reactions,
  usersShort: v.array(v.looseObject({ id: v.number(), name: v.string() })),
  users: v.array(ImUserCamel),
  files: v.array(ChatFile),
  additionalMessages: v.array(v.unknown()),
  tariffRestrictions: v.looseObject({ isHistoryLimitExceeded: v.boolean() }),
})

/** api-reference/chats/users/im-user-list-get.md with RESULT_TYPE=array; im-dialog-users-list.md. */
export const ImUserArray = v.array(ImUser)

/** api-reference/chats/im-dialog-get.md: the chat object (the context menu reads entity_type / entity_id; the opening reads last_id and counter). */
export const DialogGet = v.looseObject({
  counter: v.number(),
  last_id: v.number(),
  id: v.number(),
  name: v.string(),
  owner: v.number(),
  type: v.string(),
  entity_type: v.string(),
  entity_id: v.string(),
  message_count: v.number(),
  last_message_id: v.number(),
  dialog_id: v.string(),
})

/** api-reference/chat-bots/chat-bots-v2/imbot.v2/bots/bot-list.md: bots plus their users (the bot's name is its user's). */
export const BotList = v.looseObject({
  bots: v.array(v.looseObject({ id: v.number(), code: v.string(), type: v.string(), isHidden: v.boolean() })),
  users: v.array(v.looseObject({ id: v.number(), active: v.boolean(), name: v.string(), bot: v.boolean(), type: v.string() })),
  hasNextPage: v.boolean(),
})

/** api-reference/chats/messages/im-dialog-read.md: the read mark after the call, or false without access. */
export const DialogRead = v.union([v.looseObject({ dialogId: v.string(), chatId: v.number(), lastId: v.number(), counter: v.number() }), v.literal(false)])

/** im-message-add.md: the new message's id. */
export const MessageId = v.number()
/** chat-bots-v2/imbot.v2/messages/chat-message-send.md */
export const BotMessageSent = v.looseObject({ id: v.number(), uuidMap: v.union([v.record(v.string(), v.unknown()), v.array(v.unknown())]) })
/** im-chat-user-add.md, im-message-delete.md */
export const True = v.literal(true)
/** `{result: true}` inside the result, as the imbot.v2 methods answer. */
export const ResultTrue = v.object({ result: v.literal(true) })
