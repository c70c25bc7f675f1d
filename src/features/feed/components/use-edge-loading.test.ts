import type { VirtualItem } from '@tanstack/react-virtual'
import { renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { aMessage } from '../../../chat/test-message'
import type { FeedRow } from '../api/build-rows'
import { useEdgeLoading } from './use-edge-loading'

// What the list tells the screen as the reader moves, from which rows the virtualizer renders.
const rowsOf = (ids: number[]): FeedRow[] => ids.map((id) => ({ key: `m-${id}`, message: aMessage(id), continued: false, nextDay: null }))
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
/** The virtualizer rendering rows `first` to `last` (indexes). */
const rendering = (first: number, last: number): VirtualItem[] =>
  ids(first, last).map((index) => ({ index, key: index, start: index * 64, end: index * 64 + 64, size: 64, lane: 0 }))

function edges(initial: { rows: FeedRow[]; items: VirtualItem[]; settled?: boolean; live?: boolean }) {
  const onNearTop = vi.fn()
  const onNearBottom = vi.fn()
  const onVisibleRange = vi.fn()
  const hook = renderHook((p: typeof initial) => useEdgeLoading({ settled: true, live: true, ...p, onNearTop, onNearBottom, onVisibleRange }), {
    initialProps: initial,
  })
  return { hook, onNearTop, onNearBottom, onVisibleRange }
}

describe('the list’s edges', () => {
  it('asks for older messages near the oldest row, once the first positioning is done', () => {
    const rows = rowsOf(ids(100, 149))
    const t = edges({ rows, items: rendering(0, 9), settled: false })
    // Before the list is positioned it sits at its top: that is not the reader asking.
    expect(t.onNearTop).not.toHaveBeenCalled()
    t.hook.rerender({ rows, items: rendering(0, 9), settled: true })
    expect(t.onNearTop).toHaveBeenCalledTimes(1)
    t.hook.rerender({ rows, items: rendering(1, 10), settled: true })
    expect(t.onNearTop).toHaveBeenCalledTimes(1)
  })

  it('asks again while still near the top after a page that added rows (a page of hidden notices adds none on screen)', () => {
    const t = edges({ rows: rowsOf(ids(100, 149)), items: rendering(0, 9) })
    expect(t.onNearTop).toHaveBeenCalledTimes(1)
    t.hook.rerender({ rows: rowsOf(ids(90, 149)), items: rendering(1, 10) })
    expect(t.onNearTop).toHaveBeenCalledTimes(2)
  })

  it('does not ask away from the top', () => {
    const t = edges({ rows: rowsOf(ids(100, 149)), items: rendering(20, 30) })
    expect(t.onNearTop).not.toHaveBeenCalled()
    expect(t.onNearBottom).not.toHaveBeenCalled()
  })

  it('asks for newer messages near the newest row of a run that is not live, never on the live run', () => {
    const rows = rowsOf(ids(100, 149))
    const live = edges({ rows, items: rendering(40, 49), live: true })
    expect(live.onNearBottom).not.toHaveBeenCalled()
    const jumped = edges({ rows, items: rendering(38, 48), live: false })
    expect(jumped.onNearBottom).toHaveBeenCalledTimes(1)
    const above = edges({ rows, items: rendering(30, 46), live: false })
    expect(above.onNearBottom).not.toHaveBeenCalled()
  })

  it('says which messages are on screen, without the outbox’s pending rows, and nothing once the list is gone', () => {
    const rows = [...rowsOf(ids(100, 109)), { ...rowsOf([-1])[0]!, key: 'c-a' }]
    const t = edges({ rows, items: rendering(5, 9) })
    expect(t.onVisibleRange).toHaveBeenLastCalledWith({ first: 105, last: 109 })
    // Only a pending row at the bottom: the range ends at the last real message shown before, unchanged.
    t.hook.rerender({ rows, items: rendering(10, 10) })
    expect(t.onVisibleRange).toHaveBeenCalledTimes(1)
    t.hook.rerender({ rows, items: rendering(6, 10) })
    expect(t.onVisibleRange).toHaveBeenCalledTimes(1)
    t.hook.unmount()
    expect(t.onVisibleRange).toHaveBeenLastCalledWith(null)
  })
})
