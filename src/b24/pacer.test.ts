import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPacer } from './pacer'

describe('createPacer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs the first call at once and spaces the next ones by the gap, in order', async () => {
    const paced = createPacer(600)
    const started: number[] = []
    const t0 = Date.now()
    const calls = [1, 2, 3].map((n) => paced(async () => started.push(Date.now() - t0) && n))
    await vi.advanceTimersByTimeAsync(1_300)
    expect(await Promise.all(calls)).toEqual([1, 2, 3])
    expect(started).toEqual([0, 600, 1200])
  })

  it('does not delay a call that comes after a quiet spell', async () => {
    const paced = createPacer(600)
    await paced(async () => 0)
    await vi.advanceTimersByTimeAsync(2_000)
    const t0 = Date.now()
    let at = -1
    await paced(async () => (at = Date.now() - t0))
    expect(at).toBe(0)
  })
})
