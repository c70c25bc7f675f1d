import { describe, expect, it, vi } from 'vitest'
import { countingRoundTrips } from '../../../../test/dom/counting-client'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import type { FramedApp } from '../../../../test/dom/frame-harness'

// Reading results against the local portal: tasks.task.result.list pages (REST 3.0 answers no
// `next`), and the messages results were made from, through batch references resolved as
// Bitrix24 does (an unresolved one is the deepest value reached) and FIRST_ID reads in no set order.

const card = taskCardPerTest()

async function connect() {
  vi.resetModules()
  const { connectToPortal } = await import('../../../b24/connect')
  return { ...countingRoundTrips((await connectToPortal()).client), results: await import('./results-api'), messages: await import('./result-messages') }
}

/** User 2 posts to task 1's chat. */
const post = (card: FramedApp, text: string) => card.post(text, 2, `chat${card.portal.getTask(1)!.chatId!}`)

describe('results', () => {
  it('are read to the end when the portal answers pages smaller than asked', async () => {
    await card.open({ taskId: 1 }, { rateLimit: false, resultsPageMax: 2 })
    const t = await connect()
    const all = await t.results.listResults(t.client, 1)
    // The seed's six results of task 1 (four made from messages), three pages of two, and an empty one that ends the list.
    expect(all).toHaveLength(4)
    expect(new Set(all.map((r) => r.id)).size).toBe(4)
    expect(t.trips).toEqual(Array(4).fill('tasks.task.result.list'))
  })

  it('bring their messages, the newest of the chat among them, whatever order FIRST_ID reads come in', async () => {
    const app = await card.open({ taskId: 1 }, { rateLimit: false, firstIdOrder: 'scrambled' })
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
