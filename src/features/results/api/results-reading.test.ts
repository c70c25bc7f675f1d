import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openTaskCard, type FramedApp } from '../../../../test/dom/frame-harness'
import type { PortalClient } from '../../../b24/portal-client'

// Reading results against the local portal: tasks.task.result.list pages (REST 3.0 answers no
// `next`), and the messages results were made from, through batch references resolved as
// Bitrix24 does (an unresolved one is the deepest value reached) and FIRST_ID reads in no set order.

let app: FramedApp | undefined
beforeEach(() => sessionStorage.clear())
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function connect() {
  vi.resetModules()
  const { connectToPortal } = await import('../../../b24/connect')
  const real = (await connectToPortal()).client
  const trips: string[] = []
  const client: PortalClient = {
    ...real,
    callV2: (method, params = {}) => {
      trips.push(method)
      return real.callV2(method, params)
    },
    callV3: (method, params = {}) => {
      trips.push(method)
      return real.callV3(method, params)
    },
    batchV2: (rows) => {
      trips.push('batch')
      return real.batchV2(rows)
    },
  }
  return { client, trips, results: await import('./results-api'), messages: await import('./result-messages') }
}

async function rest(card: FramedApp, path: string, userId: number, body: Record<string, unknown>): Promise<unknown> {
  const auth = card.portal.issueToken(userId).AUTH_ID
  const response = await fetch(`${card.origin}/rest/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, auth }),
  })
  return ((await response.json()) as { result: unknown }).result
}

const post = async (card: FramedApp, text: string) =>
  (await rest(card, 'im.message.add', 2, { DIALOG_ID: `chat${card.portal.getTask(1)!.chatId!}`, MESSAGE: text })) as number

describe('results', () => {
  it('are read to the end when the portal answers pages smaller than asked', async () => {
    app = await openTaskCard({ taskId: 1 }, { rateLimit: false, resultsPageMax: 2 })
    const t = await connect()
    const all = await t.results.listResults(t.client, 1)
    // The seed's six results of task 1 (four made from messages), three pages of two, and an empty one that ends the list.
    expect(all).toHaveLength(4)
    expect(new Set(all.map((r) => r.id)).size).toBe(4)
    expect(t.trips).toEqual(Array(4).fill('tasks.task.result.list'))
  })

  it('bring their messages, the newest of the chat among them, whatever order FIRST_ID reads come in', async () => {
    app = await openTaskCard({ taskId: 1 }, { rateLimit: false, firstIdOrder: 'scrambled' })
    const middle = await post(app, 'Made a result, then talked on')
    for (let i = 0; i < 3; i++) await post(app, `and on ${i}`)
    const newest = await post(app, 'The last word, made a result')
    const t = await connect()
    const found = await t.messages.getResultMessages(t.client, app.portal.getTask(1)!.chatId!, [middle, newest])
    expect(found.messages.get(middle)?.text).toBe('Made a result, then talked on')
    expect(found.messages.get(newest)?.text).toBe('The last word, made a result')
    expect(found.messages.get(newest)?.authorId).toBe(2)
    expect(found.authors.get(2)).toBeDefined()
    // One batch for both, and the newest page once for the one nothing is newer than.
    expect(t.trips).toEqual(['batch', 'im.dialog.messages.get'])
  })
})
