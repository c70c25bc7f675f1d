/**
 * The tasks module's notices in a task chat, text and params as the server writes them.
 *
 * Sender: tasks/lib/V2/Internal/Integration/Im/MessageSender.php posts every notice with author 0
 * (DEFAULT_AUTHOR_ID), `disableNotify()` (stored as NOTIFY 'N', im/lib/V2/Message.php), the
 * notice's keyboard and attach when it has them, and getMessageParams() (empty for every notice
 * below: the tasks module sets no CODE or COMPONENT_ID). Text: Loc::getMessage(code, data) with the
 * English texts of tasks/lang/en/lib/V2/Internal/Integration/Im/ChatNotification.php; people as
 * FormatUserTrait writes them, `[USER=id]Name[/USER]`; deadlines as Action/Deadline/DeadlineFormatter.php.
 */
import type { MessageParams, Store } from '../state.ts'
import { Attach, linkButton } from './im-shapes.ts'

export interface Notice {
  text: string
  params: MessageParams
}

const plain = (text: string, extra: MessageParams = {}): Notice => ({ text, params: { NOTIFY: 'N', ...extra } })

/** FormatUserTrait::formatUser (tasks/lib/V2/Internal/Service/User/Trait/FormatUserTrait.php). */
export function user(store: Store, id: number): string {
  return `[USER=${id}]${store.userName(id)}[/USER]`
}

/** FormatUserTrait::formatUserList: the users joined by ", ". */
export function users(store: Store, ids: readonly number[]): string {
  return ids.map((id) => user(store, id)).join(', ')
}

/** Action/Deadline/DeadlineFormatter.php: the date and the time of one timestamp. */
export function deadline(ts: number): string {
  return `[TIMESTAMP=${ts} FORMAT=LONG_DATE_FORMAT], [TIMESTAMP=${ts} FORMAT=SHORT_TIME_FORMAT]`
}

/** Action/NotifyTaskCreated.php (TASKS_IM_TASK_CREATED_*_MSGVER_1); #TASK_URL# from Service/Link/LinkService::get (TaskPathMaker). */
export function taskCreated(store: Store, by: number, taskId: number): Notice {
  return plain(`${user(store, by)} created [URL=/company/personal/user/${by}/tasks/task/view/${taskId}/]this task[/URL].`)
}

/**
 * The first messages of a task older than task chats (Service/Esg/Handler/CreateChatForExistingTaskHandler.php
 * notifyForNewChat): Action/NotifyTaskHasForumComments.php, Action/NotifyTaskHasLegacyChat.php, then
 * Action/NotifyChatCreatedForExistingTask.php. The buttons' links are relative to the portal.
 */
export function taskHasForumComments(taskId: number): Notice {
  const button = linkButton('Previous comments', `/task/comments/${taskId}/`, '#FFFFFF')
  return plain('Click the button below to read the previous comments the participants left in this chat.', { KEYBOARD: [button] })
}

export function taskHasLegacyChat(legacyChatId: number): Notice {
  const button = linkButton('Previous chat', `/online/?IM_DIALOG=chat${legacyChatId}`, '#FFFFFF')
  return plain('Click the button below to view the comments left in the legacy chat.', { KEYBOARD: [button] })
}

export function chatCreatedForExistingTask(): Notice {
  return plain('Task chat has been created.')
}

/**
 * Action/NotifyTaskStatusChanged.php: which code for which change (TASKS_IM_TASK_STATUS_*). The
 * "supposedly completed" codes have no English text in the language file read, so they are not seeded.
 */
type StatusChange = 'started' | 'resumed' | 'paused' | 'deferred' | 'resumedDeferred' | 'completed' | 'returned'

const STATUS_TEXT: Record<StatusChange, string> = {
  started: 'started the task.',
  resumed: 'resumed the task.',
  paused: 'paused the task.',
  deferred: 'deferred the task.',
  resumedDeferred: 'resumed the deferred task.',
  completed: 'completed the task.',
  returned: 'returned the completed task for revision.',
}

export function statusChanged(store: Store, by: number, change: StatusChange): Notice {
  return plain(`${user(store, by)} ${STATUS_TEXT[change]}`)
}

