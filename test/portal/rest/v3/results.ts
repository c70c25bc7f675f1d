/**
 * Task results from chat messages (§5): addfromchatmessage, list, delete, with the
 * validation and permission matrix of the docs. Duplicates are allowed, as on real portals.
 */
import { resultFromMessage } from '../../seed/notices.ts'
import { portalIso } from '../../dates.ts'
import { v3Dto, v3Error, v3Invalid } from '../../envelope.ts'
import type { ResultRec, Store } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { canCreateResult, canSeeTask, postMessage } from '../ops.ts'
import { isRecord } from '../params.ts'
import { parseFilter, type Row } from './filter.ts'

const FIELDS = ['id', 'taskId', 'text', 'authorId', 'author', 'createdAt', 'updatedAt', 'status', 'fileIds', 'rights', 'messageId']
const ORDER_FIELDS = ['id', 'authorId', 'createdAt', 'updatedAt', 'status', 'messageId']
const FILTER_FIELDS = ['taskId', 'id', 'authorId', 'status', 'messageId']
const DEFAULT_TITLE = 'Task result'

function item(store: Store, result: ResultRec, userId: number): Row {
  const task = store.tasks.get(result.taskId)
  return {
    id: result.id,
    taskId: result.taskId,
    text: result.text,
    authorId: result.authorId,
    author: { id: result.authorId, name: store.userName(result.authorId) },
    createdAt: portalIso(result.createdAt),
    updatedAt: result.updatedAt === null ? null : portalIso(result.updatedAt),
    status: task?.status === 5 ? 'closed' : 'open',
    fileIds: result.fileIds,
    rights: { edit: result.authorId === userId, remove: result.authorId === userId },
    messageId: result.messageId,
  }
}

function intField(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw v3Invalid(field, `Field \`${field}\` requires data type \`int\` for this request`)
  return value
}

function addFromChatMessage(ctx: CallContext, params: Params): unknown {
  const fields = params['fields']
  if (!isRecord(fields)) throw v3Invalid('fields', 'Required field `fields` is missing')
  for (const key of Object.keys(fields)) {
    if (key === 'fileIds') throw v3Dto('fileIds', 'Field `fileIds` is not available for filling')
    if (key !== 'messageId') {
      throw v3Error(400, 'UNKNOWNDTOPROPERTYEXCEPTION', 'Unknown field for entity `ResultDto`', [
        { field: 'fields', message: `Unknown field \`${key}\` for entity \`ResultDto\`` },
      ])
    }
  }
  if (fields['messageId'] === undefined || fields['messageId'] === null) throw v3Dto('messageId', 'Required field `messageId` is missing')
  const messageId = intField(fields['messageId'], 'messageId')
  const message = ctx.store.getMessage(messageId)
  const chat = message ? ctx.store.chats.get(message.chatId) : undefined
  if (!message || !chat) throw v3Invalid('messageId', 'Message is not from task chat')
  const task = ctx.store.tasks.get(chat.taskId)
  if (!task) throw v3Invalid('taskId', 'Task not found')
  if (!canCreateResult(task, ctx.userId)) throw v3Error(403, 'ACCESSDENIEDEXCEPTION', 'Access denied', [{ field: 'messageId', message: 'Access denied' }])
  const fileIds = Array.isArray(message.params['FILE_ID']) ? (message.params['FILE_ID'] as unknown[]).filter((id): id is number => typeof id === 'number') : []
  const id = ctx.store.nextResultId
  const now = Math.floor(ctx.now())
  ctx.mutate({
    op: 'result',
    id,
    taskId: task.id,
    messageId,
    authorId: ctx.userId,
    text: message.text.trim() === '' ? DEFAULT_TITLE : message.text,
    fileIds,
    createdAt: now,
  })
  // The tasks module announces the new result in the task chat: text only, no REPLY_ID, no CODE
  // (tasks/lib/V2/Internal/Integration/Im/Action/NotifyResultFromMessage.php).
  const notice = resultFromMessage(ctx.store, ctx.userId, now)
  postMessage(ctx, chat.id, 0, notice.text, notice.params)
  const created = ctx.store.results.get(id)
  if (!created) throw new Error('result was not stored')
  return { item: item(ctx.store, created, ctx.userId) }
}

