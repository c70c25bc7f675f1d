/**
 * Read-only checks: every method the app reads with, called with the parameters the app sends
 * (see the src/ file named on each), judged against the documented shape.
 */
import * as v from 'valibot'
import * as im from './shapes-im.ts'
import * as tasks from './shapes-tasks.ts'
import { judge, type Expectation, type Row } from './verdict.ts'
import type { Outcome, WebhookClient } from './webhook-client.ts'

export interface Target {
  taskId: number
  chatId: number
}

type Check = Expectation & { call(client: WebhookClient, target: Target, seen: Seen): Promise<Outcome> }

/** What earlier answers told later checks: author ids to look up, whether search works. */
interface Seen {
  authorIds: number[]
  searchWorks: boolean
  oldestId: number
}

const MESSAGE_READS = ['messages[].id', 'messages[].author_id|messages[].authorId', 'messages[].date', 'messages[].text', 'messages[].params']
const USER_READS = ['[].id', '[].name']

/** The page call of the opening batch, as src/chat/conversation/history-api.ts builds it. */
function pageCall(seen: Seen, chatId: string | number): [string, Record<string, unknown>] {
  return seen.searchWorks
    ? ['im.dialog.messages.search', { CHAT_ID: chatId, LIMIT: 50, ORDER: { ID: 'DESC' } }]
    : ['im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: 50 }]
}

/**
 * The same messages through both readers: a reply carries REPLY_ID as a string in search
 * (im/lib/V2/Message/Params.php) and none in get (not in CIMMessageParam::GetDefault()). Answers one
 * row per reply found in the newest page of both; none found is nothing to compare.
 */
const RepliesInReaders = v.array(v.object({ id: v.number(), search: v.pipe(v.string(), v.regex(/^\d+$/)), get: v.optional(v.never()) }))

type Paged = { messages?: { id?: unknown; params?: unknown }[] }

async function repliesInReaders(client: WebhookClient, target: Target): Promise<Outcome> {
  const search = await client.v2('im.dialog.messages.search', { CHAT_ID: target.chatId, LIMIT: 50, ORDER: { ID: 'DESC' } })
  if (!search.ok) return search
  const get = await client.v2('im.dialog.messages.get', { DIALOG_ID: `chat${target.chatId}`, LIMIT: 50 })
  if (!get.ok) return get
  const paramsOf = (m: { params?: unknown }): Record<string, unknown> => (m.params && !Array.isArray(m.params) ? (m.params as Record<string, unknown>) : {})
  const legacy = new Map(((get.result as Paged).messages ?? []).map((m) => [Number(m.id), paramsOf(m)]))
  const rows = ((search.result as Paged).messages ?? [])
    .filter((m) => paramsOf(m)['REPLY_ID'] !== undefined && legacy.has(Number(m.id)))
    .map((m) => ({ id: Number(m.id), search: paramsOf(m)['REPLY_ID'], get: legacy.get(Number(m.id))?.['REPLY_ID'] }))
  return { ok: true, result: rows, body: {} }
}

const CHECKS: Check[] = [
  {
    method: 'tasks.task.get (v2)',
    schema: tasks.TaskGetV2,
    required: true,
    reads: ['task.id', 'task.chatId'],
    onSuccess: 'finds the task chat',
    onRefusal: 'no feed: the card shows the error',
    call: (c, t) => c.v2('tasks.task.get', { taskId: t.taskId, select: ['ID', 'TITLE', 'CHAT_ID'] }),
  },
  {
    method: 'im.dialog.messages.search (v2)',
    schema: im.DialogMessagesSearch,
    required: false,
    reads: MESSAGE_READS,
    onSuccess: 'history from search, 200 a page',
    onRefusal: 'search refused: the app falls back to im.dialog.messages.get (50 a page)',
    call: (c, t) => c.v2('im.dialog.messages.search', { CHAT_ID: t.chatId, LIMIT: 50, ORDER: { ID: 'DESC' } }),
  },
  {
    method: 'im.dialog.messages.get (v2)',
    schema: im.DialogMessagesGet,
    required: true,
    reads: [...MESSAGE_READS, 'users[].id', 'users[].name', 'files[].id'],
    onSuccess: 'history fallback, jumps and polling',
    onRefusal: 'no feed, no polling',
    call: (c, t) => c.v2('im.dialog.messages.get', { DIALOG_ID: `chat${t.chatId}`, LIMIT: 50 }),
  },
  {
    method: 'replies in each reader',
    schema: RepliesInReaders,
    required: false,
    reads: ['[].search'],
    onSuccess: 'quotes from search; a get re-read keeps them (get has no REPLY_ID)',
    onRefusal: 'a reader refused: see its row',
    call: repliesInReaders,
  },
  {
    method: 'im.dialog.messages.get FIRST_ID (v2)',
    schema: im.DialogMessagesGet,
    required: true,
    reads: MESSAGE_READS,
    onSuccess: 'polls for new messages',
    onRefusal: 'new messages never show',
    call: (c, t, s) => c.v2('im.dialog.messages.get', { DIALOG_ID: `chat${t.chatId}`, FIRST_ID: s.oldestId, LIMIT: 50 }),
  },
  {
    method: 'batch (v2, opening)',
    schema: tasks.BatchV2,
    required: true,
    reads: ['result.task', 'result.page.messages'],
    onSuccess: 'task + first page in one round trip',
    onRefusal: 'no feed: the opening batch fails',
    call: (c, t, s) =>
      c.batch({
        task: ['tasks.task.get', { taskId: t.taskId, select: ['ID', 'TITLE', 'CHAT_ID'] }],
        page: pageCall(s, '$result[task][task][chatId]'),
        me: ['im.user.get', {}],
        bots: ['imbot.v2.Bot.list', {}],
      }),
  },
  {
    method: 'im.user.get (v2)',
    schema: im.ImUser,
    required: false,
    reads: ['id'],
    onSuccess: 'knows the viewer (own messages, own results)',
    onRefusal: 'viewer unknown: no Edit/Delete/Remove result',
    call: (c) => c.v2('im.user.get', {}),
  },
  {
    method: 'im.user.list.get (v2)',
    schema: im.ImUserArray,
    required: true,
    reads: USER_READS,
    onSuccess: 'names authors a page did not bring',
    onRefusal: 'unknown authors show as #id',
    call: (c, _t, s) => c.v2('im.user.list.get', { ID: s.authorIds.length > 0 ? s.authorIds : [c.userId], RESULT_TYPE: 'array' }),
  },
  {
    method: 'im.dialog.users.list (v2)',
    schema: im.ImUserArray,
    required: false,
    reads: USER_READS,
    onSuccess: '@mention suggestions',
    onRefusal: 'no @mention suggestions',
    call: (c, t) => c.v2('im.dialog.users.list', { DIALOG_ID: `chat${t.chatId}`, LIMIT: 200, SKIP_EXTERNAL: 'Y' }),
  },
  {
    method: 'im.dialog.get (v2)',
    schema: im.DialogGet,
    required: true,
    reads: ['name', 'entity_type', 'entity_id', 'last_id', 'counter'],
    onSuccess: 'messenger menu "Make task result" finds the task; the card opens at the first unread message',
    onRefusal: 'messenger menu cannot find the task; the card places "New messages" from the newest page alone',
    call: (c, t) => c.v2('im.dialog.get', { DIALOG_ID: `chat${t.chatId}` }),
  },
  {
    method: 'imbot.v2.Bot.list (v2)',
    schema: im.BotList,
    required: false,
    reads: ['bots[].id', 'bots[].code'],
    onSuccess: 'offers "Send as <bot>" when the app has its bot',
    onRefusal: 'bot refused: no "Send as <bot>"; the user posts as themselves',
    call: (c) => c.v2('imbot.v2.Bot.list', {}),
  },
  {
    method: 'tasks.task.get (v3, rights)',
    schema: tasks.TaskGetV3,
    required: false,
    reads: [],
    onSuccess: 'hides "Make result" without the right',
    onRefusal: 'select refused: the app asks tasks.task.access.get',
    call: (c, t) => c.v3('tasks.task.get', { id: t.taskId, select: ['id', 'chatId', 'rights'] }),
  },
  {
    method: 'tasks.task.access.get (v3)',
    schema: tasks.TaskAccess,
    required: false,
    reads: [],
    onSuccess: 'second source of the result right',
    onRefusal: 'access.get refused: the app offers "Make result" and lets the portal decide',
    call: (c, t) => c.v3('tasks.task.access.get', { id: t.taskId }),
  },
  {
    method: 'tasks.task.result.list (v3)',
    schema: tasks.ResultList,
    required: true,
    reads: ['items[].id', 'items[].messageId', 'items[].authorId'],
    onSuccess: 'badges messages that are results',
    onRefusal: 'no result badges, no double-result guard',
    call: (c, t) =>
      c.v3('tasks.task.result.list', {
        filter: [['taskId', t.taskId]],
        select: ['id', 'messageId', 'authorId', 'text', 'createdAt'],
        order: { id: 'ASC' },
        pagination: { limit: 50, offset: 0 },
      }),
  },
]

/** Runs every read check in order; later ones use what earlier answers showed. */
export async function runReadChecks(client: WebhookClient, target: Target): Promise<Row[]> {
  const seen: Seen = { authorIds: [], searchWorks: false, oldestId: 0 }
  const rows: Row[] = []
  for (const check of CHECKS) {
    const outcome = await check.call(client, target, seen)
    rows.push(judge(check, outcome))
    if (!outcome.ok) continue
    if (check.method.startsWith('im.dialog.messages.search')) seen.searchWorks = true
    if (check.method === 'im.dialog.messages.get (v2)') {
      const messages = (outcome.result as { messages?: { id?: unknown; author_id?: unknown }[] }).messages ?? []
      const ids = messages.map((m) => Number(m.id)).filter((n) => n > 0)
      seen.oldestId = ids.length > 0 ? Math.min(...ids) : 0
      seen.authorIds = [...new Set(messages.map((m) => Number(m.author_id)).filter((n) => n > 0))].slice(0, 10)
    }
  }
  return rows
}
