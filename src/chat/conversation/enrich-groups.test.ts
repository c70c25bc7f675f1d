import { describe, expect, it } from 'vitest'
import { aMessage } from '../test-message'
import { enrichGroups } from './enrich'
import type { Run } from './runs'

const run = (ids: number[]): Run => ({
  from: ids[0]!,
  to: ids.at(-1)!,
  messages: ids.map((id) => aMessage(id)),
  startReached: false,
  limitedByPlan: false,
  live: false,
})
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i)

describe('enrichGroups: what one search (LAST_ID = newest + 1, LIMIT = size) reads exactly', () => {
  it('pending ids that are neighbours in a run form one group; a known message between splits them; newest group first', () => {
    const runs = [run(range(10, 5)), run(range(100, 10))]
    const pending = new Set([11, 12, 100, 101, 102, 105, 106])
    expect(enrichGroups(runs, pending)).toEqual([
      [105, 106],
      [100, 101, 102],
      [11, 12],
    ])
  })

  it('a group holds at most one search page (200)', () => {
    const ids = range(1000, 450)
    const groups = enrichGroups([run(ids)], new Set(ids))
    expect(groups.map((g) => g.length)).toEqual([50, 200, 200])
    expect(groups[0]![0]).toBe(1400)
  })
})
