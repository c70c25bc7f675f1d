/**
 * Reading chats: im.chat.get, im.dialog.get (§2.3–2.4), im.dialog.messages.get (§3.1) and the
 * undocumented im.v2.Chat.Message.tail (§3.2), which a legacy portal does not have.
 */
import { portalIso } from '../../dates.ts'
import { tailMode, type FirstIdOrder } from '../../conditions.ts'
import { RestError, systemErrors } from '../../envelope.ts'
import type { ChatRec, MessageRec } from '../../state.ts'
import { ListResult, type CallContext, type MethodDef, type Params } from '../context.ts'
import { fileCamel, messageSnake, messageTail, pageFiles, pageUserIds, pageUserIdsV2, userCamel, userSnake } from '../format.ts'
import { permissionsOf, restrictionsOf, roleOf } from '../chat-rights.ts'
import { reactionsOf } from '../reactions.ts'
import { canSeeTask, isChatMember, newerPage, olderPage } from '../ops.ts'
import { chatIdFromDialog, intOf, isPresent, isRecord, param } from '../params.ts'
import { firstUnreadIndex, lastReadId, readFlags, unreadCount } from '../read-state.ts'
import { limitReached, visibleMessages } from '../visibility.ts'

const accessError = (): RestError => new RestError(403, 'ACCESS_ERROR', 'You do not have access to the specified dialog')

/** DIALOG_ID, or CHAT_ID mapped to `chat{CHAT_ID}` as the im source does. */
function dialogChat(ctx: CallContext, params: Params): ChatRec {
  let dialogId = param(params, 'DIALOG_ID')
  if (!isPresent(dialogId) && isPresent(param(params, 'CHAT_ID'))) dialogId = `chat${String(param(params, 'CHAT_ID'))}`
  if (!isPresent(dialogId)) throw new RestError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty")
  const chatId = chatIdFromDialog(String(dialogId))
  const chat = chatId === undefined ? undefined : ctx.store.chats.get(chatId)
  if (!chat || !isChatMember(chat, ctx.userId)) throw accessError()
  return chat
}

function chatGet(ctx: CallContext, params: Params): unknown {
  const entityType = String(param(params, 'ENTITY_TYPE') ?? '')
  const taskId = intOf(param(params, 'ENTITY_ID'))
  if (entityType !== 'TASKS_TASK' || taskId === undefined) return null
  const task = ctx.store.tasks.get(taskId)
  if (!task || task.chatId === null || !canSeeTask(task, ctx.userId)) return null
  return { ID: task.chatId }
}

function dialogGet(ctx: CallContext, params: Params): unknown {
  const chat = dialogChat(ctx, params)
  const messages = ctx.store.messagesOf(chat.id)
  const lastId = messages[messages.length - 1]?.id ?? 0
  // The caller's read state (im-dialog-get.md: counter, unread_id, last_id "the last read message").
  const visible = visibleMessages(ctx, chat).list
  const firstUnread = visible[firstUnreadIndex(ctx.store, visible, ctx.userId)]?.id ?? 0
  return {
    id: chat.id,
    parent_chat_id: 0,
    parent_message_id: 0,
    name: chat.title,
    description: '',
    owner: chat.ownerId,
    extranet: false,
    avatar: '',
    color: '#4ba984',
    type: 'tasksTask',
    entity_type: 'TASKS_TASK',
    entity_id: String(chat.taskId),
    entity_data_1: '',
    entity_data_2: '',
    entity_data_3: '',
    entity_link: { type: 'TASKS', url: `/company/personal/user/${ctx.userId}/tasks/task/view/${chat.taskId}/`, id: String(chat.taskId) },
    diskFolderId: 0,
    // Lowercase, as the doc's example and im/lib/chat.php formatChatData (mb_strtolower) give it.
    role: roleOf(chat, ctx.userId),
    date_create: portalIso(chat.createdAt),
    message_type: 'X',
    counter: unreadCount(ctx.store, visible, ctx.userId),
    message_count: messages.length,
    last_message_id: lastId,
    last_id: lastReadId(ctx.store, visible, ctx.userId),
    unread_id: firstUnread,
    manager_list: [chat.ownerId],
    mute_list: [],
    user_counter: chat.memberIds.size,
    public: '',
    permissions: permissionsOf(ctx.conditions),
    restrictions: restrictionsOf(ctx.conditions),
    dialog_id: `chat${chat.id}`,
  }
}

