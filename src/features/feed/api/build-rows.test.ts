import { describe, expect, it } from 'vitest'
import type { Message } from '../../../chat/types'
import { buildRows } from './build-rows'
import { aMessage } from '../../../chat/test-message'

const msg = (id: number, authorId: number, iso: string, extra: Partial<Message> = {}): Message => aMessage(id, { authorId, date: new Date(iso), ...extra })

const day1 = [
  msg(1, 0, '2026-11-01T08:00:00Z'),
  msg(2, 5, '2026-11-01T08:01:00Z'),
  msg(3, 5, '2026-11-01T08:03:00Z'),
  msg(4, 5, '2026-11-01T08:30:00Z'),
  msg(5, 2, '2026-11-01T08:31:00Z'),
]

const shape = (rows: ReturnType<typeof buildRows>['rows']) => rows.map((r) => `${r.message.id}${r.continued ? '+' : ''}${r.nextDay ? '|' : ''}`)

describe('buildRows', () => {
  it('marks a day change under the last row of a day and groups one author’s run, minutes apart or not', () => {
    const { rows, firstDay } = buildRows([...day1, msg(6, 5, '2026-11-02T08:32:00Z')], true, 'UTC')
    expect(shape(rows)).toEqual(['1', '2', '3+', '4+', '5|', '6'])
    expect(rows[4]!.nextDay!.toISOString()).toBe('2026-11-02T08:32:00.000Z')
    expect(firstDay!.toISOString()).toBe('2026-11-01T08:00:00.000Z')
  })

  it('takes system messages out of the rows when they are hidden, keeping groups honest', () => {
    const { rows } = buildRows([msg(1, 5, '2026-11-01T08:00:00Z'), msg(2, 0, '2026-11-01T08:01:00Z'), msg(3, 5, '2026-11-01T08:02:00Z')], false, 'UTC')
    expect(shape(rows)).toEqual(['1', '3+'])
  })

  it('counts days in the reader’s time zone', () => {
    const late = [msg(1, 5, '2026-11-01T20:30:00Z'), msg(2, 5, '2026-11-01T21:30:00Z')]
    expect(shape(buildRows(late, true, 'UTC').rows)).toEqual(['1', '2+'])
    expect(shape(buildRows(late, true, 'Europe/Moscow').rows)).toEqual(['1|', '2'])
  })

  it('starts a new block at another author, a notice or a new day, not at a pause', () => {
    const run = [
      msg(1, 5, '2026-11-01T08:00:00Z'),
      msg(2, 5, '2026-11-01T08:07:00Z'),
      msg(3, 5, '2026-11-01T11:40:00Z'),
      msg(4, 2, '2026-11-01T11:41:00Z'),
      msg(5, 5, '2026-11-01T11:42:00Z'),
      msg(6, 0, '2026-11-01T11:43:00Z', { isSystem: true }),
      msg(7, 5, '2026-11-01T11:44:00Z'),
      msg(8, 5, '2026-11-02T08:00:00Z'),
    ]
    expect(shape(buildRows(run, true, 'UTC').rows)).toEqual(['1', '2+', '3+', '4', '5', '6', '7|', '8'])
  })

  it('has no rows and no first day when every message is hidden', () => {
    expect(buildRows([msg(1, 0, '2026-11-01T08:00:00Z')], false, 'UTC')).toEqual({ rows: [], firstDay: null })
  })

  it('changes no existing row when older messages of the same day are added above', () => {
    const before = buildRows(day1.slice(4), true, 'UTC').rows
    const after = buildRows(day1, true, 'UTC').rows
    expect(after.slice(4)).toEqual(before)
  })
})
