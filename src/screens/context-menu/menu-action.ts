import * as v from 'valibot'
import type { PortalClient } from '../../b24/portal-client'
import { makeResultOnce } from '../../features/results/api/results-api'
import { Id } from '../../chat/wire'

const Options = v.looseObject({
  messageId: Id,
  dialogId: v.string(),
})
const Dialog = v.looseObject({ name: v.nullish(v.string()), entity_type: v.nullish(v.string()), entity_id: v.nullish(v.union([v.string(), v.number()])) })

type MenuOutcome = { kind: 'made'; taskTitle: string } | { kind: 'not-task-chat' } | { kind: 'bad-placement' }

/**
 * IM_CONTEXT_MENU sends `{messageId:"2431", dialogId:"chat2"}`. im.dialog.get (v2) says whether
 * that chat belongs to a task (entity TASKS_TASK, entity id = task id); if so the message becomes
 * the task's result, never twice.
 */
export async function makeResultFromMenu(client: PortalClient, placementOptions: unknown): Promise<MenuOutcome> {
  const options = v.safeParse(Options, placementOptions)
  if (!options.success) return { kind: 'bad-placement' }
  const { messageId, dialogId } = options.output
  if (!dialogId.startsWith('chat')) return { kind: 'not-task-chat' } // a one-to-one dialog
  const dialog = v.parse(Dialog, await client.callV2('im.dialog.get', { DIALOG_ID: dialogId }))
  const taskId = Number(dialog.entity_id)
  if (dialog.entity_type !== 'TASKS_TASK' || !Number.isSafeInteger(taskId) || taskId <= 0) return { kind: 'not-task-chat' }
  await makeResultOnce(client, taskId, messageId)
  return { kind: 'made', taskTitle: dialog.name ?? '' }
}