/**
 * LAST_ID/FIRST_ID must be digits (`/^\d{1,}$/` in the im source); numeric strings are fine
 * (batch rows are strings). A FIRST_ID that is set, 0 included, wins: `FIRST_ID=0` reads the
 * chat from its start, oldest first. LAST_ID 0 means "no cursor".
 */
function cursor(params: Params, name: 'FIRST_ID' | 'LAST_ID'): number | undefined {
  const raw = param(params, name)
  if (!isPresent(raw)) return undefined
  const value = intOf(raw)
  if (value === undefined || value < 0) throw new RestError(400, `${name}_STRING`, `${name === 'FIRST_ID' ? 'First' : 'Last'} ID can't be string`)
  if (name === 'FIRST_ID') return value
  return value > 0 ? value : undefined
}

/** A fixed, meaningless rank for an id (a multiplicative hash), for the 'scrambled' order. */
const scramble = (id: number) => Math.imul(id ^ 0x9e3779b9, 0x85ebca6b) >>> 0

/**
 * Messages a FIRST_ID read picked (the nearest ones newer than the cursor) in Conditions.firstIdOrder:
 * im/lib/chat.php getMessages passes an empty `order` for FIRST_ID, so the database lists them as it likes.
 */
function inFirstIdOrder(page: readonly MessageRec[], order: FirstIdOrder): MessageRec[] {
  const ascending = [...page].sort((a, b) => a.id - b.id)
  if (order === 'ascending') return ascending
  if (order === 'descending') return ascending.reverse()
  return ascending.sort((a, b) => scramble(a.id) - scramble(b.id))
}

function dialogMessages(ctx: CallContext, params: Params): unknown {
  const dialogPresent = isPresent(param(params, 'DIALOG_ID')) || isPresent(param(params, 'CHAT_ID'))
  if (!dialogPresent) throw new RestError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty")
  const firstId = cursor(params, 'FIRST_ID')
  const lastId = cursor(params, 'LAST_ID')
  const chat = dialogChat(ctx, params)
  let limit = intOf(param(params, 'LIMIT')) ?? 20
  if (limit <= 0) limit = 20
  limit = Math.min(limit, 50)
  // Plan-hidden and pre-join messages are simply not there (the doc is silent; the stricter reading).
  const list = visibleMessages(ctx, chat).list
  // "The method will return an empty array if a non-existent identifier is specified in LAST_ID or
  // FIRST_ID" (api-reference/chats/messages/im-dialog-messages-get.md, Returned Data): a cursor must
  // be a message of this chat the caller can see (FIRST_ID 0 still reads from the start).
  const exists = (id: number | undefined) => id === undefined || id === 0 || list.some((m) => m.id === id)
  if (!exists(firstId) || (firstId === undefined && !exists(lastId))) return { chat_id: chat.id, messages: [], users: [], files: [] }
  // FIRST_ID wins over LAST_ID; it answers in no set order (Conditions.firstIdOrder), everything else newest-first.
  const order = ctx.conditions.firstIdOrder
  let page = firstId !== undefined ? inFirstIdOrder(newerPage(list, firstId, limit), order) : olderPage(list, lastId, limit)
  // "May return more messages than LIMIT if there are unread messages" (the doc; §3.1): without a
  // cursor, the caller's unread messages (from the first of them on) stretch the page; more of them
  // than LIMIT, and the page is the LIMIT read before the first unread and LIMIT from it on.
  const from = firstUnreadIndex(ctx.store, list, ctx.userId)
  const unread = from < 0 ? 0 : list.length - from
  if (unread > 0 && firstId === undefined && lastId === undefined) {
    if (unread <= limit) page = olderPage(list, undefined, limit + unread)
    else {
      // The source reads the unread part with FIRST_ID (no order), reverses it and adds the older part (ID DESC).
      const firstUnreadId = list[from]?.id ?? Infinity
      const stretch = olderPage(list, list[from + limit]?.id ?? Infinity, 2 * limit)
      const unreadPart = stretch.filter((m) => m.id >= firstUnreadId)
      page = [...inFirstIdOrder(unreadPart, order).reverse(), ...stretch.filter((m) => m.id < firstUnreadId)]
    }
  }
  return {
    chat_id: chat.id,
    messages: page.map((m) => messageSnake(m, readFlags(ctx.store, chat, m, ctx.userId), ctx.store)),
    users: pageUserIds(page).flatMap((id) => {
      const user = ctx.store.users.get(id)
      return user ? [userSnake(user, ctx.origin)] : []
    }),
    files: pageFiles(page, ctx.store).map((file) => fileCamel(file, ctx.store, ctx.origin)),
  }
}

