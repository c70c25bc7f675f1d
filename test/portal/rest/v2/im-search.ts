/**
 * im.dialog.messages.search (api-reference/chats/messages/im-dialog-messages-search.md; im
 * source rest.php dialogMessagesSearch): CHAT_ID*, SEARCH_MESSAGE (applied when longer than 2
 * characters), DATE_FROM / DATE_TO / DATE, ORDER {ID}, LIMIT (default 50, at most 200),
 * LAST_ID. Answers the documented RestAdapter shape, tariffRestrictions included; messages through the
 * v2 reader (format.ts messageSearch), `reactions` and `usersShort` as reactions.ts says.
 */
import { RestError } from '../../envelope.ts'
import type { MessageRec } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { fileCamel, messageSearch, pageFiles, pageUserIdsV2, userCamel } from '../format.ts'
import { reactionsOf, usersShortOf } from '../reactions.ts'
import { isChatMember, lowerBound } from '../ops.ts'
import { readFlags } from '../read-state.ts'
import { intOf, isPresent, isRecord, param } from '../params.ts'
import { visibleMessages } from '../visibility.ts'

function dateParam(params: Params, name: string): number | undefined {
  const raw = param(params, name)
  if (!isPresent(raw)) return undefined
  const ms = Date.parse(String(raw))
  if (Number.isNaN(ms)) throw new RestError(400, 'WRONG_REQUEST', `Invalid ${name}`)
  return ms / 1000
}

function search(ctx: CallContext, params: Params): unknown {
  const rawChat = param(params, 'CHAT_ID')
  if (!isPresent(rawChat)) throw new RestError(400, 'CHAT_ID_EMPTY', "CHAT_ID can't be empty")
  const chat = ctx.store.chats.get(intOf(rawChat) ?? 0)
  if (!chat || !isChatMember(chat, ctx.userId)) throw new RestError(403, 'ACCESS_ERROR', 'You do not have access to this chat')
  const rawLimit = intOf(param(params, 'LIMIT'))
  // Out-of-range LIMIT falls back to the default, as the im source's getLimit does for tail.
  const limit = rawLimit !== undefined && rawLimit >= 1 && rawLimit <= 200 ? rawLimit : 50
  const order = param(params, 'ORDER')
  const asc = isRecord(order) && String(order['ID'] ?? order['id'] ?? '').toUpperCase() === 'ASC'
  const lastId = intOf(param(params, 'LAST_ID'))
  const text = param(params, 'SEARCH_MESSAGE')
  const needle = typeof text === 'string' && text.trim().length > 2 ? text.trim().toLowerCase() : undefined
  const from = dateParam(params, 'DATE_FROM')
  const to = dateParam(params, 'DATE_TO')
  const day = dateParam(params, 'DATE')
  const matches = (m: MessageRec): boolean =>
    (needle === undefined || m.text.toLowerCase().includes(needle)) &&
    (from === undefined || m.date >= from) &&
    (to === undefined || m.date <= to) &&
    (day === undefined || (m.date >= day && m.date < day + 86_400))
  const visible = visibleMessages(ctx, chat)
  const list = visible.list
  const page: MessageRec[] = []
  if (asc) {
    for (let i = lastId === undefined ? 0 : lowerBound(list, lastId + 1); i < list.length && page.length < limit; i++) {
      const m = list[i]
      if (m && matches(m)) page.push(m)
    }
  } else {
    for (let i = (lastId === undefined || lastId <= 0 ? list.length : lowerBound(list, lastId)) - 1; i >= 0 && page.length < limit; i--) {
      const m = list[i]
      if (m && matches(m)) page.push(m)
    }
  }
  // The plan hid something this search would have reached: a newest-first scan ran out, or an oldest-first one started at the hidden edge.
  const exceeded = visible.hiddenByPlan && (asc ? lastId === undefined || lastId < (list[0]?.id ?? Infinity) : page.length < limit)
  // additionalMessages: the messages the page's replies quote that are not on it (MessageCollection::getPopupData,
  // AdditionalMessagePopupItem), whose users, files and reactions join the answer's; only ones this caller can see here.
  const onPage = new Set(page.map((m) => m.id))
  const additional: MessageRec[] = []
  for (const message of page) {
    const target = ctx.store.getMessage(intOf(message.params['REPLY_ID']) ?? 0)
    if (target && target.chatId === chat.id && !onPage.has(target.id) && target.id >= (list[0]?.id ?? Infinity) && !additional.includes(target))
      additional.push(target)
  }
  const everything = [...page, ...additional]
  const reactions = reactionsOf(everything, ctx.userId)
  return {
    users: pageUserIdsV2(everything).flatMap((id) => {
      const user = ctx.store.users.get(id)
      return user ? [{ ...userCamel(user, ctx.origin), botData: null, website: '', email: user.email }] : []
    }),
    files: pageFiles(everything, ctx.store).map((file) => fileCamel(file, ctx.store, ctx.origin)),
    additionalMessages: additional.map((m) => messageSearch(m, readFlags(ctx.store, chat, m, ctx.userId), ctx.store)),
    copilot: null,
    stickers: [],
    reactions,
    tariffRestrictions: { isHistoryLimitExceeded: exceeded },
    usersShort: usersShortOf(reactions, ctx.store, ctx.origin),
    messages: page.map((m) => messageSearch(m, readFlags(ctx.store, chat, m, ctx.userId), ctx.store)),
  }
}

export const v2ImSearch: Record<string, MethodDef> = {
  'im.dialog.messages.search': { handler: search },
}