function list(ctx: CallContext, params: Params): unknown {
  const filter = params['filter']
  const parsed = filter === undefined ? undefined : parseFilter(filter, FILTER_FIELDS)
  const taskIds = parsed?.equals.get('taskId')
  if (!parsed || !taskIds || taskIds.length === 0) {
    throw v3Error(400, 'VALIDATION_REQUESTFILTERVALIDATIONEXCEPTION', 'A filter for the required field `taskId` must be specified')
  }
  for (const taskId of taskIds) {
    const task = typeof taskId === 'number' ? ctx.store.tasks.get(taskId) : undefined
    if (!task || !canSeeTask(task, ctx.userId)) throw v3Error(403, 'ACCESSDENIEDEXCEPTION', 'Access denied')
  }
  const select = params['select'] ?? FIELDS.filter((f) => f !== 'author')
  if (!Array.isArray(select)) throw v3Error(400, 'INVALIDSELECTEXCEPTION', 'Invalid select')
  for (const field of select) {
    if (typeof field !== 'string' || !FIELDS.includes(field))
      throw v3Error(400, 'UNKNOWNDTOPROPERTYEXCEPTION', `Unknown field \`${String(field)}\` for entity \`ResultDto\``)
  }
  const order = params['order'] ?? { id: 'ASC' }
  if (!isRecord(order)) throw v3Error(400, 'INVALIDORDEREXCEPTION', 'Invalid order')
  const sorts = Object.entries(order).map(([field, dir]) => {
    const direction = String(dir).toUpperCase()
    if (!ORDER_FIELDS.includes(field) || (direction !== 'ASC' && direction !== 'DESC'))
      throw v3Error(400, 'INVALIDORDEREXCEPTION', `Invalid order for field \`${field}\``)
    return { field, sign: direction === 'ASC' ? 1 : -1 }
  })
  const pagination = params['pagination'] ?? {}
  if (!isRecord(pagination)) throw v3Error(400, 'INVALIDPAGINATIONEXCEPTION', 'Invalid pagination')
  const num = (key: string, fallback: number, min: number): number => {
    const value = pagination[key] ?? fallback
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
      throw v3Error(400, 'INVALIDPAGINATIONEXCEPTION', `Invalid pagination value \`${key}\``)
    return value
  }
  // PaginationStructure caps the limit at 1000; Conditions.resultsPageMax lowers it (the page documents no size).
  const limit = Math.min(num('limit', 50, 1), 1000, ctx.conditions.resultsPageMax)
  const offset = (num('page', 1, 1) - 1) * limit + num('offset', 0, 0)
  const rows = [...ctx.store.results.values()].map((r) => item(ctx.store, r, ctx.userId)).filter(parsed.test)
  rows.sort((a, b) => {
    for (const { field, sign } of sorts) {
      const x = a[field] as number | string | null
      const y = b[field] as number | string | null
      if (x !== y) return (x === null ? -1 : y === null ? 1 : x < y ? -1 : 1) * sign
    }
    return 0
  })
  const items = rows.slice(offset, offset + limit).map((row) => Object.fromEntries((select as string[]).map((f) => [f, row[f]])))
  // ListResponse (rest/lib/V3/Interaction/Response/ListResponse.php) holds `items` only: no next, no total.
  return { items }
}

function remove(ctx: CallContext, params: Params): unknown {
  const hasId = params['id'] !== undefined
  const hasFilter = params['filter'] !== undefined
  if (!hasId && !hasFilter) throw v3Invalid(undefined, 'At least one required field is not filled: `id`, `filter`')
  if (hasId && hasFilter) throw v3Invalid(undefined, 'Only one of the values must be provided: `id`, `filter`')
  let targets: ResultRec[]
  if (hasId) {
    const id = intField(params['id'], 'id')
    const found = ctx.store.results.get(id)
    if (!found) throw v3Error(400, 'ENTITYNOTFOUNDEXCEPTION', `Record with ID = \`${id}\` not found`)
    targets = [found]
  } else {
    const parsed = parseFilter(params['filter'], FILTER_FIELDS)
    targets = [...ctx.store.results.values()].filter((r) => parsed.test(item(ctx.store, r, ctx.userId)))
  }
  // Only the result's author may remove it.
  if (targets.some((r) => r.authorId !== ctx.userId)) throw v3Error(403, 'ACCESSDENIEDEXCEPTION', 'Access denied')
  for (const target of targets) ctx.mutate({ op: 'resultDelete', id: target.id })
  return { result: true }
}

export const v3Results: Record<string, MethodDef> = {
  'tasks.task.result.addfromchatmessage': { handler: addFromChatMessage, write: true },
  'tasks.task.result.list': { handler: list },
  'tasks.task.result.delete': { handler: remove, write: true },
}
