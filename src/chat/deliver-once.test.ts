import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openTaskCard, type FramedApp } from '../../test/dom/frame-harness'
import type { PortalClient } from '../b24/portal-client'

// Sends and uploads never land twice: against the local portal, which can carry a write out and
// then answer it with a server error (a lost answer), and lists FIRST_ID reads in no set order.

let app: FramedApp | undefined
beforeEach(() => sessionStorage.clear())
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** Fresh modules and a client that counts round trips by method. */
async function connect() {
  vi.resetModules()
  const { connectToPortal } = await import('../b24/connect')
  const { deliverOnce, findLanded } = await import('./deliver-once')
  const real = (await connectToPortal()).client
  const trips: string[] = []
  const client: PortalClient = {
    ...real,
    callV2: (method, params = {}) => {
      trips.push(method)
      return real.callV2(method, params)
    },
    writeV2: (method, params) => {
      trips.push(method)
      return real.writeV2(method, params)
    },
  }
  return { client, trips, deliverOnce, findLanded }
}

/** User 1 (the card's viewer) posts to task 1's chat straight through REST: the newest id, as a baseline. */
async function post(card: FramedApp, text: string): Promise<number> {
  const auth = card.portal.issueToken(1).AUTH_ID
  const response = await fetch(`${card.origin}/rest/im.message.add`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ DIALOG_ID: `chat${card.portal.getTask(1)!.chatId!}`, MESSAGE: text, auth }),
  })
  return ((await response.json()) as { result: number }).result
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
async function copies(card: FramedApp, baseline: number, text: string): Promise<number[]> {
  const auth = card.portal.issueToken(1).AUTH_ID
  const response = await fetch(`${card.origin}/rest/im.dialog.messages.get`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ DIALOG_ID: `chat${card.portal.getTask(1)!.chatId!}`, FIRST_ID: baseline, LIMIT: 50, auth }),
  })
  const { messages } = ((await response.json()) as { result: { messages: { id: number; text: string }[] } }).result
  return messages.filter((m) => m.text === text).map((m) => m.id)
}

describe('deliverOnce', () => {
  it('answered 500 after the portal posted it: found at once, one copy in the chat, no second post', async () => {
    app = await openTaskCard({ taskId: 1 })
    const baseline = await post(app, 'before')
    app.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error: 'SENDING_FAILED', times: 1, carriedOut: true }] })
    const t = await connect()
    const chatId = app.portal.getTask(1)!.chatId!
    const id = await sending(t, chatId, baseline, 'Lost answer')
    expect(await copies(app, baseline, 'Lost answer')).toEqual([id])
    expect(t.trips).toEqual(['im.message.add', 'im.dialog.messages.get'])
  })

  it('after an unknown outcome, finds what the first attempt posted and posts nothing', async () => {
    app = await openTaskCard({ taskId: 1 }, { rateLimit: false, firstIdOrder: 'scrambled' })
    const baseline = await post(app, 'before')
    const first = await post(app, 'Sent once')
    for (let i = 0; i < 5; i++) await post(app, `after ${i}`)
    // The same words again later, on purpose: the oldest match is the first attempt's.
    await post(app, 'Sent once')
    const t = await connect()
    expect(await sending(t, app.portal.getTask(1)!.chatId!, baseline, 'Sent once', true)).toBe(first)
    expect(t.trips).toEqual(['im.dialog.messages.get'])
  })

  it('answered 500 without posting: looks, finds nothing, and says it failed; nothing posted', async () => {
    app = await openTaskCard({ taskId: 1 })
    const baseline = await post(app, 'before')
    app.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error: 'SENDING_FAILED', times: 1 }] })
    const t = await connect()
    await expect(sending(t, app.portal.getTask(1)!.chatId!, baseline, 'Not there')).rejects.toMatchObject({ code: 'SENDING_FAILED' })
    expect(await copies(app, baseline, 'Not there')).toEqual([])
    expect(t.trips).toEqual(['im.message.add', 'im.dialog.messages.get'])
  })

  it('refused (nothing can have landed): no look', async () => {
    app = await openTaskCard({ taskId: 1 })
    const baseline = await post(app, 'before')
    const t = await connect()
    await expect(sending(t, app.portal.getTask(1)!.chatId!, baseline, '')).rejects.toMatchObject({ kind: 'invalid' })
    expect(t.trips).toEqual(['im.message.add'])
  })
})
