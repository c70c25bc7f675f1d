/** The clock and the call a ReadMark runs on (real timers in the app, fake ones in tests). */
interface ReadMarkDeps {
  /** Marks the chat read up to `id`; resolves with the portal's mark, or null when it will never take one (no access). */
  send(id: number): Promise<number | null>
  /** Whether the reader can see the card now: nothing is sent while it is hidden. */
  visible(): boolean
  now(): number
  setTimer(run: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
}

/** At most one im.dialog.read this often. */
const MARK_INTERVAL_MS = 4_000
/** A refused or failed mark is tried again this much later, quietly: the mark is optional. */
const MARK_RETRY_MS = 20_000

/**
 * Unread messages: the viewer's read mark in one chat, moved as they see messages. Throttled
 * with a trailing call: the first newer message seen is sent at once, what is seen after it waits
 * until the interval has passed, and then only the newest goes. The mark only ever moves forwards
 * (a call never names a message older than one already sent), nothing is sent while the card is
 * hidden (the pending call goes when it is shown again), and a failure is retried later, never
 * reported: the feed does not depend on it.
 */
export class ReadMark {
  private confirmed: number
  private wanted: number
  private inFlight: number | null = null
  private lastSentAt = -Infinity
  private timer: unknown = null
  private stopped = false

  constructor(
    lastReadId: number,
    private readonly deps: ReadMarkDeps,
    private readonly intervalMs = MARK_INTERVAL_MS,
    private readonly retryMs = MARK_RETRY_MS,
  ) {
    this.confirmed = lastReadId
    this.wanted = lastReadId
  }

  /** The reader has seen the chat up to `id`. */
  seen(id: number): void {
    if (this.stopped || id <= this.wanted) return
    this.wanted = id
    this.schedule()
  }

  /** The card was shown again: what waited while it was hidden goes now (or when the interval allows). */
  resume(): void {
    if (!this.stopped) this.schedule()
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== null) this.deps.clearTimer(this.timer)
    this.timer = null
  }

  private schedule(delay = this.lastSentAt + this.intervalMs - this.deps.now()): void {
    if (this.inFlight !== null || this.timer !== null || this.wanted <= this.confirmed) return
    if (delay > 0) {
      this.timer = this.deps.setTimer(() => {
        this.timer = null
        this.schedule(0)
      }, delay)
      return
    }
    if (!this.deps.visible()) return // resume() picks it up
    this.flush()
  }

  private flush(): void {
    const id = this.wanted
    this.inFlight = id
    this.lastSentAt = this.deps.now()
    this.deps.send(id).then(
      (mark) => {
        if (this.stopped) return
        this.inFlight = null
        // null: the portal will never take a mark here; stop asking.
        this.confirmed = mark === null ? Infinity : Math.max(this.confirmed, mark)
        this.schedule()
      },
      () => {
        if (this.stopped) return
        this.inFlight = null
        this.schedule(this.retryMs)
      },
    )
  }
}
