import { describe, expect, it } from 'vitest'
import { aMessage } from '../../../chat/test-message'
import type { Message } from '../../../chat/types'
import { buildRows } from './build-rows'
import { withOutbox, type OutgoingMessage } from './outbox-rows'

/** The composer's outbox item, as the feed receives it (the feed does not import the composer). */
type OutboxItem = Omit<OutgoingMessage, 'error'> & {
  asBot: boolean
  baselineId: number
  outcomeUnknown: boolean
  error: { kind: string; code: string; message: string } | null
}

// The feed's rows with the viewer's own messages on their way: what the list shows, in order, and
// the keys that let a pending row turn into the real message in place.
const VIEWER = 1
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute))
const rowsOf = (...messages: Message[]) => buildRows(messages, true, 'UTC').rows

function anItem(clientId: string, extra: Partial<OutboxItem> = {}): OutboxItem {
  return {
    clientId,
    text: `text of ${clientId}`,
    replyToId: null,
    asBot: false,
    createdAt: at(10).getTime(),
    status: 'sending',
    serverId: null,
    baselineId: 0,
    error: null,
    outcomeUnknown: false,
    ...extra,
  }
}

const outbox = (rows: ReturnType<typeof rowsOf>, items: OutboxItem[], arrived: ReadonlyMap<number, string> = new Map()) =>
  withOutbox(rows, items, arrived, () => VIEWER)

describe('the feed with the outbox', () => {
  it('is the feed itself when nothing is on its way', () => {
    const rows = rowsOf(aMessage(10, { date: at(0) }))
    expect(outbox(rows, [])).toBe(rows)
  })

  it('appends what is on its way after the newest message, in the order typed, each keyed by its client id and marked pending', () => {
    const rows = rowsOf(aMessage(10, { date: at(0), chatId: 7 }))
    const shown = outbox(rows, [
      anItem('a', { replyToId: 10 }),
      anItem('b', { status: 'failed', error: { kind: 'network', code: 'NETWORK', message: 'offline' } }),
    ])
    expect(shown.map((r) => r.key)).toEqual([rows[0]!.key, 'c-a', 'c-b'])
    const [, a, b] = shown
    expect(a!.message).toMatchObject({ authorId: VIEWER, chatId: 7, text: 'text of a', replyToId: 10, date: at(10) })
    // Not on the portal: ids no real message has, so nothing reads them again or counts them as arrived.
    expect(a!.message.id).toBeLessThan(0)
    expect(b!.message.id).toBeLessThan(0)
    expect(a!.pending).toEqual({ clientId: 'a', status: 'sending', errorKind: null })
    expect(b!.pending).toEqual({ clientId: 'b', status: 'failed', errorKind: 'network' })
  })

  it('groups a pending message under the viewer’s own message of the same day, not under someone else’s, a notice or another day’s', () => {
    const mine = (minute: number) => aMessage(10, { authorId: VIEWER, date: at(minute) })
    const item = anItem('a', { createdAt: at(10).getTime() })
    expect(outbox(rowsOf(mine(8)), [item])[1]!.continued).toBe(true)
    expect(outbox(rowsOf(mine(-30)), [item])[1]!.continued).toBe(true)
    expect(outbox(rowsOf(mine(-24 * 60)), [item])[1]!.continued).toBe(false)
    expect(outbox(rowsOf(aMessage(10, { authorId: 2, date: at(9) })), [item])[1]!.continued).toBe(false)
    expect(outbox(rowsOf(aMessage(10, { authorId: 0, isSystem: true, date: at(9) })), [item])[1]!.continued).toBe(false)
    // The second of two quick sends continues the first.
    const two = outbox(rowsOf(aMessage(10, { authorId: 2, date: at(9) })), [item, anItem('b', { createdAt: at(11).getTime() })])
    expect(two.map((r) => r.continued)).toEqual([false, false, true])
  })

  it('shows a sent message once its real copy has arrived: the real row takes the pending row’s key, nothing is appended', () => {
    const rows = rowsOf(aMessage(10, { date: at(0) }), aMessage(11, { authorId: VIEWER, date: at(10), text: 'text of a' }))
    const shown = outbox(rows, [anItem('a', { status: 'sent', serverId: 11 })])
    expect(shown.map((r) => r.key)).toEqual([rows[0]!.key, 'c-a'])
    expect(shown[1]!.message.id).toBe(11)
    expect(shown[1]!.pending).toBeUndefined()
  })

  it('keeps that key after the message has left the outbox, so the row is not mounted again', () => {
    const rows = rowsOf(aMessage(11, { authorId: VIEWER, date: at(10) }))
    expect(outbox(rows, [], new Map([[11, 'c-a']])).map((r) => r.key)).toEqual(['c-a'])
  })

  it('still shows a message the portal confirmed but no read has brought yet, as pending', () => {
    const rows = rowsOf(aMessage(10, { date: at(0) }))
    const shown = outbox(rows, [anItem('a', { status: 'sent', serverId: 11 })])
    expect(shown.map((r) => r.key)).toEqual([rows[0]!.key, 'c-a'])
    expect(shown[1]!.pending?.status).toBe('sent')
  })

  it('on an empty chat (a task without one yet) the first message stands alone', () => {
    const [first] = outbox([], [anItem('a')])
    expect(first).toMatchObject({ key: 'c-a', continued: false, nextDay: null })
    expect(first!.message.chatId).toBe(0)
  })
})
