/** REST 3.0 tasks.task.get (§2.2) and tasks.task.chat.message.send (§4.1). */
import { portalIso } from '../../dates.ts'
import { v3Dto, v3Error, v3Invalid } from '../../envelope.ts'
import type { Store, TaskRec } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { canCreateResult, canSeeTask, ensureTaskChat, normalizeText, postMessage } from '../ops.ts'
import { isRecord } from '../params.ts'

const STATUS: Record<number, string> = { 2: 'pending', 3: 'in_progress', 4: 'supposedly_completed', 5: 'completed', 6: 'deferred' }

function rights(task: TaskRec, userId: number): Record<string, boolean> {
  const member = canSeeTask(task, userId)
  const boss = userId === task.createdBy
  return {
    read: member, edit: boss, remove: boss, complete: member, approve: boss, disapprove: boss, start: member, pause: member,
    defer: member, renew: member, delegate: member, changeDeadline: boss, changeResponsible: boss, addAuditors: member,
    addAccomplices: boss, createResult: canCreateResult(task, userId), resultEdit: member, removeResult: member, resultRead: member,
  }
}

function related(store: Store, task: TaskRec, userId: number): Record<string, Record<string, unknown> | null> {
  const person = (id: number): Record<string, unknown> => ({ id, name: store.userName(id) })
  return {
    chat: task.chatId === null ? null : { id: task.chatId, entityId: task.id, entityType: 'TASKS_TASK' },
    rights: rights(task, userId),
    creator: person(task.createdBy),
    responsible: person(task.responsibleId),
  }
}

function own(store: Store, task: TaskRec): Record<string, unknown> {
  return {
    id: task.id, title: task.title, description: task.description, creatorId: task.createdBy, responsibleId: task.responsibleId,
    createdDate: portalIso(task.createdAt), deadline: task.deadline === null ? null : portalIso(task.deadline),
    status: STATUS[task.status] ?? 'pending', chatId: task.chatId,
    containsResults: [...store.results.values()].some((r) => r.taskId === task.id), requireResult: task.id === 1,
  }
}

const BASIC = ['id', 'title', 'description', 'creatorId', 'responsibleId', 'deadline', 'status', 'chatId', 'containsResults', 'requireResult', 'rights']

/** `select` with dot paths: `chat.id`, `rights.createResult`; unknown own fields are dropped. */
function pick(store: Store, task: TaskRec, userId: number, select: string[]): Record<string, unknown> {
  const base = own(store, task)
  const rel = related(store, task, userId)
  const item: Record<string, unknown> = {}
  for (const path of select) {
    const [head = '', sub] = path.split('.', 2)
    if (sub === undefined) {
      if (head in base) item[head] = base[head]
      else if (head in rel) item[head] = rel[head]
      continue
    }
    if (!(head in rel)) throw v3Error(400, 'UNKNOWNDTOPROPERTYEXCEPTION', `Unknown field \`${head}\` for entity \`TaskDto\``)
    const object = rel[head]
    if (object === null) {
      item[head] = null
      continue
    }
    if (object === undefined || !(sub in object)) throw v3Error(400, 'UNKNOWNDTOPROPERTYEXCEPTION', `Unknown field \`${sub}\` for entity \`${head}\``)
    const target = (item[head] ?? {}) as Record<string, unknown>
    target[sub] = object[sub]
    item[head] = target
  }
  return item
}

function get(ctx: CallContext, params: Params): unknown {
  const id = params['id']
  if (id === undefined) throw v3Invalid('id', 'Required field `id` is missing')
  if (typeof id !== 'number' || !Number.isInteger(id)) throw v3Invalid('id', 'Field `id` requires data type `int` for this request')
  const select = params['select']
  if (select !== undefined && (!Array.isArray(select) || select.some((s) => typeof s !== 'string'))) {
    throw v3Error(400, 'INVALIDSELECTEXCEPTION', 'Invalid select')
  }
  const task = ctx.store.tasks.get(id)
  if (!task) throw v3Error(400, 'ENTITYNOTFOUNDEXCEPTION', `Record with ID = \`${id}\` not found`)
  if (!canSeeTask(task, ctx.userId)) throw v3Error(403, 'ACCESSDENIEDEXCEPTION', 'Access denied')
  return { item: pick(ctx.store, task, ctx.userId, select === undefined || select.length === 0 ? BASIC : (select as string[])) }
}

function chatMessageSend(ctx: CallContext, params: Params): unknown {
  const fields = params['fields']
  if (!isRecord(fields)) throw v3Invalid('fields', 'Required field `fields` is missing')
  const taskId = fields['taskId']
  const text = fields['text']
  if (taskId === undefined || taskId === null) throw v3Dto('taskId', 'The required field "taskId" is not filled')
  if (typeof taskId !== 'number' || !Number.isInteger(taskId)) throw v3Invalid('taskId', 'Field `taskId` requires data type `int` for this request')
  if (text === undefined || text === null || text === '') throw v3Dto('text', 'The required field "text" is not filled')
  if (typeof text !== 'string') throw v3Invalid('text', 'Field `text` requires data type `string` for this request')
  const task = ctx.store.tasks.get(taskId)
  if (!task || !canSeeTask(task, ctx.userId)) throw v3Error(403, 'ACCESSDENIEDEXCEPTION', 'Access denied', [{ field: 'taskId', message: 'Access denied' }])
  // Task-level permission: a task member may post even when not (yet) in the chat.
  const chat = ensureTaskChat(ctx, task)
  postMessage(ctx, chat.id, ctx.userId, normalizeText(ctx.store, text))
  return { result: true }
}

export const v3Tasks: Record<string, MethodDef> = {
  'tasks.task.get': { handler: get },
  'tasks.task.chat.message.send': { handler: chatMessageSend, write: true },
}
