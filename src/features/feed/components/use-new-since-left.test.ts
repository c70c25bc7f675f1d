import { describe, expect, it } from 'vitest'
import type { FeedRow } from '../api/build-rows'
import { countArrivals, countBelow, newestArrivedId } from './use-new-since-left'
import { aMessage } from '../../../chat/test-message'

const row = (id: number, pending = false): FeedRow => {
  const message = aMessage(id, { authorId: 5, date: new Date('2026-11-01T08:00:00Z') })
  return {
    key: pending ? `c-${id}` : `m-${id}`,
    message,
    continued: false,
    nextDay: null,
    ...(pending && { pending: { clientId: `c${id}`, status: 'failed', errorKind: 'network' } }),
  }
}

describe('the "new messages" count', () => {
  // A failed send (id -1, appended last) once made every older page count as new.
  const withOutbox = [row(10), row(11), row(12), row(-1, true)]

  it('takes the newest id from the portal’s messages, not the outbox’s rows after them', () => {
    expect(newestArrivedId(withOutbox)).toBe(12)
    expect(newestArrivedId([row(-1, true)])).toBe(0)
  })

  it('counts neither older pages loaded above nor the outbox, only messages newer than where the reader left', () => {
    const olderLoaded = [row(1), row(2), row(3), ...withOutbox]
    expect(countArrivals(olderLoaded, 12)).toBe(0)
    expect(countArrivals([...olderLoaded, row(13), row(14)], 12)).toBe(2)
    expect(countArrivals(olderLoaded, null)).toBe(0)
  })

  it('with unread messages below: counts the others’ unread ones not yet seen, and each arrival once', () => {
    const rows = [row(10), row(11), row(12), row(13), row(-1, true)]
    const viewerId = 1
    // Opened at the first unread (11), the reader has seen up to 11: 12 and 13 are below.
    expect(countBelow(rows, { leftAtId: 13, unreadFromId: 11, seenUpToId: 11, viewerId })).toBe(2)
    // Two arrive while they are away: counted once each, not again as unread.
    expect(countBelow([...rows, row(14), row(15)], { leftAtId: 13, unreadFromId: 11, seenUpToId: 11, viewerId })).toBe(4)
    // Their own messages are not unread to them; nothing unread, nothing arrived: no count.
    expect(countBelow(rows, { leftAtId: 13, unreadFromId: 11, seenUpToId: 11, viewerId: 5 })).toBe(0)
    expect(countBelow(rows, { leftAtId: null, unreadFromId: null, seenUpToId: 0, viewerId })).toBe(0)
  })
})
