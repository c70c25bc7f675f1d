import { describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import { countingRoundTrips } from '../../../test/dom/counting-client'

// The opening batch the first frame is shown from, then adopted by the screen's query cache: one
// request to open the chat, however many read it, and a fresh one only when the cache asks again.
const card = taskCardPerTest()

async function connected() {
  vi.resetModules() // the SDK keeps one frame per page: each test is a new page
  const { connectToPortal } = await import('../../b24/connect')
  const { createQueryClient } = await import('../../platform/query-client')
  const { conversationQueries, conversationKey } = await import('./conversation-queries')
  const { openingOf } = await import('./opening')
  const { client, trips } = countingRoundTrips((await connectToPortal()).client)
  const queryClient = createQueryClient()
  return { client, trips, queryClient, openingOf, queries: conversationQueries(client), conversationKey }
}

describe('the opening batch', () => {
  it('is asked once, however often the first frame reads it, and the cache adopts it without asking again', async () => {
    await card.open({ taskId: 1 })
    const t = await connected()
    const first = t.openingOf(t.client, 1)
    expect(t.openingOf(t.client, 1)).toBe(first)
    const opened = await first
    expect(t.trips).toEqual(['batch'])

    await t.queryClient.prefetchQuery(t.queries.conversation(1))
    expect(t.queryClient.getQueryData(t.conversationKey(1))).toBe(opened)
    expect(t.trips).toEqual(['batch'])
  })

  it('is adopted once: when the cache asks again (Try again, a reopened chat) the portal is asked afresh', async () => {
    await card.open({ taskId: 1 })
    const t = await connected()
    await t.openingOf(t.client, 1)
    await t.queryClient.prefetchQuery(t.queries.conversation(1))
    await t.queryClient.refetchQueries({ queryKey: t.conversationKey(1) })
    expect(t.trips).toEqual(['batch', 'batch'])
  })

  it('a failed opening reaches the cache as failed, without asking the portal a second time', async () => {
    const app = await card.open({ taskId: 1 })
    app.portal.setConditions({ methodFaults: [{ method: 'batch', error: 'insufficient_scope' }] })
    const t = await connected()
    await expect(t.openingOf(t.client, 1)).rejects.toBeDefined()
    await t.queryClient.prefetchQuery({ ...t.queries.conversation(1), retry: false })
    expect(t.queryClient.getQueryState(t.conversationKey(1))?.status).toBe('error')
    // Adopted: the failure the first frame saw, not a second request.
    expect(t.trips).toEqual(['batch'])
  })
})
