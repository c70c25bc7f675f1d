import type { Read } from './reads'

/** Poll this often while messages are arriving (others' messages on screen within ~2 s)... */
export const FAST_MS = 2_000
/** ...and back off, doubling after each empty poll, to this when the chat is quiet. */
export const QUIET_MS = 30_000
/** The newest page is read again this often, so edits, deletions and likes at the live end show. */
export const REREAD_MS = 25_000

/** The delay before the next poll after `empty` polls in a row found nothing: 2, 2, 4, 8, 16, then 30 s. */
export function pollDelay(empty: number): number {
  return Math.min(QUIET_MS, FAST_MS * 2 ** Math.max(0, empty - 1))
}

export interface PollerDeps {
  /** Reads what is new ('newer'), or the whole newest page again ('newest', which also shows changes). */
  read(kind: 'newer' | 'newest'): Promise<Read>
  /** Writes a read (this tab's, or `shared` by the polling tab) into the cache; says whether it brought a message not seen before. */
  apply(read: Read, shared: boolean): boolean
  onStatus(error: unknown): void
  document: Document
  window: Window
  /** One channel per chat of one user: how the tabs showing it find each other and share reads. */
  channel: BroadcastChannel | undefined
  now(): number
}

/** Visible tabs say so this often, and count as gone when not heard from for PEER_TTL_MS. */
const HEARTBEAT_MS = 4_000
const PEER_TTL_MS = 10_000

type Note = { type: 'here'; id: string } | { type: 'bye'; id: string } | { type: 'read'; read: Read; whole: boolean } | { type: 'poll-now'; reread: boolean }

/**
 * The live end of one chat, for a whole browser: of the tabs that show the chat, the oldest one
 * polls and sends what it reads to the others over a BroadcastChannel; the others only listen, and
 * ask it to poll at once when they gain focus or their user sends. Hidden tabs say goodbye and drop
 * out, so nothing polls while no tab shows the chat. (Web Locks would elect the poller too, but a
 * Bitrix24 app runs in a third-party frame, where browsers that block third-party storage deny
 * them; a BroadcastChannel works there.)
 */
export class LivePoller {
  /** Older tabs sort first: the tab that polled first keeps polling when another opens. */
  private readonly id: string
  private readonly peers = new Map<string, number>()
  private empty = 0
  private lastReread: number
  private timer: ReturnType<typeof setTimeout> | undefined
  private heartbeat: ReturnType<typeof setInterval> | undefined
  private inFlight = false
  /** Asked to poll while a poll was on its way: poll again right after it. */
  private again = false
  private stopped = false
  private rereadNext = false

  constructor(private readonly deps: PollerDeps) {
    this.lastReread = deps.now()
    this.id = `${deps.now().toString(36).padStart(9, '0')}-${Math.random().toString(36).slice(2, 10)}`
  }

  start(): void {
    const { document, window, channel } = this.deps
    document.addEventListener('visibilitychange', this.onVisibility)
    window.addEventListener('focus', this.onFocus)
    window.addEventListener('pagehide', this.onPageHide)
    channel?.addEventListener('message', this.onNote)
    this.heartbeat = setInterval(() => this.visible() && this.post({ type: 'here', id: this.id }), HEARTBEAT_MS)
    if (this.visible()) this.post({ type: 'here', id: this.id })
    // The opening has just read the newest page: the first poll waits one fast interval.
    this.schedule(FAST_MS)
  }

  stop(): void {
    this.stopped = true
    const { document, window, channel } = this.deps
    document.removeEventListener('visibilitychange', this.onVisibility)
    window.removeEventListener('focus', this.onFocus)
    window.removeEventListener('pagehide', this.onPageHide)
    channel?.removeEventListener('message', this.onNote)
    clearInterval(this.heartbeat)
    clearTimeout(this.timer)
    this.post({ type: 'bye', id: this.id })
  }

  /**
   * Poll at once and fast again: the user's own send. On focus and on becoming visible the newest
   * page is read whole (`reread`): the reader is back, and may have missed edits as well as messages.
   */
  readonly pollNow = (reread = false): void => {
    if (this.stopped || !this.visible()) return
    // A send means a conversation is going: fast again. Focus only reads once; the quiet ladder stays.
    if (reread) this.rereadNext = true
    else this.empty = 0
    if (this.leads()) this.schedule(0)
    else this.post({ type: 'poll-now', reread })
  }

  /** The page is going away (closed, navigated): the other tabs take over now, not after the peer timeout. */
  private readonly onPageHide = (): void => this.post({ type: 'bye', id: this.id })

  /** Focus right after the newest page was read whole (the frame is focused as the card opens) has nothing new to show. */
  private readonly onFocus = (): void => {
    if (this.deps.now() - this.lastReread >= FAST_MS) this.pollNow(true)
  }

  private visible(): boolean {
    return this.deps.document.visibilityState !== 'hidden'
  }

  /** Whether this tab polls: it is visible and no older visible tab has been heard from lately. */
  private leads(): boolean {
    if (!this.visible()) return false
    const now = this.deps.now()
    for (const [id, at] of this.peers) if (id < this.id && now - at < PEER_TTL_MS) return false
    return true
  }

  private post(note: Note): void {
    this.deps.channel?.postMessage(note)
  }

  private readonly onVisibility = (): void => {
    if (!this.visible()) {
      clearTimeout(this.timer)
      this.post({ type: 'bye', id: this.id })
      return
    }
    this.post({ type: 'here', id: this.id })
    this.pollNow(true)
  }

  private readonly onNote = (event: MessageEvent<Note>): void => {
    const note = event.data
    if (note.type === 'here') {
      // A tab just opened or came back: answer at once, so it knows who polls before its first poll.
      const known = this.peers.has(note.id)
      this.peers.set(note.id, this.deps.now())
      if (!known && this.visible()) this.post({ type: 'here', id: this.id })
    } else if (note.type === 'bye') {
      const led = this.leads()
      this.peers.delete(note.id)
      if (!led && this.leads()) this.schedule(0) // the tab that polled has gone: take over at once
    } else if (note.type === 'read') {
      // The polling tab read the newest page whole: this tab has seen it too.
      if (note.whole) this.lastReread = this.deps.now()
      if (this.deps.apply(note.read, true)) this.empty = 0
    } else if (this.leads()) this.pollNow(note.reread)
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    if (!this.stopped && this.visible()) this.timer = setTimeout(() => void this.tick(), ms)
  }

  private async tick(): Promise<void> {
    // Another tab polls: look again later, in case it goes without saying goodbye.
    if (!this.leads()) return this.schedule(Math.min(pollDelay(this.empty), HEARTBEAT_MS))
    if (this.inFlight) {
      this.again = true
      return
    }
    this.inFlight = true
    const kind = this.rereadNext || this.deps.now() - this.lastReread >= REREAD_MS ? 'newest' : 'newer'
    this.rereadNext = false
    try {
      const read = await this.deps.read(kind)
      if (this.stopped) return // the chat closed while the read was on its way: its cache and channel are gone
      if (kind === 'newest') this.lastReread = this.deps.now()
      this.empty = this.deps.apply(read, false) ? 0 : this.empty + 1
      this.post({ type: 'read', read, whole: kind === 'newest' })
      this.deps.onStatus(null)
    } catch (error) {
      this.empty++
      this.deps.onStatus(error)
    } finally {
      this.inFlight = false
    }
    this.schedule(this.again ? 0 : pollDelay(this.empty))
    this.again = false
  }
}
