import { describe, expect, it } from 'vitest'
import type { BatchRow } from '../../b24/portal-client'
import { PortalError } from '../../b24/portal-error'
import { toMessage } from '../map-history'
import { aMessage } from '../test-message'
import { toUnread } from './opening-unread'
import { mapOlderPage } from './reads'

const VIEWER = 1
/** The newest page as the opening read it: ids 100..109, those from `firstUnread` on unread for the viewer. */
function newestPage(firstUnread: number | null) {
  const messages = Array.from({ length: 10 }, (_, i) => aMessage(100 + i, { unread: firstUnread !== null && 100 + i >= firstUnread }))
  return mapOlderPage({ chatId: 1, messages, authors: [], files: [] }, undefined)
}
const wire = (id: number, unread: boolean, authorId = 2) => ({ id, chat_id: 1, author_id: authorId, date: '2026-03-04T09:43:26+03:00', text: `m${id}`, unread })
const ok = (data: unknown): BatchRow => ({ ok: true, data })

describe('the unread flag at the edge', () => {
  it('maps im.dialog.messages.get `unread`, and reads a missing one as read', () => {
    expect(toMessage(wire(5, true)).unread).toBe(true)
    expect(toMessage({ id: 5, date: '2026-03-04T09:43:26+03:00' }).unread).toBe(false)
  })
})

describe('toUnread: where the viewer stopped reading, from the opening batch', () => {
  it('nothing unread: no divider, the mark is the last read message', () => {
    const { state, read } = toUnread({ dialog: ok({ last_id: 109, counter: 0 }), unread: ok({ messages: [] }) }, newestPage(null), 1, VIEWER)
    expect(state).toEqual({ firstUnreadId: null, lastReadId: 109, inLiveRun: true })
    expect(read).toBeUndefined()
  })

  it('the first unread in the newest page: the card opens on the live run', () => {
    const rows = { dialog: ok({ last_id: 105, counter: 4 }), unread: ok({ messages: [106, 107, 108, 109].map((id) => wire(id, true)) }) }
    expect(toUnread(rows, newestPage(106), 1, VIEWER).state).toEqual({ firstUnreadId: 106, lastReadId: 105, inLiveRun: true })
  })

  it('more unread than the newest page: the unread read from the last read message on places the divider, in its own run', () => {
    // Oldest first, as FIRST_ID answers; the viewer's own message among them is not unread.
    const messages = [wire(41, false, VIEWER), wire(42, true), ...Array.from({ length: 48 }, (_, i) => wire(43 + i, true))]
    const { state, read } = toUnread({ dialog: ok({ last_id: '40', counter: 300 }), unread: ok({ messages }) }, newestPage(100), 1, VIEWER)
    expect(state).toEqual({ firstUnreadId: 42, lastReadId: 40, inLiveRun: false })
    expect(read?.run).toMatchObject({ from: 41, to: 90, live: false })
  })

  it('without the read state rows (refused or failed), the newest page flags place the divider', () => {
    const failed: BatchRow = { ok: false, error: new PortalError('unknown', 'INTERNAL_SERVER_ERROR', 'Internal error') }
    expect(toUnread({ dialog: failed, unread: failed }, newestPage(103), 1, VIEWER).state).toEqual({ firstUnreadId: 103, lastReadId: 102, inLiveRun: true })
    expect(toUnread({}, newestPage(null), 1, VIEWER).state).toEqual({ firstUnreadId: null, lastReadId: 109, inLiveRun: true })
  })
})
