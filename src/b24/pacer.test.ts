import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPacer, type PacerChannel } from './pacer'

/** BroadcastChannels of one name, as a browser's tabs see them: each message reaches every other member, never the sender. */
function fakeChannels() {
  const members: EventTarget[] = []
  return (): PacerChannel => {
    const self = new EventTarget()
    members.push(self)
    return Object.assign(self, {
      postMessage: (data: unknown) =>
        members.filter((m) => m !== self).forEach((m) => queueMicrotask(() => m.dispatchEvent(new MessageEvent('message', { data })))),
    })
  }
}

/** Runs `count` paced calls from one tab, one after another as a reader's pages come (each waits for the one before), noting when each starts. */
async function fling(paced: ReturnType<typeof createPacer>, count: number, started: number[], t0: number) {
  for (let i = 0; i < count; i++) await paced(async () => started.push(Date.now() - t0))
}

describe('createPacer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs the first call at once and spaces the next ones by the gap, in order', async () => {
    const paced = createPacer({ gapMs: 600 })
    const started: number[] = []
    const t0 = Date.now()
    const calls = [1, 2, 3].map((n) => paced(async () => started.push(Date.now() - t0) && n))
    await vi.advanceTimersByTimeAsync(1_300)
    expect(await Promise.all(calls)).toEqual([1, 2, 3])
    expect(started).toEqual([0, 600, 1200])
  })

  it('does not delay a call that comes after a quiet spell', async () => {
    const paced = createPacer({ gapMs: 600 })
    await paced(async () => 0)
    await vi.advanceTimersByTimeAsync(2_000)
    const t0 = Date.now()
    let at = -1
    await paced(async () => (at = Date.now() - t0))
    expect(at).toBe(0)
  })

  it('lets a burst go at once, then one call a gap, and has the burst back after a quiet spell as long', async () => {
    const paced = createPacer({ gapMs: 500, burst: 3 })
    const started: number[] = []
    const t0 = Date.now()
    const calls = Array.from({ length: 5 }, () => paced(async () => started.push(Date.now() - t0)))
    await vi.advanceTimersByTimeAsync(1_000)
    await Promise.all(calls)
    expect(started).toEqual([0, 0, 0, 500, 1000])
    await vi.advanceTimersByTimeAsync(2_500)
    const again = Array.from({ length: 4 }, () => paced(async () => started.push(Date.now() - t0)))
    await vi.advanceTimersByTimeAsync(500)
    await Promise.all(again)
    expect(started.slice(5)).toEqual([3500, 3500, 3500, 4000])
  })
})

describe('one pace for all tabs of a browser', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('spaces two tabs flinging at once as one: after the shared burst, one call a gap between them', async () => {
    const channel = fakeChannels()
    const [tabA, tabB] = [createPacer({ gapMs: 500, burst: 4, channel: channel() }), createPacer({ gapMs: 500, burst: 4, channel: channel() })]
    const a: number[] = []
    const b: number[] = []
    const t0 = Date.now()
    const flingA = fling(tabA, 6, a, t0)
    // The other tab starts a moment later, as two tabs never act in the very same instant.
    await vi.advanceTimersByTimeAsync(1)
    const flingB = fling(tabB, 6, b, t0)
    await vi.advanceTimersByTimeAsync(5_000)
    await Promise.all([flingA, flingB])
    const all = [...a, ...b].sort((x, y) => x - y)
    // 12 calls: 4 at once, then the other 8 at 500 ms apart, whichever tab made them.
    expect(all).toEqual([0, 0, 0, 0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000])
    expect(a.length + b.length).toBe(12)
  })

  it('paced alone, each tab would have taken a burst of its own', async () => {
    const [tabA, tabB] = [createPacer({ gapMs: 500, burst: 4 }), createPacer({ gapMs: 500, burst: 4 })]
    const a: number[] = []
    const b: number[] = []
    const t0 = Date.now()
    const both = Promise.all([fling(tabA, 6, a, t0), fling(tabB, 6, b, t0)])
    await vi.advanceTimersByTimeAsync(5_000)
    await both
    expect([...a, ...b].filter((at) => at === 0)).toHaveLength(8)
  })

  it('counts a slot two tabs took in the same instant twice, so the pace over time holds', async () => {
    const channel = fakeChannels()
    const [tabA, tabB] = [createPacer({ gapMs: 500, channel: channel() }), createPacer({ gapMs: 500, channel: channel() })]
    const started: number[] = []
    const t0 = Date.now()
    const note = async () => started.push(Date.now() - t0)
    const first = [tabA(note), tabB(note)]
    await vi.advanceTimersByTimeAsync(0)
    const next = tabA(note)
    await vi.advanceTimersByTimeAsync(2_000)
    await Promise.all([...first, next])
    expect(started).toEqual([0, 0, 1000])
  })

  it('a tab opened while another is flinging learns where the pace stands and does not burst', async () => {
    const channel = fakeChannels()
    const tabA = createPacer({ gapMs: 500, burst: 4, channel: channel() })
    const a: number[] = []
    const t0 = Date.now()
    const calls = Array.from({ length: 8 }, () => tabA(async () => a.push(Date.now() - t0)))
    await vi.advanceTimersByTimeAsync(0)
    // Tab A's last slot is at 2,000 ms; the new tab asks where the pace stands as it starts.
    const tabB = createPacer({ gapMs: 500, burst: 4, channel: channel() })
    await vi.advanceTimersByTimeAsync(100)
    let b = -1
    const late = tabB(async () => (b = Date.now() - t0))
    await vi.advanceTimersByTimeAsync(3_000)
    await Promise.all([...calls, late])
    expect(a).toEqual([0, 0, 0, 0, 500, 1000, 1500, 2000])
    expect(b).toBe(2500)
  })

  it('ignores what is not a note of its own on the channel, and a pace a day ahead', async () => {
    const channel = fakeChannels()
    const other = channel()
    const paced = createPacer({ gapMs: 500, channel: channel() })
    other.postMessage({ type: 'took', start: 'soon' })
    other.postMessage(null)
    other.postMessage({ type: 'state', tat: Date.now() + 24 * 3600_000 })
    await vi.advanceTimersByTimeAsync(0)
    let at = -1
    const t0 = Date.now()
    await paced(async () => (at = Date.now() - t0))
    expect(at).toBe(0)
  })
})