/** Conditions.tail: how a portal without a usable tail refuses it ('missing' never gets here). */
function tailRefusal(ctx: CallContext): RestError | undefined {
  const mode = tailMode(ctx.conditions)
  if (mode === 'scope') return systemErrors.insufficientScope()
  if (mode === 'badRequest') return new RestError(400, 'INVALID_ARGUMENT', 'Could not find value for parameter {dialogId}')
  return undefined
}

function tail(ctx: CallContext, params: Params): unknown {
  const refusal = tailRefusal(ctx)
  if (refusal) throw refusal
  const chatId = intOf(param(params, 'chatId')) ?? chatIdFromDialog(param(params, 'dialogId'))
  const chat = chatId === undefined ? undefined : ctx.store.chats.get(chatId)
  if (!chat) throw new RestError(400, 'CHAT_NOT_FOUND', 'Chat not found')
  if (!isChatMember(chat, ctx.userId)) throw new RestError(403, 'ACCESS_DENIED', 'You do not have access to this chat')
  const rawLimit = intOf(param(params, 'limit'))
  const limit = rawLimit !== undefined && rawLimit >= 1 && rawLimit <= 200 ? rawLimit : 50
  const order = param(params, 'order')
  const asc = isRecord(order) && String(order['id'] ?? '').toUpperCase() === 'ASC'
  const filter = param(params, 'filter')
  const lastId = isRecord(filter) ? intOf(filter['lastId']) : undefined
  const visible = visibleMessages(ctx, chat)
  const list = visible.list
  const page = asc ? newerPage(list, lastId ?? 0, limit) : olderPage(list, lastId, limit)
  const exceeded = limitReached(visible, page, !asc)
  const replied: MessageRec[] = []
  const seen = new Set<number>()
  for (const message of page) {
    const replyId = intOf(message.params['REPLY_ID'])
    const target = replyId === undefined ? undefined : ctx.store.getMessage(replyId)
    if (target && target.chatId === chat.id && target.id >= (list[0]?.id ?? Infinity) && !seen.has(target.id)) {
      seen.add(target.id)
      replied.push(target)
    }
  }
  const everything = [...page, ...replied]
  return {
    messages: page.map((m) => messageTail(m, readFlags(ctx.store, chat, m, ctx.userId), ctx.store)),
    users: pageUserIdsV2(everything).flatMap((id) => {
      const user = ctx.store.users.get(id)
      return user ? [userCamel(user, ctx.origin)] : []
    }),
    files: pageFiles(everything, ctx.store).map((file) => fileCamel(file, ctx.store, ctx.origin)),
    reminders: [],
    additionalMessages: replied.map((m) => messageTail(m, readFlags(ctx.store, chat, m, ctx.userId), ctx.store)),
    reactions: reactionsOf(page, ctx.userId),
    tariffRestrictions: { isHistoryLimitExceeded: exceeded },
    hasNextPage: page.length >= limit && !exceeded,
  }
}

/** im.dialog.users.list: the chat's members as user objects, LIMIT (≤ 200) and OFFSET paging with total/next. */
function dialogUsers(ctx: CallContext, params: Params): unknown {
  const chat = dialogChat(ctx, params)
  const rawLimit = intOf(param(params, 'LIMIT')) ?? 50
  const limit = Math.min(Math.max(rawLimit, 1), 200)
  const offset = Math.max(intOf(param(params, 'OFFSET')) ?? 0, 0)
  const skipBots = String(param(params, 'SKIP_EXTERNAL') ?? 'N').toUpperCase() === 'Y'
  const users = [...chat.memberIds]
    .sort((a, b) => a - b)
    .flatMap((id) => {
      const user = ctx.store.users.get(id)
      return user && !(skipBots && user.bot) ? [user] : []
    })
  const page = users.slice(offset, offset + limit).map((user) => userSnake(user, ctx.origin))
  return new ListResult(page, users.length, offset + limit < users.length ? offset + limit : undefined)
}

export const v2ImRead: Record<string, MethodDef> = {
  'im.dialog.users.list': { handler: dialogUsers },
  'im.chat.get': { handler: chatGet },
  'im.dialog.get': { handler: dialogGet },
  'im.dialog.messages.get': { handler: dialogMessages },
  'im.v2.chat.message.tail': { handler: tail, modernOnly: true },
}
