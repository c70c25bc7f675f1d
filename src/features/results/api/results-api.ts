import * as v from 'valibot'
import type { PortalClient } from '../../../b24/portal-client'
import { Id } from '../../../chat/wire'

/** A task result made from a chat message. */
export interface TaskResult {
  id: number
  messageId: number
  authorId: number
  text: string
  createdAt: Date
}

const WireResult = v.looseObject({
  id: Id,
  messageId: v.nullish(Id),
  authorId: Id,
  text: v.nullish(v.string()),
  createdAt: v.nullish(v.string()),
})
const WireList = v.looseObject({ items: v.array(v.unknown()) })
const WireItem = v.looseObject({ item: WireResult })
const WireRights = v.looseObject({ item: v.looseObject({ rights: v.nullish(v.looseObject({ createResult: v.nullish(v.boolean()) })) }) })
const WireAccess = v.looseObject({ createResult: v.nullish(v.boolean()) })

function toResult(wire: v.InferOutput<typeof WireResult>): TaskResult | null {
  if (!wire.messageId) return null // results not made from a message have nothing to badge
  return { id: wire.id, messageId: wire.messageId, authorId: wire.authorId, text: wire.text ?? '', createdAt: new Date(wire.createdAt ?? 0) }
}

const PAGE = 50

/**
 * tasks.task.result.list (v3), filtered by task (and message), every page: the results made from
 * messages. REST 3.0 answers a list with `items` alone, no `next` or total (ListResponse in the rest
 * module), and the page documents no size, so a page shorter than asked may not be the last: the
 * next page starts after what came, and the list ends at an empty page, or at a page shorter than
 * one before it (the portal's own page size is then known).
 */
export async function listResults(client: PortalClient, taskId: number, messageId?: number): Promise<TaskResult[]> {
  const filter: unknown[] = [['taskId', taskId]]
  if (messageId) filter.push(['messageId', messageId])
  const out: TaskResult[] = []
  let largest = 0
  for (let offset = 0; ;) {
    const raw = await client.callV3('tasks.task.result.list', {
      filter,
      select: ['id', 'messageId', 'authorId', 'text', 'createdAt'],
      order: { id: 'ASC' },
      pagination: { limit: PAGE, offset },
    })
    const items = v.parse(WireList, raw).items
    for (const item of items) {
      const parsed = v.safeParse(WireResult, item)
      const result = parsed.success ? toResult(parsed.output) : null
      if (result) out.push(result)
    }
    if (items.length === 0 || items.length < largest) return out
    largest = Math.max(largest, items.length)
    offset += items.length
  }
}

/** tasks.task.get (v3) selecting the plain `rights` field (`api-reference/tasks/fields-rest-v3.md`): may this user record results? */
async function readRightsField(client: PortalClient, taskId: number): Promise<boolean> {
  const raw = await client.callV3('tasks.task.get', { id: taskId, select: ['id', 'rights'] })
  return v.parse(WireRights, raw).item.rights?.createResult !== false
}

/** tasks.task.access.get (v3, `api-reference/tasks/tasks-task-access-get.md`): the actions the user may take, createResult among them. */
async function readAccess(client: PortalClient, taskId: number): Promise<boolean> {
  return v.parse(WireAccess, await client.callV3('tasks.task.access.get', { id: taskId })).createResult !== false
}

/**
 * May this user record results in the task? Only used to hide a button the portal would refuse,
 * so when the right cannot be read (a portal that refuses the select and the access method, a
 * passing fault) the button is offered and the portal decides when it is pressed.
 */
export async function canCreateResults(client: PortalClient, taskId: number): Promise<boolean> {
  for (const read of [readRightsField, readAccess]) {
    try {
      return await read(client, taskId)
    } catch (error) {
      console.warn('Could not read the right to record results', error)
    }
  }
  return true
}

/** tasks.task.result.addfromchatmessage (v3): the message becomes a result of its task. */
export async function addResultFromMessage(client: PortalClient, messageId: number): Promise<TaskResult> {
  const raw = await client.writeV3('tasks.task.result.addfromchatmessage', { fields: { messageId } })
  const result = toResult(v.parse(WireItem, raw).item)
  if (!result) throw new Error('The portal answered a result without its message')
  return result
}

/** tasks.task.result.delete (v3): only the result's author may. */
export async function deleteResult(client: PortalClient, id: number): Promise<void> {
  await client.writeV3('tasks.task.result.delete', { id })
}

/**
 * Makes a message its task's result unless it already is one, and never leaves two: the task's
 * results for the message are read before adding (another tab, or an earlier attempt whose answer
 * was lost, may have made it) and after (two tabs may have raced past the first read: the oldest
 * result stays, ours is withdrawn if it is not the oldest). Every attempt looks first, so a click
 * after any failure (a 500 or 503 of any code included: the result may have been made) is safe. An
 * Idempotency-Key could not stand in for this look: the portal keeps only successful answers, and a
 * browser may not send the key at all (src/b24/idempotency-keys.ts).
 */
export async function makeResultOnce(client: PortalClient, taskId: number, messageId: number): Promise<TaskResult> {
  const before = await listResults(client, taskId, messageId)
  if (before[0]) return before[0]
  const made = await addResultFromMessage(client, messageId)
  const after = await listResults(client, taskId, messageId)
  const keeper = after.reduce<TaskResult | undefined>((oldest, r) => (!oldest || r.id < oldest.id ? r : oldest), undefined) ?? made
  if (keeper.id !== made.id) await deleteResult(client, made.id)
  return keeper
}
