/** REST 3.0 tasks.task.get (§2.2) and tasks.task.chat.message.send (§4.1). */
import { portalIso } from '../../dates.ts'
import { v3Dto, v3Error, v3Invalid } from '../../envelope.ts'
import type { Store, TaskRec } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { canCreateResult, canSeeTask, ensureTaskChat, normalizeText, postMessage } from '../ops.ts'
import { isRecord } from '../params.ts'

const STATUS: Record<number, string> = { 2: 'pending', 3: 'in_progress', 4: 'supposedly_completed', 5: 'completed', 6: 'deferred' }

/**
 * The `rights` field of a task: every action key tasks-task-get-rest-v3.md and
 * tasks-task-access-get.md list, true or false for this user.
 */
export function rights(task: TaskRec, userId: number): Record<string, boolean> {
  const member = canSeeTask(task, userId)
  const boss = userId === task.createdBy
  const doer = member && (boss || userId === task.responsibleId)
  return {
    read: member,
    watch: member,
    mute: member,
    createSubtask: member,
    createResult: canCreateResult(task, userId),
    edit: boss,
    remove: boss,
    complete: doer,
    approve: boss,
    disapprove: boss,
    start: doer,
    take: false,
    delegate: doer,
    defer: doer,
    renew: doer,
    deadline: boss,
    datePlan: doer,
    changeDirector: boss,
    changeResponsible: boss,
    changeAccomplices: boss,
    pause: doer,
    timeTracking: doer,
    mark: boss,
    changeStatus: doer,
    reminder: member,
    addAuditors: member,
    elapsedTime: member,
    favorite: member,
    checklistAdd: member,
    checklistEdit: doer,
    checklistSave: doer,
    checklistToggle: member,
    automate: boss,
    resultEdit: member,
    completeResult: member,
    removeResult: member,
    resultRead: member,
    admin: false,
    copy: member,
    saveAsTemplate: member,
    attachFile: member,
    detachFile: doer,
    detachParent: boss,
    createGanttDependence: boss,
    sort: false,
  }
}

/** Related objects: selectable whole or by dot path (`chat.id`). */
function related(store: Store, task: TaskRec): Record<string, Record<string, unknown> | null> {
  const person = (id: number): Record<string, unknown> => ({ id, name: store.userName(id) })
  return {
    chat: task.chatId === null ? null : { id: task.chatId, entityId: task.id, entityType: 'TASKS_TASK' },
    creator: person(task.createdBy),
    responsible: person(task.responsibleId),
  }
}

/** Plain fields, `rights` among them (fields-rest-v3.md: `rights` is an array field, not a related object). */
function own(store: Store, task: TaskRec, userId: number): Record<string, unknown> {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    creatorId: task.createdBy,
    responsibleId: task.responsibleId,
    createdDate: portalIso(task.createdAt),
    deadline: task.deadline === null ? null : portalIso(task.deadline),
    status: STATUS[task.status] ?? 'pending',
    chatId: task.chatId,
    containsResults: [...store.results.values()].some((r) => r.taskId === task.id),
    requireResult: task.id === 1,
    rights: rights(task, userId),
  }
}

const BASIC = ['id', 'title', 'description', 'creatorId', 'responsibleId', 'deadline', 'status', 'chatId', 'containsResults', 'requireResult', 'rights']
const ENTITY: Record<string, string> = { chat: 'ChatDto', creator: 'UserDto', responsible: 'UserDto' }

/**
 * `select` (rest-v3.md#connection): plain fields by name (unknown ones are dropped), dot paths
 * only into related objects. A dot path on a plain field (`rights.createResult`, `status.x`)
 * answers 400 UNKNOWNDTOPROPERTYEXCEPTION "Unknown field `rights` for entity `TaskDto`"
 * (tasks-task-get-rest-v3.md), as does an unknown field of a related object.
 */
function pick(store: Store, task: TaskRec, userId: number, select: string[]): Record<string, unknown> {
  const base = own(store, task, userId)
  const rel = related(store, task)
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
    if (object === undefined || !(sub in object))
      throw v3Error(400, 'UNKNOWNDTOPROPERTYEXCEPTION', `Unknown field \`${sub}\` for entity \`${ENTITY[head] ?? head}\``)
    const target = (item[head] ?? {}) as Record<string, unknown>
    target[sub] = object[sub]
    item[head] = target
  }
  return item
}

function get(ctx: CallContext, params: Params): unknown {
  const id = taskIdParam(params)
  const select = params['select']
  if (select !== undefined && (!Array.isArray(select) || select.some((s) => typeof s !== 'string'))) {
    throw v3Error(400, 'INVALIDSELECTEXCEPTION', 'Invalid select')
  }
  const task = ctx.store.tasks.get(id)
  if (!task) throw v3Error(400, 'ENTITYNOTFOUNDEXCEPTION', `Record with ID = \`${id}\` not found`)
  if (!canSeeTask(task, ctx.userId)) throw v3Error(403, 'ACCESSDENIEDEXCEPTION', 'Access denied')
  return { item: pick(ctx.store, task, ctx.userId, select === undefined || select.length === 0 ? BASIC : (select as string[])) }
}

/** `id` as REST 3.0 validates it (tasks-task-get-rest-v3.md, tasks-task-access-get.md). */
function taskIdParam(params: Params): number {
  const id = params['id']
  if (id === undefined) throw v3Invalid('id', 'Required field `id` is missing')
  if (typeof id !== 'number' || !Number.isInteger(id)) throw v3Invalid('id', 'Field `id` requires data type `int` for this request')
  return id
}

/**
 * tasks.task.access.get (api-reference/tasks/tasks-task-access-get.md, REST 3.0): `{result: {read, …,
 * createResult, …}}`, the action map itself, no `item` wrapper. The doc lists no error for a task
 * the caller cannot read: the portal answers 403 ACCESSDENIEDEXCEPTION (Conditions.accessGetNoTask
 * 'allFalse' answers every action false instead); a missing task is 400 ENTITYNOTFOUNDEXCEPTION.
 */
function accessGet(ctx: CallContext, params: Params): unknown {
  const id = taskIdParam(params)
  const task = ctx.store.tasks.get(id)
  if (!task) throw v3Error(400, 'ENTITYNOTFOUNDEXCEPTION', `Record with ID = \`${id}\` not found`)
  const map = rights(task, ctx.userId)
  if (!canSeeTask(task, ctx.userId)) {
    if (ctx.conditions.accessGetNoTask === 'error') throw v3Error(403, 'ACCESSDENIEDEXCEPTION', 'Access denied')
    return Object.fromEntries(Object.keys(map).map((key) => [key, false]))
  }
  return map
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
  'tasks.task.access.get': { handler: accessGet },
}
