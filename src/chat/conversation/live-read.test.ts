import { describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import type { Conditions } from '../../../test/portal/conditions'
import type { Params, PortalClient } from '../../b24/portal-client'

// A live poll against the local portal (in-process, through the real SDK and frame protocol):
// every shown chat's newest page in one batch, with what search brings beside the messages.

const card = taskCardPerTest()

/** Fresh modules (the SDK keeps one frame per page; the history source is per page), a client that notes each request. */
async function connect(conditions: Partial<Conditions> = {}) {
  await card.open({ taskId: 1 }, { rateLimit: false, ...conditions })
  vi.resetModules()
  const { connectToPortal } = await import('../../b24/connect')
  const { readLivePages } = await import('./live-read')
  const { historySource } = await import('./history-source')
  const real = (await connectToPortal()).client
  const requests: { kind: string; rows: [string, Params][] }[] = []
  const client: PortalClient = {
    ...real,
    callV2: (method, params = {}) => (requests.push({ kind: 'call', rows: [[method, params]] }), real.callV2(method, params)),
    batchV2: (rows) => (requests.push({ kind: 'batch', rows: Object.values(rows) }), real.batchV2(rows)),
  }
  return { read: (chats: number[]) => readLivePages(client, chats), requests, historySource }
}

/** User `userId` calls a v2 method on the portal, as another person in the chat would. */
const rest = (method: string, params: Params, userId: number) => card.app.rest(method, params, userId)

describe('a live poll', () => {
  it('reads the newest page of every chat in ONE batch through search, with replies, reactions, edits and deletions', async () => {
    const t = await connect()
    const first = (await rest('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'Plan is ready' }, 2)) as number
    const reply = (await rest('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'Looks good', REPLY_ID: first }, 3)) as number
    const gone = (await rest('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'Oops, wrong chat' }, 4)) as number
    await rest('im.message.update', { MESSAGE_ID: first, MESSAGE: 'Plan v2 is ready' }, 2)
    await rest('im.message.like', { MESSAGE_ID: first, ACTION: 'plus' }, 3)
    await rest('im.message.delete', { MESSAGE_ID: gone }, 4)

    const outcomes = await t.read([1001, 1005, 1007])
    expect(t.requests).toHaveLength(1)
    expect(t.requests[0]!.kind).toBe('batch')
    expect(t.requests[0]!.rows.map(([method, params]) => [method, params['CHAT_ID']])).toEqual([
      ['im.dialog.messages.search', 1001],
      ['im.dialog.messages.search', 1005],
      ['im.dialog.messages.search', 1007],
    ])
    expect([...outcomes.keys()]).toEqual([1001, 1005, 1007])
    for (const outcome of outcomes.values()) expect(outcome.ok && outcome.read.run.live && outcome.read.bySearch).toBe(true)

    const outcome = outcomes.get(1001)!
    const messages = outcome.ok ? outcome.read.run.messages : []
    const byId = (id: number) => messages.find((m) => m.id === id)!
    expect(messages.at(-1)!.id).toBe(gone)
    expect(byId(first).text).toBe('Plan v2 is ready')
    expect(byId(first).reactions?.map((r) => [r.code, r.count])).toEqual([['like', 1]])
    expect(byId(reply).replyToId).toBe(first)
    expect(byId(gone).isDeleted).toBe(true)
  })

  it('where search is refused, reads the rows again through get at once, and remembers get', async () => {
    const t = await connect({ methodFaults: [{ method: 'im.dialog.messages.search', error: 'ERROR_METHOD_NOT_FOUND' }] })
    const outcomes = await t.read([1001, 1005])
    expect(t.requests.map((r) => r.rows.map(([method]) => method))).toEqual([
      ['im.dialog.messages.search', 'im.dialog.messages.search'],
      ['im.dialog.messages.get', 'im.dialog.messages.get'],
    ])
    expect([...outcomes.values()].every((o) => o.ok && o.read.run.messages.length > 0 && !o.read.bySearch)).toBe(true)
    expect(t.historySource()).toBe('get')
    await t.read([1001])
    expect(t.requests.at(-1)!.rows.map(([method]) => method)).toEqual(['im.dialog.messages.get'])
  })

  it('a chat the reader may not see fails alone', async () => {
    const t = await connect()
    const outcomes = await t.read([1001, 1004])
    expect(outcomes.get(1001)!.ok).toBe(true)
    expect(outcomes.get(1004)!.ok).toBe(false)
    expect(t.historySource()).toBe('search')
  })
})
