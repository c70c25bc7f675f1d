import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aMessage } from '../../../chat/test-message'
import type { Message } from '../../../chat/types'
import { estimateRowHeight } from '../components/row-heights'
import { DIVIDER_HEIGHT_PX } from '../components/new-messages-divider'
import { buildRows, type FeedRow } from './build-rows'
import { withOutbox, type OutgoingMessage } from './outbox-rows'
import { useFeedRows } from './use-feed-rows'

// The one row model: the chat's messages and the user's own on their way are grouped and parted by
// day alike, and the list and the first frame guess the same heights for them.

const msg = (id: number, authorId: number, iso: string, extra: Partial<Message> = {}): Message => aMessage(id, { authorId, date: new Date(iso), ...extra })
const outgoing = (clientId: string, iso: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  clientId,
  text: `typed ${clientId}`,
  replyToId: null,
  createdAt: new Date(iso).getTime(),
  status: 'sending',
  serverId: null,
  error: null,
  ...extra,
})
const viewer = () => 5
/** id (negative while on its way), + continuing the author's block, | a day separator under it. */
const shape = (rows: FeedRow[]) => rows.map((r) => `${r.pending ? r.key : r.message.id}${r.continued ? '+' : ''}${r.nextDay ? '|' : ''}`)

const feed = buildRows([msg(1, 2, '2026-11-01T23:50:00Z'), msg(2, 5, '2026-11-01T23:55:00Z')], true, 'UTC').rows

describe('withOutbox', () => {
  it('groups a message on its way with the author’s last one, as the feed groups its own', () => {
    const rows = withOutbox(feed, [outgoing('a', '2026-11-01T23:57:00Z'), outgoing('b', '2026-11-01T23:58:00Z')], new Map(), viewer, 'UTC')
    expect(shape(rows)).toEqual(['1', '2', 'c-a+', 'c-b+'])
    expect(rows[2]!.pending).toEqual({ clientId: 'a', status: 'sending', errorKind: null })
    expect(rows[2]!.message).toMatchObject({ authorId: 5, text: 'typed a', chatId: 1 })
  })

  it('parts messages on their way from the feed at midnight, with the separator under the last row of the day before', () => {
    const rows = withOutbox(feed, [outgoing('a', '2026-11-02T00:01:00Z'), outgoing('b', '2026-11-02T00:02:00Z')], new Map(), viewer, 'UTC')
    // Two minutes after the author's last message, but on another day: a new block under a separator.
    expect(shape(rows)).toEqual(['1', '2|', 'c-a', 'c-b+'])
    expect(rows[1]!.nextDay!.toISOString()).toBe('2026-11-02T00:01:00.000Z')
    // The feed's own rows are not changed in place: they are memoized and shared.
    expect(feed[1]!.nextDay).toBeNull()
  })

  it('parts two messages on their way from each other at midnight in the reader’s zone', () => {
    const items = [outgoing('a', '2026-11-01T20:58:00Z'), outgoing('b', '2026-11-01T21:01:00Z')]
    expect(shape(withOutbox([], items, new Map(), viewer, 'UTC'))).toEqual(['c-a', 'c-b+'])
    // 23:58 and 00:01 in Moscow.
    expect(shape(withOutbox([], items, new Map(), viewer, 'Europe/Moscow'))).toEqual(['c-a|', 'c-b'])
  })

  it('keeps the pending key on a sent message whose copy arrived, and shows it once', () => {
    const arrived = buildRows([...feed.map((r) => r.message), msg(9, 5, '2026-11-01T23:57:00Z')], true, 'UTC').rows
    const sent = outgoing('a', '2026-11-01T23:57:00Z', { status: 'sent', serverId: 9 })
    expect(withOutbox(arrived, [sent], new Map(), viewer, 'UTC').map((r) => r.key)).toEqual(['m-1', 'm-2', 'c-a'])
    // Settled and gone from the outbox: the key is remembered.
    expect(withOutbox(arrived, [], new Map([[9, 'c-a']]), viewer, 'UTC').map((r) => r.key)).toEqual(['m-1', 'm-2', 'c-a'])
  })

  it('says why a message failed on its row', () => {
    const failed = outgoing('a', '2026-11-01T23:57:00Z', { status: 'failed', error: { kind: 'network' } })
    expect(withOutbox(feed, [failed], new Map(), viewer, 'UTC')[2]!.pending).toEqual({ clientId: 'a', status: 'failed', errorKind: 'network' })
  })

  it('is the feed’s rows themselves when nothing is on its way', () => {
    expect(withOutbox(feed, [], new Map(), viewer, 'UTC')).toBe(feed)
  })
})

describe('estimateRowHeight', () => {
  it('guesses a block’s first message taller than one continuing it, and adds the day separator and "New messages"', () => {
    const { rows } = buildRows([msg(1, 5, '2026-11-01T08:00:00Z'), msg(2, 5, '2026-11-01T08:01:00Z'), msg(3, 5, '2026-11-02T08:00:00Z')], true, 'UTC')
    const [first, next] = rows
    expect(estimateRowHeight(first!, undefined)).toBe(64)
    expect(estimateRowHeight(next!, undefined)).toBe(28 + 36)
    expect(estimateRowHeight(next!, next!.key)).toBe(28 + 36 + DIVIDER_HEIGHT_PX)
  })
})

describe('useFeedRows', () => {
  it('heads the list with the first row’s day, a message on its way in an empty chat included', () => {
    const items = [outgoing('a', '2026-11-02T12:00:00Z')]
    const { result } = renderHook(() => useFeedRows([], true, { items, arrivedKeys: new Map(), authorOf: viewer }))
    expect(result.current.firstDay!.toISOString()).toBe('2026-11-02T12:00:00.000Z')
    expect(result.current.rows.map((r) => r.key)).toEqual(['c-a'])
  })

  it('shows no messages on their way where there is no outbox (a run far back, the first frame)', () => {
    const messages = [msg(1, 2, '2026-11-01T08:00:00Z')]
    const { result } = renderHook(() => useFeedRows(messages, true, null))
    expect(result.current.rows.map((r) => r.key)).toEqual(['m-1'])
    expect(result.current.firstDay!.toISOString()).toBe('2026-11-01T08:00:00.000Z')
  })
})
