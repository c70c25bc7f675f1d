import { describe, expect, it } from 'vitest'
import { ReadMark } from './read-mark'

/** A ReadMark on a fake clock: `advance` fires due timers in order; `answer` settles the oldest call. */
function harness(lastReadId = 10) {
  let now = 0
  let visible = true
  const timers: { at: number; run: () => void; id: number }[] = []
  let nextTimer = 1
  const calls: { id: number; settle: (mark: number | null | Error) => void }[] = []
  const mark = new ReadMark(
    lastReadId,
    {
      send: (id) => new Promise((resolve, reject) => calls.push({ id, settle: (m) => (m instanceof Error ? reject(m) : resolve(m)) })),
      visible: () => visible,
      now: () => now,
      setTimer: (run, ms) => {
        const id = nextTimer++
        timers.push({ at: now + ms, run, id })
        return id
      },
      clearTimer: (id) => {
        const index = timers.findIndex((t) => t.id === id)
        if (index >= 0) timers.splice(index, 1)
      },
    },
    4_000,
    20_000,
  )
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
  return {
    mark,
    calls,
    sent: () => calls.map((c) => c.id),
    hide: () => (visible = false),
    show: () => (visible = true),
    async advance(ms: number) {
      const until = now + ms
      for (;;) {
        timers.sort((a, b) => a.at - b.at)
        const due = timers[0]
        if (!due || due.at > until) break
        timers.shift()
        now = due.at
        due.run()
        await flush()
      }
      now = until
    },
    async answer(index: number, value: number | null | Error) {
      calls[index]!.settle(value)
      await flush()
    },
  }
}

describe('ReadMark (im.dialog.read throttled)', () => {
  it('sends the first message seen at once, then only the newest seen once the interval has passed', async () => {
    const h = harness()
    h.mark.seen(11)
    expect(h.sent()).toEqual([11])
    await h.answer(0, 11)
    for (const id of [12, 13, 14, 15]) h.mark.seen(id)
    expect(h.sent()).toEqual([11])
    await h.advance(3_999)
    expect(h.sent()).toEqual([11])
    await h.advance(1)
    expect(h.sent()).toEqual([11, 15])
  })

  it('never moves the mark backwards, nor sends what the portal already has', async () => {
    const h = harness(10)
    h.mark.seen(9)
    h.mark.seen(10)
    expect(h.sent()).toEqual([])
    h.mark.seen(20)
    await h.answer(0, 20)
    h.mark.seen(18)
    await h.advance(10_000)
    expect(h.sent()).toEqual([20])
  })

  it('waits for a call under way: what is seen meanwhile goes after it, not beside it', async () => {
    const h = harness()
    h.mark.seen(11)
    h.mark.seen(12)
    await h.advance(5_000)
    expect(h.sent()).toEqual([11])
    await h.answer(0, 11)
    expect(h.sent()).toEqual([11, 12])
  })

  it('sends nothing while hidden; what was pending goes once shown again', async () => {
    const h = harness()
    h.hide()
    h.mark.seen(11)
    await h.advance(10_000)
    expect(h.sent()).toEqual([])
    h.show()
    h.mark.resume()
    expect(h.sent()).toEqual([11])
  })

  it('retries a failure quietly later, with the newest seen by then', async () => {
    const h = harness()
    h.mark.seen(11)
    await h.answer(0, new Error('QUERY_LIMIT_EXCEEDED'))
    h.mark.seen(12)
    await h.advance(19_999)
    expect(h.sent()).toEqual([11])
    await h.advance(1)
    expect(h.sent()).toEqual([11, 12])
  })

  it('stops asking where the portal will never take a mark (no access), and after stop()', async () => {
    const h = harness()
    h.mark.seen(11)
    await h.answer(0, null)
    h.mark.seen(50)
    await h.advance(60_000)
    expect(h.sent()).toEqual([11])
    const other = harness()
    other.mark.seen(11)
    other.mark.stop()
    other.mark.seen(12)
    await other.answer(0, 11)
    await other.advance(60_000)
    expect(other.sent()).toEqual([11])
  })
})
