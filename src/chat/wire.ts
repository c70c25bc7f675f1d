import * as v from 'valibot'

// Wire shapes of the im methods. Casing differs by method and portal version (messages are
// snake_case in im.dialog.messages.get, camelCase in search and newer builds; files are
// camelCase everywhere), so each schema accepts both and the mappers pick whichever came.

/** One id schema for every wire shape: Bitrix sends ids as numbers or as digit strings. */
export const Id = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/))]),
  v.transform((value) => Number(value)),
)

/** PHP sends an empty params object as `[]`, sometimes as null. */
const Params = v.nullish(v.union([v.array(v.unknown()), v.record(v.string(), v.unknown())]))

export const WireMessage = v.looseObject({
  id: Id,
  chat_id: v.optional(Id),
  chatId: v.optional(Id),
  author_id: v.optional(Id),
  authorId: v.optional(Id),
  date: v.string(),
  text: v.nullish(v.string()),
  isSystem: v.optional(v.boolean()),
  /** Unread for the viewer (im-dialog-messages-get.md); older builds may leave it out. */
  unread: v.nullish(v.boolean()),
  /**
   * Search only (im-dialog-messages-search.md: "viewed by other participants"); im.dialog.messages.get
   * has no such field (im-dialog-messages-get.md), so absent means "not said", never "not seen".
   */
  viewedByOthers: v.nullish(v.boolean()),
  params: Params,
  /** Search's forward info (Message::getForwardInfo); the legacy reader has only params.FORWARD_ID. */
  forward: v.optional(v.unknown()),
})
export type WireMessage = v.InferOutput<typeof WireMessage>

export const WireUser = v.looseObject({
  id: Id,
  name: v.nullish(v.string()),
  first_name: v.nullish(v.string()),
  firstName: v.nullish(v.string()),
  last_name: v.nullish(v.string()),
  lastName: v.nullish(v.string()),
  avatar: v.nullish(v.string()),
  color: v.nullish(v.string()),
  bot: v.nullish(v.boolean()),
})
export type WireUser = v.InferOutput<typeof WireUser>

export const WireFile = v.looseObject({
  id: Id,
  name: v.nullish(v.string()),
  type: v.nullish(v.string()),
  size: v.nullish(v.number()),
  urlDownload: v.nullish(v.string()),
  urlShow: v.nullish(v.string()),
  urlPreview: v.nullish(v.string()),
  /** `{width, height}` for an image, `false` for other files (chat-bots-v2/entities.md#file). */
  image: v.nullish(v.union([v.looseObject({ width: v.number(), height: v.number() }), v.boolean()])),
})
export type WireFile = v.InferOutput<typeof WireFile>

/**
 * Every history method answers `{messages, users, files}`; search adds
 * `tariffRestrictions.isHistoryLimitExceeded` (the plan hides older history).
 */
export const WireHistory = v.looseObject({
  messages: v.array(v.unknown()),
  users: v.optional(v.array(v.unknown()), []),
  files: v.optional(v.array(v.unknown()), []),
  tariffRestrictions: v.nullish(v.looseObject({ isHistoryLimitExceeded: v.nullish(v.boolean()) })),
  /**
   * Search only (im-dialog-messages-search.md): `reactions` [{messageId, reactionCounters, reactionUsers,
   * ownReactions}], `stickers` (their pictures), `usersShort` (who reacted). Absent `reactions`: the reader gives none.
   */
  reactions: v.nullish(v.array(v.unknown())),
  stickers: v.nullish(v.array(v.unknown())),
  usersShort: v.nullish(v.array(v.unknown())),
})

/**
 * im.dialog.get (api-reference/chats/im-dialog-get.md): the viewer's read state of the chat:
 * `last_id` the last message they read, `counter` how many are unread after it.
 */
export const WireDialogReadState = v.looseObject({
  last_id: v.nullish(Id),
  counter: v.nullish(v.number()),
})

/**
 * im.dialog.get (api-reference/chats/im-dialog-get.md): what the viewer may do in the chat: their
 * `role` (owner, manager, member), `permissions.manage_users_add` (the least role that may add
 * people) and `restrictions.extend` (whether the chat takes new people at all).
 */
export const WireDialogRights = v.looseObject({
  role: v.nullish(v.string()),
  permissions: v.nullish(v.looseObject({ manage_users_add: v.nullish(v.string()) })),
  restrictions: v.nullish(v.looseObject({ extend: v.nullish(v.boolean()) })),
})

/** v2 tasks.task.get: `{task:{id:"1", title, chatId}}`, or `[]` when the task is missing or closed to the user. */
export const WireTaskV2 = v.union([
  v.looseObject({
    task: v.looseObject({
      id: Id,
      title: v.nullish(v.string()),
      chatId: v.nullish(v.union([Id, v.literal('')])),
    }),
  }),
  v.array(v.unknown()),
])

/**
 * imbot.v2.Bot.list (`chat-bots-v2/imbot.v2/bots/bot-list.md`): `{bots:[{id, code, ...}], users:[{id, name, ...}]}`;
 * the bot's display name is its user's. Older builds put it in `properties.name`.
 */
export const WireBotList = v.looseObject({
  bots: v.array(v.looseObject({ id: Id, code: v.nullish(v.string()), properties: v.nullish(v.looseObject({ name: v.nullish(v.string()) })) })),
  users: v.optional(v.array(v.looseObject({ id: Id, name: v.nullish(v.string()) })), []),
})
