import { describe, expect, it } from 'vitest'
import type { Message } from '../types'
import { buildRows, mergeMessages } from './build-rows'

const msg = (id: number, authorId: number, iso: string, extra: Partial<Message> = {}): Message => ({
  id, chatId: 1, authorId, isSystem: authorId === 0, date: new Date(iso), text: `m${id}`,
  isEdited: false, isDeleted: false, fileIds: [], replyToId: null, ...extra,
})

const day1 = [
  msg(1, 0, '2026-11-01T08:00:00Z'),
  msg(2, 5, '2026-11-01T08:01:00Z'),
  msg(3, 5, '2026-11-01T08:03:00Z'),
  msg(4, 5, '2026-11-01T08:30:00Z'),
  msg(5, 2, '2026-11-01T08:31:00Z'),
]

describe('buildRows', () => {
  it('puts a day separator before each new day and groups one author’s quick messages', () => {
    const rows = buildRows([...day1, msg(6, 2, '2026-11-02T09:00:00Z')], true, 'UTC')
    expect(rows.map((r) => (r.kind === 'day' ? 'day' : `${r.message.id}${r.continued ? '+' : ''}`))).toEqual(
      ['day', '1', '2', '3+', '4', '5', 'day', '6'],
    )
  })

  it('takes system messages out of the rows when they are hidden, keeping groups honest', () => {
    const rows = buildRows([msg(1, 5, '2026-11-01T08:00:00Z'), msg(2, 0, '2026-11-01T08:01:00Z'), msg(3, 5, '2026-11-01T08:02:00Z')], false, 'UTC')
    expect(rows.map((r) => r.key)).toEqual(['day-2026-11-01', 'm-1', 'm-3'])
    expect(rows[2]).toMatchObject({ continued: true })
  })

  it('counts days in the reader’s time zone', () => {
    const late = [msg(1, 5, '2026-11-01T20:30:00Z'), msg(2, 5, '2026-11-01T21:30:00Z')]
    expect(buildRows(late, true, 'UTC').filter((r) => r.kind === 'day')).toHaveLength(1)
    expect(buildRows(late, true, 'Europe/Moscow').filter((r) => r.kind === 'day')).toHaveLength(2)
  })

  it('shows only a day row and nothing else when every message is hidden', () => {
    expect(buildRows([msg(1, 0, '2026-11-01T08:00:00Z')], false, 'UTC')).toEqual([])
  })
})

describe('mergeMessages', () => {
  it('merges pages and live messages by id, oldest first, the later copy winning', () => {
    const edited = msg(3, 5, '2026-11-01T08:03:00Z', { text: 'edited', isEdited: true })
    const merged = mergeMessages(day1.slice(2), day1.slice(0, 3), [edited, msg(9, 2, '2026-11-01T09:00:00Z')])
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 9])
    expect(merged[2]!.text).toBe('edited')
  })
})
