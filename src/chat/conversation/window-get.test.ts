import { describe, expect, it, vi } from 'vitest'
import { countingRoundTrips } from '../../../test/dom/counting-client'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import type { FramedApp } from '../../../test/dom/frame-harness'
import type { FirstIdOrder } from '../../../test/portal/conditions'

// A jump through im.dialog.messages.get (a portal that refuses search) against the local portal,
// which resolves batch references as Bitrix24 does (CRestUtil::processBatchElement: an unresolved
// one is the deepest value reached, not "") and lists FIRST_ID reads in no set order.

const card = taskCardPerTest()

/** Fresh modules, history through get, and a client that counts round trips. */
async function connect() {
  vi.resetModules()
  const { connectToPortal } = await import('../../b24/connect')
  const { rememberPlainHistory } = await import('./history-source')
  const api = await import('./history-api')
  rememberPlainHistory()
  return { api, ...countingRoundTrips((await connectToPortal()).client) }
}

/** User 2 posts to task 1's chat (im.message.add, v2). */
const post = (card: FramedApp, text: string) => card.post(text, 2, `chat${card.portal.getTask(1)!.chatId!}`)

const ids = (read: { run: { messages: { id: number }[] } }) => read.run.messages.map((m) => m.id)
const ascending = (list: number[]) => list.every((id, i) => i === 0 || list[i - 1]! < id)

describe.each<FirstIdOrder>(['scrambled', 'descending', 'ascending'])('a jump through get, FIRST_ID reads %s', (firstIdOrder) => {
  it('to a message in the middle: one round trip, the message with what is around it, in order', async () => {
    const app = await card.open({ taskId: 1 }, { rateLimit: false, firstIdOrder })
    const target = await post(app, 'The one to find')
    const after: number[] = []
    for (let i = 0; i < 40; i++) after.push(await post(app, `later ${i}`))
    const t = await connect()
    const read = await t.api.fetchWindowAround(t.client, app.portal.getTask(1)!.chatId!, target)
    expect(t.trips).toEqual(['batch'])
    expect(ids(read)).toContain(target)
    expect(ascending(ids(read))).toBe(true)
    // The message, the 25 newer ones without a hole, and older ones before it.
    expect(ids(read).filter((id) => id > target)).toEqual(after.slice(0, 25))
    expect(ids(read).filter((id) => id < target).length).toBeGreaterThan(0)
    expect(read.run.live).toBe(false)
  })

  it('to the newest message: within two round trips, the newest page with it, live', async () => {
    const app = await card.open({ taskId: 1 }, { rateLimit: false, firstIdOrder })
    const newest = await post(app, 'The newest of all')
    // Read up to it: unread messages would stretch the newest page past LIMIT (then not claimed as live).
    app.portal.setReadMark(app.portal.getTask(1)!.chatId!, 1, newest)
    const t = await connect()
    const read = await t.api.fetchWindowAround(t.client, app.portal.getTask(1)!.chatId!, newest)
    expect(t.trips).toEqual(['batch', 'im.dialog.messages.get'])
    expect(ids(read).at(-1)).toBe(newest)
    expect(ascending(ids(read))).toBe(true)
    expect(read.run.live).toBe(true)
  })
})
