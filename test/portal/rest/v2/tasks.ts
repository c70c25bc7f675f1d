/** v2 tasks.task.get (reference §2.1): strings for most values, `result: []` without access. */
import { portalIso } from '../../dates.ts'
import { RestError } from '../../envelope.ts'
import type { Store, TaskRec } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { avatarUrl } from '../format.ts'
import { canSeeTask } from '../ops.ts'
import { intOf, isPresent, listOf, param } from '../params.ts'
import { taskList } from './tasks-list.ts'

function person(store: Store, id: number, origin: string): Record<string, unknown> {
  const user = store.users.get(id)
  return {
    id: String(id),
    name: store.userName(id),
    link: `/company/personal/user/${id}/`,
    icon: user ? avatarUrl(user, origin) : '',
    workPosition: user?.workPosition ?? '',
  }
}

export function taskV2(store: Store, task: TaskRec, origin: string): Record<string, unknown> {
  const others = task.memberIds.filter((id) => id !== task.createdBy && id !== task.responsibleId)
  return {
    id: String(task.id),
    parentId: null,
    title: task.title,
    description: task.description,
    mark: null,
    priority: '1',
    multitask: 'N',
    notViewed: 'N',
    replicate: 'N',
    stageId: '0',
    createdBy: String(task.createdBy),
    createdDate: portalIso(task.createdAt),
    responsibleId: String(task.responsibleId),
    changedBy: String(task.createdBy),
    changedDate: portalIso(task.createdAt),
    statusChangedBy: String(task.createdBy),
    closedBy: null,
    closedDate: null,
    activityDate: portalIso(task.createdAt),
    dateStart: null,
    deadline: task.deadline === null ? null : portalIso(task.deadline),
    startDatePlan: null,
    endDatePlan: null,
    guid: `{${String(task.id).padStart(8, '0')}-0000-4000-8000-000000000000}`,
    xmlId: null,
    commentsCount: null,
    serviceCommentsCount: null,
    allowChangeDeadline: 'Y',
    allowTimeTracking: 'N',
    taskControl: 'N',
    addInReport: 'N',
    forkedByTemplateId: null,
    timeEstimate: '0',
    timeSpentInLogs: null,
    matchWorkTime: 'N',
    forumTopicId: null,
    forumId: null,
    siteId: 's1',
    subordinate: 'N',
    exchangeModified: null,
    exchangeId: null,
    outlookVersion: '1',
    viewedDate: null,
    sorting: null,
    durationFact: null,
    isMuted: 'N',
    isPinned: 'N',
    isPinnedInGroup: 'N',
    flowId: null,
    descriptionInBbcode: 'Y',
    status: String(task.status),
    statusChangedDate: portalIso(task.createdAt),
    durationPlan: null,
    durationType: 'days',
    favorite: 'N',
    groupId: '0',
    auditors: [],
    accomplices: others.map(String),
    chatId: task.chatId,
    newCommentsCount: 0,
    creator: person(store, task.createdBy, origin),
    responsible: person(store, task.responsibleId, origin),
    group: [],
    subStatus: String(task.status),
    action: {
      accept: false,
      decline: false,
      complete: true,
      approve: false,
      disapprove: false,
      start: task.status !== 3,
      pause: task.status === 3,
      delegate: true,
      remove: false,
      edit: true,
      defer: true,
      renew: false,
      create: true,
      changeDeadline: true,
      checklistAddItems: true,
      addFavorite: true,
      deleteFavorite: false,
      rate: true,
      'edit.originator': false,
      'checklist.reorder': true,
      'elapsedtime.add': true,
      'dayplan.timer.toggle': false,
      'edit.plan': true,
      'checklist.add': true,
      'favorite.add': true,
      'favorite.delete': false,
    },
  }
}

/** `CHAT_ID` → `chatId`, `RESPONSIBLE_ID` → `responsibleId`. */
export function camel(field: string): string {
  return field.toLowerCase().replace(/_([a-z])/g, (_all, c: string) => c.toUpperCase())
}

/** Conditions.taskChatIdField: a portal that names the chat id otherwise (the key keeps its place). */
export function renameChatId(task: Record<string, unknown>, name: string): Record<string, unknown> {
  if (name === 'chatId') return task
  return Object.fromEntries(Object.entries(task).map(([key, value]) => [key === 'chatId' ? name : key, value]))
}

function get(ctx: CallContext, params: Params): unknown {
  const raw = param(params, 'taskId')
  if (!isPresent(raw)) throw new RestError(400, '100', 'Could not find value for parameter {taskId}')
  const taskId = intOf(raw)
  if (taskId === undefined || taskId <= 0) throw new RestError(400, '0', 'wrong task id')
  const rawSelect = param(params, 'select')
  const select = rawSelect === undefined ? undefined : listOf(rawSelect)
  if (rawSelect !== undefined && select === undefined) throw new RestError(400, '100', 'Invalid value {select} for parameter select')
  const task = ctx.store.tasks.get(taskId)
  if (!task || !canSeeTask(task, ctx.userId)) return []
  const full = renameChatId(taskV2(ctx.store, task, ctx.origin), ctx.conditions.taskChatIdField)
  // A portal before task chats knows no CHAT_ID field: selected or not, the answer has none (tasks-new.md;
  // tasks/classes/general/task.php fills CHAT_ID only where the new card is on).
  if (!ctx.conditions.taskChats) delete full['chatId']
  const fields = (select ?? []).map(String)
  if (fields.length === 0 || fields.includes('*')) return { task: full }
  // Selected fields plus the ones a real portal always adds.
  const picked: Record<string, unknown> = {}
  for (const key of ['id', ...fields.map(camel), ctx.conditions.taskChatIdField, 'favorite', 'group', 'action']) if (key in full) picked[key] = full[key]
  return { task: picked }
}

export const v2Tasks: Record<string, MethodDef> = {
  'tasks.task.get': { handler: get },
  'tasks.task.list': { handler: taskList },
}
