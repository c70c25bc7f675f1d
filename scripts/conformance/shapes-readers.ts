/**
 * What each history reader puts in a message, as the docs and the im source give it:
 * - im.dialog.messages.get (legacy; im/lib/chat.php getMessages, CIMMessageParam::PrepareValues):
 *   LIKE and FILE_ID integer lists, no REPLY_ID (not among CIMMessageParam::GetDefault()'s keys);
 * - im.dialog.messages.search (v2; im/lib/V2/Message/Params.php): ints as strings (REPLY_ID "123"),
 *   int lists as string lists (ParamArray::toRestFormat), `forward`, `viewedByOthers`, and the
 *   answer's `reactions` (api-reference/chats/messages/im-dialog-messages-search.md#reactions).
 * ATTACH (CIMMessageParamAttach::GetArray) and KEYBOARD (im/lib/bot/keyboard.php getArray) are the same in both.
 */
import * as v from 'valibot'

const numericString = v.pipe(v.string(), v.regex(/^\d+$/))

/** One attach: ID, BLOCKS of MESSAGE / DELIMITER / LINK / GRID / IMAGE / FILE / USER / RICH_LINK, COLOR, DESCRIPTION. */
export const Attach = v.looseObject({
  ID: v.union([v.number(), v.string()]),
  BLOCKS: v.array(v.record(v.string(), v.unknown())),
  COLOR: v.optional(v.string()),
  DESCRIPTION: v.optional(v.nullable(v.string())),
})
const AttachList = v.array(Attach)

/** A keyboard button, or a NEWLINE marker. */
const KeyboardList = v.array(
  v.union([v.looseObject({ TYPE: v.literal('NEWLINE') }), v.looseObject({ TEXT: v.string(), LINK: v.optional(v.string()), DISPLAY: v.optional(v.string()) })]),
)

/** PHP sends empty params as `[]`, otherwise an object. */
// The object first: a difference is then named by its field (verdict.ts reads the first branch's reason).
const paramsOf = <T extends v.ObjectEntries>(entries: T) => v.union([v.looseObject(entries), v.array(v.unknown())])

export const LegacyParams = paramsOf({
  REPLY_ID: v.optional(v.never()),
  LIKE: v.optional(v.array(v.number())),
  FILE_ID: v.optional(v.array(v.number())),
  ATTACH: v.optional(AttachList),
  KEYBOARD: v.optional(KeyboardList),
})

export const V2Params = paramsOf({
  REPLY_ID: v.optional(numericString),
  LIKE: v.optional(v.array(numericString)),
  FILE_ID: v.optional(v.array(numericString)),
  ATTACH: v.optional(AttachList),
  KEYBOARD: v.optional(KeyboardList),
})

/** Message::getForwardInfo */
export const Forward = v.nullable(v.looseObject({ id: v.string(), userId: v.number(), chatTitle: v.nullable(v.string()), chatType: v.string() }))

/** ReactionMessage::toRestFormat: PHP sends a map with no entries as `[]`. */
export const Reactions = v.array(
  v.looseObject({
    messageId: v.number(),
    reactionCounters: v.union([v.record(v.string(), v.number()), v.array(v.never())]),
    reactionUsers: v.union([v.record(v.string(), v.array(v.number())), v.array(v.never())]),
    ownReactions: v.array(v.string()),
  }),
)
