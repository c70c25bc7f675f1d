import { describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../test/dom/card-per-test'
import { countingRoundTrips } from '../../test/dom/counting-client'
import type { FramedApp } from '../../test/dom/frame-harness'

// Sends and uploads never land twice: against the local portal, which can carry a write out and
// then answer it with a server error (a lost answer), and lists FIRST_ID reads in no set order.

const card = taskCardPerTest()

/** Fresh modules and a client that counts round trips (writes too) by method. */
async function connect() {
  vi.resetModules()
  const { connectToPortal } = await import('../b24/connect')
  const { deliverOnce, findLanded } = await import('./deliver-once')
  const { client, trips } = countingRoundTrips((await connectToPortal()).client, { writes: true })
  return { client, trips, deliverOnce, findLanded }
}

/** A send as the composer makes it: im.message.add, looked for as the same words by the same author after the baseline. */
function sending(t: Awaited<ReturnType<typeof connect>>, chatId: number, baseline: number, text: string, outcomeUnknown = false) {
  return t.deliverOnce({
    write: async () => (await t.client.writeV2('im.message.add', { DIALOG_ID: `chat${chatId}`, MESSAGE: text })) as number,
    look: () => t.findLanded(t.client, chatId, baseline, (m) => (m.authorId === 1 && m.text === text ? m.id : null)),
    outcomeUnknown,
  })
}

/** The ids of the chat's messages after `baseline` with these words, as the portal lists them. */
async function copies(app: FramedApp, baseline: number, text: string): Promise<number[]> {
  const { messages } = await app.rest<{ messages: { id: number; text: string }[] }>('im.dialog.messages.get', {
    DIALOG_ID: `chat${app.portal.getTask(1)!.chatId!}`,
    FIRST_ID: baseline,
    LIMIT: 50,
  })
  return messages.filter((m) => m.text === text).map((m) => m.id)
}

describe('deliverOnce', () => {
  it('answered 500 after the portal posted it: found at once, one copy in the chat, no second post', async () => {
    const app = await card.open({ taskId: 1 })
    const baseline = await app.post('before')
    app.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error: 'SENDING_FAILED', times: 1, carriedOut: true }] })
    const t = await connect()
    const chatId = app.portal.getTask(1)!.chatId!
    const id = await sending(t, chatId, baseline, 'Lost answer')
    expect(await copies(app, baseline, 'Lost answer')).toEqual([id])
    expect(t.trips).toEqual(['im.message.add', 'im.dialog.messages.get'])
  })

  it('after an unknown outcome, finds what the first attempt posted and posts nothing', async () => {
    const app = await card.open({ taskId: 1 }, { rateLimit: false, firstIdOrder: 'scrambled' })
    const baseline = await app.post('before')
    const first = await app.post('Sent once')
    for (let i = 0; i < 5; i++) await app.post(`after ${i}`)
    // The same words again later, on purpose: the oldest match is the first attempt's.
    await app.post('Sent once')
    const t = await connect()
    expect(await sending(t, app.portal.getTask(1)!.chatId!, baseline, 'Sent once', true)).toBe(first)
    expect(t.trips).toEqual(['im.dialog.messages.get'])
  })

  it('answered 500 without posting: looks, finds nothing, and says it failed; nothing posted', async () => {
    const app = await card.open({ taskId: 1 })
    const baseline = await app.post('before')
    app.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error: 'SENDING_FAILED', times: 1 }] })
    const t = await connect()
    await expect(sending(t, app.portal.getTask(1)!.chatId!, baseline, 'Not there')).rejects.toMatchObject({ code: 'SENDING_FAILED' })
    expect(await copies(app, baseline, 'Not there')).toEqual([])
    expect(t.trips).toEqual(['im.message.add', 'im.dialog.messages.get'])
  })

  it('refused (nothing can have landed): no look', async () => {
    const app = await card.open({ taskId: 1 })
    const baseline = await app.post('before')
    const t = await connect()
    await expect(sending(t, app.portal.getTask(1)!.chatId!, baseline, '')).rejects.toMatchObject({ kind: 'invalid' })
    expect(t.trips).toEqual(['im.message.add'])
  })
})
