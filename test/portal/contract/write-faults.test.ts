/**
 * Writes answered with a server error (the answer may be lost after the write was done), through Conditions.methodFaults:
 * - `SENDING_FAILED` "Sending failed": api-reference/chat-bots/chat-bots-v2/imbot.v2/messages/chat-message-send.md
 *   (Possible Error Codes; im/lib/V2/Message/MessageError.php), answered with 500 as a server failure of a write.
 * - `OVERLOAD_LIMIT` 503 "REST API is blocked due to overload": _includes/system-errors.md.
 * - `carriedOut`: the write is done and only its answer is the error (a lost answer). The answer is
 *   not stored for its Idempotency-Key: api-reference/rest-v3.md stores successful answers only.
 * - The CORS preflight and `Idempotency-Key` (Conditions.idempotencyKeyCors): the docs are silent;
 *   CRestUtil::sendHeaders (rest/classes/general/rest_util.php, for OPTIONS from rest/include.php)
 *   allows `origin, content-type, accept` only.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal()
beforeEach(() => p.portal.setConditions({ methodFaults: [] }))

const chat = () => `chat${p.portal.getTask(1)!.chatId!}`

async function copies(text: string): Promise<number> {
  const answer = await p.v2('im.dialog.messages.get', { DIALOG_ID: chat(), LIMIT: 50 })
  return (answer.body.result.messages as { text: string }[]).filter((m) => m.text === text).length
}

describe('a write answered with a server error', () => {
  it('SENDING_FAILED: 500 with the documented code and text (v2 envelope), nothing posted', async () => {
    p.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error: 'SENDING_FAILED', times: 1 }] })
    const text = `sending failed ${Date.now()}`
    const answer = await p.v2('im.message.add', { DIALOG_ID: chat(), MESSAGE: text })
    expect(answer.status).toBe(500)
    expect(answer.body).toEqual({ error: 'SENDING_FAILED', error_description: 'Sending failed' })
    expect(await copies(text)).toBe(0)
  })

  it('OVERLOAD_LIMIT: 503 as _includes/system-errors.md names it', async () => {
    p.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error: 'OVERLOAD_LIMIT', times: 1 }] })
    const answer = await p.v2('im.message.add', { DIALOG_ID: chat(), MESSAGE: 'overload' })
    expect(answer.status).toBe(503)
    expect(answer.body).toEqual({ error: 'OVERLOAD_LIMIT', error_description: 'REST API is blocked due to overload' })
  })

  it('carriedOut: the message is posted, the answer is the error; a repeat posts a second copy', async () => {
    p.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error: 'SENDING_FAILED', times: 1, carriedOut: true }] })
    const text = `lost answer ${Date.now()}`
    const lost = await p.v2('im.message.add', { DIALOG_ID: chat(), MESSAGE: text })
    expect(lost.status).toBe(500)
    expect(lost.body.error).toBe('SENDING_FAILED')
    expect(await copies(text)).toBe(1)
    // What a blind retry does (the SDK 2.2.0's, for a 5xx): a duplicate.
    expect((await p.v2('im.message.add', { DIALOG_ID: chat(), MESSAGE: text })).status).toBe(200)
    expect(await copies(text)).toBe(2)
  })

  it('carriedOut on a v3 write: the result is made, the key stores nothing, so the same key writes again', async () => {
    p.portal.setConditions({ methodFaults: [{ method: 'tasks.task.result.addfromchatmessage', error: 'OVERLOAD_LIMIT', times: 1, carriedOut: true }] })
    const headers = { 'Idempotency-Key': 'lost-4001' }
    const lost = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 4001 } }, { headers })
    expect(lost.status).toBe(503)
    expect(lost.body.error.code).toBe('OVERLOAD_LIMIT')
    const list = async () =>
      (
        await p.v3('tasks.task.result.list', {
          filter: [
            ['taskId', 1],
            ['messageId', 4001],
          ],
          select: ['id'],
        })
      ).body.result.items.length
    expect(await list()).toBe(1)
    const again = await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: 4001 } }, { headers })
    expect(again.headers.get('idempotent-replayed')).toBeNull()
    expect(await list()).toBe(2)
  })

  it('a fault on batch itself answers for the whole call (settings/how-to-call-rest-api/batch.md: one request)', async () => {
    p.portal.setConditions({ methodFaults: [{ method: 'batch', error: 'QUERY_LIMIT_EXCEEDED', times: 1 }] })
    const busy = await p.v2('batch', { halt: 0, cmd: { task: 'tasks.task.get?taskId=1' } })
    expect(busy.status).toBe(503)
    expect(busy.body.error).toBe('QUERY_LIMIT_EXCEEDED')
    expect((await p.v2('batch', { halt: 0, cmd: { task: 'tasks.task.get?taskId=1' } })).status).toBe(200)
  })

  it('refuses a carriedOut that is not a boolean (the whole list is kept)', () => {
    const before = p.portal.setConditions({ methodFaults: [{ method: 'x', error: 'SENDING_FAILED', carriedOut: true }] }).methodFaults
    expect(before).toEqual([{ method: 'x', error: 'SENDING_FAILED', carriedOut: true }])
    expect(p.portal.setConditions({ methodFaults: [{ method: 'y', error: 'SENDING_FAILED', carriedOut: 'yes' }] as never }).methodFaults).toEqual(before)
  })
})

describe('the CORS preflight and Idempotency-Key', () => {
  const preflight = () =>
    p.raw('/rest/api/tasks.task.result.addfromchatmessage', {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    })

  it('by default allows only origin, content-type and accept: a browser page of another origin cannot send the key', async () => {
    p.portal.setConditions({ idempotencyKeyCors: false })
    const answer = await preflight()
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-headers')).toBe('origin, content-type, accept')
  })

  it('with the switch on, lets the key through', async () => {
    p.portal.setConditions({ idempotencyKeyCors: true })
    expect((await preflight()).headers.get('access-control-allow-headers')).toBe('Content-Type, Idempotency-Key')
    p.portal.setConditions({ idempotencyKeyCors: false })
  })
})