/** Action/NotifyDeadlineAdded.php / NotifyDeadlineChanged.php / NotifyDeadlineRemoved.php (*_MSGVER_1). */
export function deadlineSet(store: Store, by: number, ts: number): Notice {
  return plain(`${user(store, by)} set the task's deadline to ${deadline(ts)}.`)
}

export function deadlineChanged(store: Store, by: number, ts: number, reason?: string): Notice {
  const tail = reason === undefined ? '.' : `.[br][br]Reason: ${reason}.`
  return plain(`${user(store, by)} changed the task's deadline to ${deadline(ts)}${tail}`)
}

export function deadlineRemoved(store: Store, by: number): Notice {
  return plain(`${user(store, by)} removed the task's deadline.`)
}

/** Action/NotifyResponsibleChanged.php, NotifyOwnerChanged.php. */
export function responsibleChanged(store: Store, by: number, from: number, to: number): Notice {
  return plain(`${user(store, by)} changed assignee from ${user(store, from)} to ${user(store, to)}.`)
}

export function ownerChanged(store: Store, by: number, from: number, to: number): Notice {
  return plain(`${user(store, by)} changed task owner from ${user(store, from)} to ${user(store, to)}.`)
}

/** Action/NotifyAuditorsAssigned.php, NotifyAuditorsRemoved.php, NotifyAuditorsAssignedSelf.php. */
export function auditorsAdded(store: Store, by: number, ids: readonly number[]): Notice {
  return plain(`${user(store, by)} added observer(s) ${users(store, ids)}.`)
}

export function auditorsRemoved(store: Store, by: number, ids: readonly number[]): Notice {
  return plain(`${user(store, by)} removed observer(s) ${users(store, ids)}.`)
}

export function auditorSelf(store: Store, by: number): Notice {
  return plain(`${user(store, by)} is now an observer.`)
}

/** Action/NotifyAccomplicesAssigned.php, NotifyAccomplicesRemoved.php. */
export function accomplicesAdded(store: Store, by: number, ids: readonly number[]): Notice {
  return plain(`${user(store, by)} added participant(s) ${users(store, ids)}.`)
}

export function accomplicesRemoved(store: Store, by: number, ids: readonly number[]): Notice {
  return plain(`${user(store, by)} removed participant(s) ${users(store, ids)}.`)
}

/** Action/NotifyChecklistSingleItemCompleted.php, ...SingleItemUnchecked.php, ...ItemsAdded.php (plural), ...Completed.php, ...Added.php. */
export function checklistItemCompleted(store: Store, by: number, item: string, checklist: string): Notice {
  return plain(`${user(store, by)} completed item "${item}" in checklist "${checklist}".`)
}

export function checklistItemUnchecked(store: Store, by: number, item: string, checklist: string): Notice {
  return plain(`${user(store, by)} returned item "${item}" for revision in checklist "${checklist}".`)
}

export function checklistItemsAdded(store: Store, by: number, count: number, checklist: string): Notice {
  return plain(`${user(store, by)} added ${count} ${count === 1 ? 'item' : 'items'} to checklist "${checklist}".`)
}

export function checklistAdded(store: Store, by: number, count: number, checklist: string): Notice {
  return plain(`${user(store, by)} added checklist "${checklist}" containing ${count} ${count === 1 ? 'item' : 'items'}.`)
}

export function checklistCompleted(store: Store, by: number, checklist: string): Notice {
  return plain(`${user(store, by)} completed checklist "${checklist}".`)
}

/**
 * Action/NotifyTaskOverdue.php / NotifyTaskOverdueSoon.php (agents, no triggering user): the
 * [URL=#..._URL#] wrappers are stripped by stripBbCodeUrl(), leaving their words.
 */
export function overdue(store: Store, responsible: number, ts: number): Notice {
  return plain(`${user(store, responsible)}, the task is overdue since ${deadline(ts)}.\nComplete the task ASAP, or change the deadline.`)
}

export function overdueSoon(store: Store, responsible: number, ts: number): Notice {
  return plain(`${user(store, responsible)}, the task is almost overdue. Deadline: ${deadline(ts)}.`)
}

/**
 * Action/NotifyTaskTimerStarted.php, NotifyTaskTimerStopped.php, NotifyElapsedTimeAdded.php. #TIME# is
 * FormatElapsedTimeTrait (FormatDate 'Hdiff' and 'idiff'); the English FD_* texts are not in the snapshot.
 */
