import { describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../test/dom/card-per-test'
import type { FaultError, MethodFault } from '../../test/portal/conditions'
import type { PortalClient } from './portal-client'

// Reads wait out a busy portal and go again; writes go once (a lost answer may hide a done write). Against the local portal,
// in-process, through the real SDK configured as connect.ts configures it.

const card = taskCardPerTest()

/** A client as the app makes it (SDK retries off), its read waits shortened to a millisecond. */
async function connect(keys = false): Promise<{ client: PortalClient; mayHaveLanded: (error: unknown) => boolean }> {
  await card.open({ taskId: 1 })
  vi.resetModules() // the SDK keeps one frame per page: each test is a new page
  const sdk = await import('@bitrix24/b24jssdk')
  const { RESTRICTION_PARAMS } = await import('./connect')
  const { createPortalClient } = await import('./portal-client')
  const { READ_RETRY } = await import('./read-retry')
  const { mayHaveLanded } = await import('./write-outcome')
  const b24 = await sdk.initializeB24Frame({ restrictionParams: RESTRICTION_PARAMS })
  const quick = { attempts: READ_RETRY.attempts, delayMs: (error: unknown, attempt: number) => (READ_RETRY.delayMs(error, attempt) === null ? null : 1) }
  return { client: createPortalClient(b24, quick, keys), mayHaveLanded }
}

function fault(method: string, error: FaultError, times: number, extra: Partial<MethodFault> = {}): void {
  card.app.portal.setConditions({ methodFaults: [{ method, error, times, ...extra }] })
}
/** How many of the fault's answers are left: each call the portal saw took one. */
const faultsLeft = () => card.app.portal.conditions.methodFaults[0]?.times
const chat = () => `chat${card.app.portal.getTask(1)!.chatId!}`

async function copies(client: PortalClient, text: string): Promise<number> {
  const page = (await client.callV2('im.dialog.messages.get', { DIALOG_ID: chat(), LIMIT: 50 })) as { messages: { text: string }[] }
  return page.messages.filter((m) => m.text === text).length
}

const SERVER_FAULTS: [FaultError, number][] = [
  ['QUERY_LIMIT_EXCEEDED', 503],
  ['OVERLOAD_LIMIT', 503],
  ['INTERNAL_SERVER_ERROR', 500],
  ['ERROR_UNEXPECTED_ANSWER', 500],
  ['SENDING_FAILED', 500],
]

describe('reads', () => {
  it.each(SERVER_FAULTS)('a v2 read answered %s (%i) twice is sent again and answers', async (error) => {
    const { client } = await connect()
    fault('im.dialog.messages.get', error, 2)
    const page = (await client.callV2('im.dialog.messages.get', { DIALOG_ID: chat(), LIMIT: 5 })) as { messages: unknown[] }
    expect(page.messages).toHaveLength(5)
    expect(faultsLeft()).toBe(0)
  })

  it('a v3 read and a batch wait out a 503 too', async () => {
    const { client } = await connect()
    fault('tasks.task.get', 'OVERLOAD_LIMIT', 2, { version: 'v3' })
    expect(await client.callV3('tasks.task.get', { id: 1, select: ['id'] })).toMatchObject({ item: { id: 1 } })
    fault('batch', 'QUERY_LIMIT_EXCEEDED', 2)
    const rows = await client.batchV2({ task: ['tasks.task.get', { taskId: 1, select: ['ID'] }] })
    expect(rows['task']).toMatchObject({ ok: true })
    expect(faultsLeft()).toBe(0)
  })

  it('a read that keeps failing is sent three times in all, then fails as the portal answered', async () => {
    const { client } = await connect()
    fault('im.dialog.messages.get', 'OVERLOAD_LIMIT', 10)
    await expect(client.callV2('im.dialog.messages.get', { DIALOG_ID: chat(), LIMIT: 5 })).rejects.toMatchObject({
      kind: 'rate-limit',
      code: 'OVERLOAD_LIMIT',
      status: 503,
    })
    expect(faultsLeft()).toBe(7)
  })

  it('a refusal is not sent again', async () => {
    const { client } = await connect()
    fault('im.dialog.messages.get', 'insufficient_scope', 2)
    await expect(client.callV2('im.dialog.messages.get', { DIALOG_ID: chat(), LIMIT: 5 })).rejects.toMatchObject({ kind: 'scope' })
    expect(faultsLeft()).toBe(1)
  })
})

describe('writes', () => {
  it.each(SERVER_FAULTS)('a v2 write answered %s (%i) is sent once, and may have landed', async (error, status) => {
    const { client, mayHaveLanded } = await connect()
    fault('im.message.add', error, 1)
    const text = `once ${error} ${Date.now()}`
    const failure = await client.writeV2('im.message.add', { DIALOG_ID: chat(), MESSAGE: text }).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: error, status })
    expect(mayHaveLanded(failure)).toBe(true)
    expect(faultsLeft()).toBe(0)
    expect(await copies(client, text)).toBe(0)
  })

  it('a write carried out whose answer is a server error stays one message', async () => {
    const { client } = await connect()
    fault('im.message.add', 'SENDING_FAILED', 1, { carriedOut: true })
    const text = `lost answer ${Date.now()}`
    await expect(client.writeV2('im.message.add', { DIALOG_ID: chat(), MESSAGE: text })).rejects.toMatchObject({ code: 'SENDING_FAILED' })
    expect(await copies(client, text)).toBe(1)
  })

  it('a v3 write answered 503 is sent once', async () => {
    const { client } = await connect()
    fault('tasks.task.result.addfromchatmessage', 'OVERLOAD_LIMIT', 1, { version: 'v3', carriedOut: true })
    await expect(client.writeV3('tasks.task.result.addfromchatmessage', { fields: { messageId: 4002 } })).rejects.toMatchObject({ status: 503 })
    const list = (await client.callV3('tasks.task.result.list', {
      filter: [
        ['taskId', 1],
        ['messageId', 4002],
      ],
      select: ['id'],
    })) as { items: unknown[] }
    expect(list.items).toHaveLength(1)
  })

  it('where the portal lets the key through, a v3 write carries it: the same key replays the answer instead of writing again', async () => {
    const { client } = await connect(true)
    card.app.portal.setConditions({ idempotencyKeyCors: true })
    const params = { fields: { messageId: 4003 } }
    const first = await client.writeV3('tasks.task.result.addfromchatmessage', params, { idempotencyKey: 'test-4003' })
    const again = await client.writeV3('tasks.task.result.addfromchatmessage', params, { idempotencyKey: 'test-4003' })
    expect(again).toEqual(first)
    const list = (await client.callV3('tasks.task.result.list', {
      filter: [
        ['taskId', 1],
        ['messageId', 4003],
      ],
      select: ['id'],
    })) as { items: unknown[] }
    expect(list.items).toHaveLength(1)
    // Without a key given, each call is its own action with a fresh key.
    await client.writeV3('tasks.task.result.addfromchatmessage', params)
    const after = (await client.callV3('tasks.task.result.list', {
      filter: [
        ['taskId', 1],
        ['messageId', 4003],
      ],
      select: ['id'],
    })) as { items: unknown[] }
    expect(after.items).toHaveLength(2)
  })

  it('where the preflight stops the key, as Bitrix24’s does, a keyed write never leaves the browser: why keys are off', async () => {
    const { client } = await connect(true)
    await expect(client.writeV3('tasks.task.result.addfromchatmessage', { fields: { messageId: 4004 } })).rejects.toMatchObject({ kind: 'network' })
    const list = (await client.callV3('tasks.task.result.list', {
      filter: [
        ['taskId', 1],
        ['messageId', 4004],
      ],
      select: ['id'],
    })) as { items: unknown[] }
    expect(list.items).toHaveLength(0)
  })
})
