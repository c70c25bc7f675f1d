/**
 * Writes never repeated. Always (no side effects): does the portal's CORS preflight let a page of another origin send
 * `Idempotency-Key`? Bitrix24's source answers `origin, content-type, accept` only (CRestUtil::sendHeaders,
 * rest/classes/general/rest_util.php), and the app sends no key until a portal shows otherwise
 * (src/b24/idempotency-keys.ts SEND_IDEMPOTENCY_KEYS).
 *
 * `--write`: does the portal honour REST 3.0's `Idempotency-Key` (api-reference/rest-v3.md)?
 * A result is made from a message of ours twice with one key: the second answer should be the first
 * one replayed (`Idempotent-Replayed: true`, the same result), not a second result. The app never
 * relies on it (a write that may have landed is looked for before any retry); the key only saves a
 * duplicate where a repeat of the same action's first answer was lost. Everything made is removed.
 */
import type { Row } from './verdict.ts'
import type { WebhookClient } from './webhook-client.ts'
import type { Target } from './read-checks.ts'

const TEXT = 'Task Chat conformance check (Idempotency-Key): this message is removed right away.'

interface Made {
  status: number
  replayed: boolean
  resultId: number | null
}

async function makeResult(client: WebhookClient, messageId: number, key: string): Promise<Made> {
  const response = await fetch(`${client.v3Base}tasks.task.result.addfromchatmessage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ fields: { messageId } }),
  })
  const body = (await response.json().catch(() => ({}))) as { result?: { item?: { id?: unknown } } }
  const id = Number(body.result?.item?.id)
  return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', resultId: Number.isSafeInteger(id) && id > 0 ? id : null }
}

export async function idempotencyKeyCorsRow(client: WebhookClient): Promise<Row> {
  const method = 'CORS preflight of /rest/api/ (Idempotency-Key)'
  let allowed: string
  try {
    const answer = await fetch(`${client.v3Base}tasks.task.result.addfromchatmessage`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://task-chat.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    })
    allowed = answer.headers.get('access-control-allow-headers') ?? ''
  } catch (error) {
    return {
      method,
      verdict: `no answer: ${error instanceof Error ? error.message : String(error)}`,
      appDoes: 'sends v3 writes without the key',
      breaks: false,
    }
  }
  const names = allowed.split(',').map((h) => h.trim().toLowerCase())
  const lets = names.includes('idempotency-key') || names.includes('*')
  return {
    method,
    verdict: lets ? `lets the key through (${allowed})` : `stops the key (allows: ${allowed || 'nothing named'})`,
    appDoes: lets ? 'could send v3 writes with the key (SEND_IDEMPOTENCY_KEYS); today it sends none' : 'sends v3 writes without the key, as it does',
    breaks: false,
  }
}

export async function runIdempotencyChecks(client: WebhookClient, target: Target): Promise<{ rows: Row[]; leftBehind: string[] }> {
  const leftBehind: string[] = []
  const method = 'tasks.task.result.addfromchatmessage (v3, Idempotency-Key twice)'
  const appDoes = 'nothing depends on it: a write that may have landed is looked for before any retry'
  const posted = await client.v2('im.message.add', { DIALOG_ID: `chat${target.chatId}`, MESSAGE: TEXT })
  const messageId = posted.ok ? Number(posted.result) : null
  if (messageId === null) return { rows: [{ method, verdict: 'skipped: could not post a message', appDoes, breaks: false }], leftBehind }
  const key = `task-chat-conformance-${messageId}`
  const first = await makeResult(client, messageId, key)
  const second = await makeResult(client, messageId, key)
  const verdict =
    first.status !== 200
      ? `skipped: the first make answered ${first.status}`
      : second.replayed && second.resultId === first.resultId
        ? 'replays the first answer (Idempotent-Replayed: true)'
        : `no replay: the second answered ${second.status}${second.resultId !== null && second.resultId !== first.resultId ? ', a second result' : ''}`
  for (const id of new Set([first.resultId, second.resultId])) {
    if (id === null) continue
    const removed = await client.v3('tasks.task.result.delete', { id })
    if (!removed.ok) leftBehind.push(`result ${id} of task ${target.taskId} (tasks.task.result.delete: ${removed.code})`)
  }
  // Messages the portal posted in reply (the "marked as result" notice) are reported, not touched.
  const after = await client.v2('im.dialog.messages.get', { DIALOG_ID: `chat${target.chatId}`, FIRST_ID: messageId, LIMIT: 50 })
  const extra = after.ok ? ((after.result as { messages?: { id?: unknown }[] }).messages ?? []).map((m) => Number(m.id)).filter((id) => id !== messageId) : []
  for (const id of extra) leftBehind.push(`message ${id} (posted by the portal in reply to our checks)`)
  const deleted = await client.v2('im.message.delete', { MESSAGE_ID: messageId })
  if (!deleted.ok) leftBehind.push(`message ${messageId} in chat ${target.chatId} (im.message.delete: ${deleted.code})`)
  return { rows: [{ method, verdict, appDoes, breaks: false }], leftBehind }
}
