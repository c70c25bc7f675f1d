/**
 * `npm run conformance -- <inbound webhook URL> [--task <id>] [--write]`
 *
 * Checks a portal (a real Bitrix24 or the local one) against the shapes the app relies on and
 * prints one table row per method. Exit code 1 when an answer breaks a flow of the app (a required
 * method refused, or a field the app reads departs from the docs), 2 on bad usage or when no task
 * to check could be found; 0 otherwise, optional refusals included (the app's fallback is named).
 */
import { runBotChecks } from './checks-a-bot.ts'
import { runBatchChecks } from './checks-b-batch.ts'
import { runReadChecks, type Target } from './read-checks.ts'
import { differences, formatTable, type Row } from './verdict.ts'
import { TaskGetV2, TaskListV2 } from './shapes-tasks.ts'
import { WebhookClient } from './webhook-client.ts'
import { runWriteChecks } from './write-checks.ts'
import { idempotencyKeyCorsRow, runIdempotencyChecks } from './checks-d-writes.ts'

const USAGE = 'usage: npm run conformance -- <https://<portal>/rest/<userId>/<secret>/> [--task <id>] [--write]'

interface Args {
  url: string
  taskId: number | null
  write: boolean
}

function parseArgs(argv: string[]): Args | null {
  let url = ''
  let taskId: number | null = null
  let write = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--write') write = true
    else if (arg === '--task') taskId = Number(argv[++i])
    else if (!arg.startsWith('--')) url = arg
    else return null
  }
  if (url === '' || (taskId !== null && !(Number.isSafeInteger(taskId) && taskId > 0))) return null
  if (write && taskId === null) return null // writes go only where the admin pointed
  return { url, taskId, write }
}

/**
 * The task's chat id, read as the app reads it (tasks.task.get, v2), or why there is none. A task
 * whose `chatId` is null or 0 has no chat; an answer without the `chatId` field at all is a portal
 * that names it otherwise, reported as the difference it is, not as a task without a chat.
 */
async function chatOf(client: WebhookClient, taskId: number): Promise<number | string> {
  const answer = await client.v2('tasks.task.get', { taskId, select: ['ID', 'TITLE', 'CHAT_ID'] })
  if (!answer.ok) return `tasks.task.get refused: ${answer.code} (${answer.status}) ${answer.description}`
  const task = (answer.result as { task?: Record<string, unknown> } | null)?.task
  if (task && !('chatId' in task)) return `tasks.task.get differs: chatId (missing; the task has ${Object.keys(task).join(', ')})`
  if (differences(TaskGetV2, answer.result).has('task.chatId') || !Number(task?.['chatId']))
    return `task ${taskId} has no chat the webhook user can read (no chatId)`
  return Number(task?.['chatId'])
}

/** `--task`, or the newest of the webhook user's tasks (tasks.task.list: "others can only see tasks available to them") that has a chat. */
async function findTarget(client: WebhookClient, taskId: number | null): Promise<Target | string> {
  if (taskId !== null) {
    const chatId = await chatOf(client, taskId)
    return typeof chatId === 'string' ? chatId : { taskId, chatId }
  }
  const list = await client.v2('tasks.task.list', { order: { ID: 'desc' }, select: ['ID', 'TITLE'], start: 0 })
  if (!list.ok || differences(TaskListV2, list.result).size > 0)
    return `could not list the webhook user's tasks (tasks.task.list: ${list.ok ? 'unexpected shape' : list.code}); pass --task <id>`
  for (const task of (list.result as { tasks: { id: string }[] }).tasks.slice(0, 10)) {
    const chatId = await chatOf(client, Number(task.id))
    // A differently named field is the portal's, not the task's: every task would say the same.
    if (typeof chatId === 'string' && chatId.startsWith('tasks.task.get differs')) return chatId
    if (typeof chatId === 'number') return { taskId: Number(task.id), chatId }
  }
  return "none of the webhook user's newest tasks has a chat; pass --task <id>"
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (!args) {
    console.error(`${USAGE}\n(--write needs --task: writes go only into a task you name)`)
    return 2
  }
  let client: WebhookClient
  try {
    client = new WebhookClient(args.url)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    return 2
  }
  const target = await findTarget(client, args.taskId)
  if (typeof target === 'string') {
    console.error(`Cannot start: ${target}`)
    // A differently named chat id breaks the app's opening (it reads task.chatId): a failed check, not bad usage.
    return target.startsWith('tasks.task.get differs') ? 1 : 2
  }
  console.log(`Portal ${new URL(args.url).origin}, webhook user ${client.userId}, task ${target.taskId}, chat ${target.chatId}\n`)
  const rows: Row[] = await runReadChecks(client, target)
  rows.push(...(await runBotChecks(client, target)))
  rows.push(...(await runBatchChecks(client, target)))
  rows.push(await idempotencyKeyCorsRow(client))
  let leftBehind: string[] = []
  if (args.write) {
    const report = await runWriteChecks(client, target)
    rows.push(...report.rows)
    leftBehind = report.leftBehind
    const keyed = await runIdempotencyChecks(client, target)
    rows.push(...keyed.rows)
    leftBehind.push(...keyed.leftBehind)
  }
  console.log(formatTable(rows))
  console.log(`\nLeft behind: ${leftBehind.length === 0 ? 'nothing' : leftBehind.join('; ')}`)
  const broken = rows.filter((row) => row.breaks)
  console.log(
    broken.length === 0
      ? 'Verdict: the app works on this portal.'
      : `Verdict: ${broken.length} answer(s) break the app: ${broken.map((r) => r.method).join(', ')}`,
  )
  return broken.length === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(2)
  },
)
