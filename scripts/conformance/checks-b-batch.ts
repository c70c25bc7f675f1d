/**
 * Batch references, read order and results paging: what this portal does where the docs
 * are silent, and whether the app's way around it holds. Read-only.
 */
import type { Target } from './read-checks.ts'
import type { Row } from './verdict.ts'
import type { Outcome, WebhookClient } from './webhook-client.ts'

type Messages = { messages?: { id?: unknown }[] }
const idsOf = (result: unknown): number[] => ((result as Messages | null)?.messages ?? []).map((m) => Number(m.id)).filter((id) => id > 0)
const rowsOf = (outcome: Outcome) => {
  const result = (outcome.ok ? outcome.result : null) as { result?: Record<string, unknown>; result_error?: Record<string, { error?: string }> } | null
  return { result: result?.result ?? {}, errors: result?.result_error ?? {} }
}
const refusal = (o: Outcome) => (o.ok ? '' : `${o.code} (${o.status})`)

/**
 * src/chat/conversation/chained-id.ts: a message id chained as `0$result[row][messages][0][id]`
 * must resolve ("0123", which im.dialog.messages.get takes) where the row read a message, and must
 * not break the whole batch where it read none (CRestUtil::processBatchElement leaves it as written).
 */
async function chainedIds(client: WebhookClient, target: Target): Promise<Row> {
  const method = 'batch references (v2, chained ids)'
  const dialog = `chat${target.chatId}`
  const newest = await client.v2('im.dialog.messages.get', { DIALOG_ID: dialog, LIMIT: 1 })
  const newestId = Math.max(0, ...idsOf(newest.ok ? newest.result : null))
  if (!newest.ok || newestId === 0) return { method, verdict: `not checked: no message to chain from ${refusal(newest)}`, appDoes: '-', breaks: false }
  const answer = await client.batch({
    probe: ['im.dialog.messages.get', { DIALOG_ID: dialog, FIRST_ID: newestId - 1, LIMIT: 1 }],
    chained: ['im.dialog.messages.get', { DIALOG_ID: dialog, LAST_ID: '0$result[probe][messages][0][id]', LIMIT: 1 }],
    after: ['im.dialog.messages.get', { DIALOG_ID: dialog, FIRST_ID: newestId, LIMIT: 1 }],
    whole: ['im.dialog.messages.get', { DIALOG_ID: dialog, LAST_ID: '$result[after][messages][0][id]', LIMIT: 1 }],
    unresolved: ['im.dialog.messages.get', { DIALOG_ID: dialog, LAST_ID: '0$result[after][messages][0][id]', LIMIT: 1 }],
  })
  if (!answer.ok)
    return { method, verdict: `batch refused: ${refusal(answer)}`, appDoes: 'BREAKS: a jump through get and results’ messages fail', breaks: true }
  const { result, errors } = rowsOf(answer)
  const chained = idsOf(result['chained'])
  const resolved = chained.length > 0 && chained.every((id) => id < newestId)
  const became = (key: string) => (errors[key]?.error ? `row error ${errors[key]?.error}` : `answered ${idsOf(result[key]).length} message(s)`)
  const verdict = `resolved: ${resolved ? 'yes' : `no (${became('chained')})`}; unresolved whole: ${became('whole')}; unresolved "0$result": ${became('unresolved')}`
  return {
    method,
    verdict,
    appDoes: resolved
      ? 'jumps and results’ messages chain ids; where nothing is newer the chained row is ignored, whatever it became'
      : 'BREAKS: chained ids are not taken; a jump through get and results’ messages fail',
    breaks: !resolved,
  }
}

/** The opening (history-api.ts): search's CHAT_ID chained as `0$result[task][task][chatId]` must read the chat. */
async function openingChatId(client: WebhookClient, target: Target): Promise<Row> {
  const method = 'batch references (v2, opening CHAT_ID)'
  const answer = await client.batch({
    task: ['tasks.task.get', { taskId: target.taskId, select: ['ID', 'TITLE', 'CHAT_ID'] }],
    page: ['im.dialog.messages.search', { CHAT_ID: '0$result[task][task][chatId]', LIMIT: 50, ORDER: { ID: 'DESC' } }],
  })
  if (!answer.ok) return { method, verdict: `batch refused: ${refusal(answer)}`, appDoes: 'BREAKS: the opening batch fails', breaks: true }
  const { result, errors } = rowsOf(answer)
  const read = errors['page']?.error === undefined && idsOf(result['page']).length > 0
  return {
    method,
    verdict: read ? `resolved: ${idsOf(result['page']).length} message(s)` : `not read: row error ${errors['page']?.error ?? '(no messages)'}`,
    appDoes: read ? 'opens on the chained chat id in one round trip' : 'search taken as refused: history through get (50 a page)',
    breaks: false,
  }
}

/** src/chat/map-history.ts sorts every page by id: the order a FIRST_ID read comes in is reported, never relied on. */
async function firstIdOrder(client: WebhookClient, target: Target): Promise<Row> {
  const method = 'im.dialog.messages.get FIRST_ID order (v2)'
  const dialog = `chat${target.chatId}`
  const page = await client.v2('im.dialog.messages.get', { DIALOG_ID: dialog, LIMIT: 20 })
  const ids = idsOf(page.ok ? page.result : null).sort((a, b) => a - b)
  if (ids.length < 5) return { method, verdict: `not checked: fewer than 5 messages ${refusal(page)}`, appDoes: '-', breaks: false }
  const from = ids[ids.length - 5]! - 1
  const read = await client.v2('im.dialog.messages.get', { DIALOG_ID: dialog, FIRST_ID: from, LIMIT: 4 })
  if (!read.ok) return { method, verdict: `refused: ${refusal(read)}`, appDoes: 'BREAKS: live polls read with FIRST_ID', breaks: true }
  const got = idsOf(read.result)
  const up = [...got].sort((a, b) => a - b)
  const order = got.join() === up.join() ? 'ascending' : got.join() === [...up].reverse().join() ? 'descending' : 'in no order'
  return { method, verdict: `${order}: ${got.join(', ')}`, appDoes: 'orders what it reads by id itself', breaks: false }
}

/** src/features/results/api/results-api.ts: pages read until an empty one, or one shorter than an earlier page. */
async function resultsPaging(client: WebhookClient, target: Target): Promise<Row> {
  const method = 'tasks.task.result.list paging (v3)'
  const page = (offset: number) =>
    client.v3('tasks.task.result.list', { filter: [['taskId', target.taskId]], select: ['id'], order: { id: 'ASC' }, pagination: { limit: 1, offset } })
  const first = await page(0)
  if (!first.ok) return { method, verdict: `refused: ${refusal(first)}`, appDoes: 'results listed as unavailable (the results check says more)', breaks: false }
  const keys = Object.keys((first.result as Record<string, unknown> | null) ?? {})
  const items = ((first.result as { items?: unknown[] } | null)?.items ?? []).length
  return {
    method,
    verdict: `limit 1 answered ${items} item(s); result holds ${keys.join(', ') || 'nothing'}${'next' in first.body ? `; next ${String(first.body['next'])}` : '; no next'}`,
    appDoes: 'reads pages until an empty one (no next or page size to rely on)',
    breaks: false,
  }
}

export async function runBatchChecks(client: WebhookClient, target: Target): Promise<Row[]> {
  return [await chainedIds(client, target), await openingChatId(client, target), await firstIdOrder(client, target), await resultsPaging(client, target)]
}