export function elapsed(seconds: number): string {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  const h = `${hours} ${hours === 1 ? 'hour' : 'hours'}`
  const m = `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
  if (hours > 0 && minutes === 0) return h
  return hours > 0 ? `${h} ${m}` : m
}

export function timerStarted(store: Store, by: number): Notice {
  return plain(`${user(store, by)} activated time tracking.`)
}

export function timerStopped(store: Store, by: number, seconds: number): Notice {
  return plain(`${user(store, by)} deactivated time tracking. Duration: ${elapsed(seconds)}.`)
}

export function timeAdded(store: Store, by: number, seconds: number, comment?: string): Notice {
  const base = `${user(store, by)} added a manual time entry of ${elapsed(seconds)} to the timesheet.`
  return plain(comment === undefined ? base : `${base}\nComment: ${comment}`)
}

/**
 * Action/NotifyFilesAdded.php: the text names only the user; the file names are in ATTACH (a bold
 * TASKS_IM_NOTIFY_ATTACH_FILE title, then the names joined by [br]). One file: TASKS_IM_TASK_FILE_ADDED.
 */
export function filesAdded(store: Store, by: number, names: readonly string[], sentAt: number): Notice {
  const attach = Attach.forNotice(sentAt, by).message('[b]File(s)[/b][br]').message(names.join('[br]'))
  return plain(`${user(store, by)} ${names.length === 1 ? 'added a file.' : 'added files.'}`, { ATTACH: [attach.rec] })
}

/** Action/NotifyFilesRemoved.php: no attach. */
export function filesRemoved(store: Store, by: number, count: number): Notice {
  return plain(`${user(store, by)} ${count === 1 ? 'removed a file added to this task.' : 'removed files added to this task.'}`)
}

/**
 * Action/NotifyResultAdded.php (a result written in the task card): the text names the user and the
 * date; the result's text (tags cleared) and file names are ONLY in ATTACH: "[b]Task status summary[/b][br]",
 * the text, then with files a 400 delimiter, "[b]File(s)[/b][br]" and the names joined by [br]. No REPLY_ID.
 */
export function resultAdded(store: Store, by: number, resultText: string, fileNames: readonly string[], sentAt: number): Notice {
  const attach = Attach.forNotice(sentAt, by + 3)
    .message('[b]Task status summary[/b][br]')
    .message(resultText)
  if (fileNames.length > 0) attach.delimiter(400).message('[b]File(s)[/b][br]').message(fileNames.join('[br]'))
  return plain(`${user(store, by)} added task status summary, [TIMESTAMP=${sentAt} FORMAT=LONG_DATE_FORMAT].`, { ATTACH: [attach.rec] })
}

/**
 * Action/NotifyResultFromMessage.php (a message made the result, ResultService::add with a messageId):
 * text only, no attach, no REPLY_ID (getMessageParams is empty unless the result came from AI).
 */
export function resultFromMessage(store: Store, by: number, sentAt: number): Notice {
  return plain(`${user(store, by)} marked a message as task status summary, [TIMESTAMP=${sentAt} FORMAT=LONG_DATE_FORMAT].`)
}

/** Action/NotifyResultModified.php, NotifyResultDeleted.php. */
export function resultModified(store: Store, by: number, dateTs: number): Notice {
  return plain(`${user(store, by)} changed task status summary, [TIMESTAMP=${dateTs} FORMAT=LONG_DATE_FORMAT].`)
}

/** Action/NotifyPriorityChanged.php, NotifyTaskDescriptionChanged.php (TASKS_IM_DESCRIPTION_MODIFIED_*). */
export function priorityHigh(store: Store, by: number): Notice {
  return plain(`${user(store, by)} marked the task as high priority.`)
}

export function descriptionChanged(store: Store, by: number): Notice {
  return plain(`${user(store, by)} changed task description.`)
}

/** Action/NotifyTaskStatusPinged.php (TASKS_IM_TASK_STATUS_PINGED_CREATOR_*): the text ends with a space. */
export function statusPinged(store: Store, by: number, members: readonly number[]): Notice {
  return plain(`${users(store, members)}, the task owner ${user(store, by)} requests to be updated on the task status. `)
}
