/**
 * tasks.task.list (api-reference/tasks/tasks-task-list.md): the caller's tasks ("others can only see
 * tasks available to them"), `filter` on the page's fields with its prefixes (! < <= > >=; a list is
 * "any of"), `order` (default ID desc), `select` (the v2 task's fields, as tasks.task.get picks them),
 * `start` paging by a fixed 50. Answers `{tasks: [...]}` with `total` and `next` in the envelope.
 */
import { RestError } from '../../envelope.ts'
import type { TaskRec } from '../../state.ts'
import { ListResult, type CallContext, type Params } from '../context.ts'
import { canSeeTask } from '../ops.ts'
import { intOf, isRecord, listOf, param } from '../params.ts'
import { camel, renameChatId, taskV2 } from './tasks.ts'

const PAGE = 50

/** The filterable fields the portal keeps, as the values they compare. */
function fieldOf(task: TaskRec, field: string): unknown {
  switch (field) {
    case 'ID':
      return task.id
    case 'CREATED_BY':
      return task.createdBy
    case 'RESPONSIBLE_ID':
      return task.responsibleId
    case 'REAL_STATUS':
    case 'STATUS':
      return task.status
    case 'TITLE':
      return task.title
    case 'GROUP_ID':
    case 'PARENT_ID':
      return 0
    case 'CREATED_DATE':
      return task.createdAt
    case 'DEADLINE':
      return task.deadline
    case 'ACCOMPLICE':
      return task.memberIds.filter((id) => id !== task.createdBy && id !== task.responsibleId && !(task.auditorIds ?? []).includes(id))
    case 'AUDITOR':
      return task.auditorIds ?? []
    default:
      return undefined
  }
}

function comparable(value: unknown): number | string {
  if (typeof value === 'number') return value
  const asNumber = Number(value)
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(asNumber)) return asNumber
  const date = Date.parse(String(value))
  return Number.isNaN(date) ? String(value) : date / 1000
}

/** TITLE "can search by pattern [%_]". */
function likePattern(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.')
  return new RegExp(`^${escaped}$`, 'i')
}

function matchesOne(actual: unknown, op: string, wanted: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => matchesOne(item, op, wanted))
  if (actual === null || actual === undefined) return false
  if (op === '' && typeof actual === 'string' && typeof wanted === 'string' && /[%_]/.test(wanted)) return likePattern(wanted).test(actual)
  const a = comparable(actual)
  const w = comparable(wanted)
  if (op === '<') return a < w
  if (op === '<=') return a <= w
  if (op === '>') return a > w
  if (op === '>=') return a >= w
  return typeof a === 'string' || typeof w === 'string' ? String(actual).toLowerCase() === String(wanted).toLowerCase() : a === w
}

function passes(task: TaskRec, filter: Record<string, unknown>): boolean {
  for (const [rawKey, wanted] of Object.entries(filter)) {
    const match = /^(!|<=|>=|<|>)?(.+)$/.exec(rawKey)
    const op = match?.[1] ?? ''
    const field = (match?.[2] ?? rawKey).toUpperCase()
    const actual = fieldOf(task, field)
    // Fields the portal does not keep (TAG, MARK, STAGE_ID, subfilters...) narrow nothing here.
    if (actual === undefined && field !== 'DEADLINE') continue
    const options = listOf(wanted) ?? [wanted]
    const any = options.some((value) => matchesOne(actual, op === '!' ? '' : op, value))
    if (op === '!' ? any : !any) return false
  }
  return true
}

export function taskList(ctx: CallContext, params: Params): unknown {
  const rawFilter = param(params, 'filter')
  const filter = rawFilter === undefined || rawFilter === '' ? {} : rawFilter
  if (!isRecord(filter)) throw new RestError(400, '100', 'Invalid value {filter} for parameter filter')
  const rawOrder = param(params, 'order')
  const order = isRecord(rawOrder) && Object.keys(rawOrder).length > 0 ? rawOrder : { ID: 'desc' }
  const rawSelect = param(params, 'select')
  const select = rawSelect === undefined ? [] : (listOf(rawSelect) ?? []).map(String)
  const start = Math.max(intOf(param(params, 'start')) ?? 0, 0)
  const tasks = [...ctx.store.tasks.values()].filter((task) => canSeeTask(task, ctx.userId) && passes(task, filter))
  tasks.sort((a, b) => {
    for (const [field, direction] of Object.entries(order)) {
      const x = comparable(fieldOf(a, field.toUpperCase()) ?? '')
      const y = comparable(fieldOf(b, field.toUpperCase()) ?? '')
      if (x !== y) return (x < y ? -1 : 1) * (String(direction).toLowerCase() === 'asc' ? 1 : -1)
    }
    return b.id - a.id
  })
  const page = tasks.slice(start, start + PAGE).map((task) => {
    const full = renameChatId(taskV2(ctx.store, task, ctx.origin), ctx.conditions.taskChatIdField)
    if (select.length === 0 || select.includes('*')) return full
    const picked: Record<string, unknown> = {}
    for (const key of ['id', ...select.map((field) => (field.toUpperCase() === 'CHAT_ID' ? ctx.conditions.taskChatIdField : camel(field))), 'group'])
      if (key in full) picked[key] = full[key]
    return picked
  })
  return new ListResult({ tasks: page }, tasks.length, start + PAGE < tasks.length ? start + PAGE : undefined)
}
