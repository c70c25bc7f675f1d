import type { Read } from './reads'
import { FAST_MS, pollDelay, toShared, type ChatWatch, type Note, type PollerDeps, type SharedFailure } from './live-protocol'

/** Visible tabs say so (and which chats they show) this often, and count as gone when not heard from for PEER_TTL_MS. */
const HEARTBEAT_MS = 4_000
const PEER_TTL_MS = 10_000

const newestOf = (read: Read) => read.run.messages.at(-1)?.id ?? 0

/**
 * The live end of every chat shown in a browser, polled by one tab. Each tab says which chats it
 * shows; of the visible tabs the oldest polls them all, reading each chat's newest page in ONE
 * request per cycle (so new messages, edits, deletions and reactions come together), and sends
 * each chat's page to the tabs over a BroadcastChannel. The others only listen, and ask it to poll
 * at once when they gain focus or their reader acts. Hidden tabs say goodbye and drop out, so
 * nothing polls while no tab is visible, and five cards cost what one does. (Web Locks would elect
 * the poller too, but a Bitrix24 app runs in a third-party frame, where browsers that block
 * third-party storage deny them; a BroadcastChannel works there.)
 */
export class LivePoller {
  /** Older tabs sort first: the tab that polled first keeps polling when another opens. */
  private readonly id: string
  /** Other visible tabs: when last heard from, and the chats they show. */
  private readonly peers = new Map<string, { at: number; chats: number[] }>()
  private readonly watches = new Map<number, ChatWatch>()
  /** The newest message id each chat's last page held: a higher one is a message that arrived. */
  private readonly newest = new Map<number, number>()
  private empty = 0
  private lastRead: number
  private timer: ReturnType<typeof setTimeout> | undefined
  private heartbeat: ReturnType<typeof setInterval> | undefined
  private inFlight = false
  /** Asked to poll while a poll was on its way: poll again right after it. */
  private again = false
  private stopped = false

  constructor(private readonly deps: PollerDeps) {
    this.lastRead = deps.now()
    this.id = `${deps.now().toString(36).padStart(9, '0')}-${Math.random().toString(36).slice(2, 10)}`
  }

  start(): void {
    const { document, window, channel } = this.deps
    document.addEventListener('visibilitychange', this.onVisibility)
    window.addEventListener('focus', this.onFocus)
    window.addEventListener('pagehide', this.onPageHide)
    channel?.addEventListener('message', this.onNote)
    this.heartbeat = setInterval(() => this.visible() && this.sayHere(), HEARTBEAT_MS)
    if (this.visible()) this.sayHere()
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

  /** This tab shows `chatId` from now on, until the returned function is called. */
  watch(chatId: number, watch: ChatWatch): () => void {
    this.watches.set(chatId, watch)
    if (this.visible()) this.sayHere()
    return () => {
      if (this.watches.get(chatId) === watch) this.watches.delete(chatId)
      if (this.visible()) this.sayHere()
    }
  }

  /**
   * Poll at once. `fast`: the reader acted (sent, changed a message): a conversation is going, so
   * the fast cadence starts again. Focus and becoming visible only read once; the quiet ladder stays.
   */
  readonly pollNow = (fast = true): void => {
    if (this.stopped || !this.visible()) return
    if (fast) this.empty = 0
    if (this.leads()) this.schedule(0)
    else this.post({ type: 'poll-now', fast })
  }

  private sayHere(): void {
    this.post({ type: 'here', id: this.id, chats: [...this.watches.keys()] })
  }

  /** The page is going away (closed, navigated): the other tabs take over now, not after the peer timeout. */
  private readonly onPageHide = (): void => this.post({ type: 'bye', id: this.id })

  /** Focus right after a read (the frame is focused as the card opens) has nothing new to show. */
  private readonly onFocus = (): void => {
    if (this.deps.now() - this.lastRead >= FAST_MS) this.pollNow(false)
  }

  private visible(): boolean {
    return this.deps.document.visibilityState !== 'hidden'
  }

  private live(at: number): boolean {
    return this.deps.now() - at < PEER_TTL_MS
  }

  /** Whether this tab polls: it is visible and no older visible tab has been heard from lately. */
  private leads(): boolean {
    if (!this.visible()) return false
    for (const [id, peer] of this.peers) if (id < this.id && this.live(peer.at)) return false
    return true
  }

  /** Every chat a visible tab of the browser shows, this one's first. */
  private chats(): number[] {
    const all = new Set(this.watches.keys())
    for (const peer of this.peers.values()) if (this.live(peer.at)) for (const chat of peer.chats) all.add(chat)
    return [...all]
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
    this.sayHere()
    this.pollNow(false)
  }

  private readonly onNote = (event: MessageEvent<Note>): void => {
    const note = event.data
    if (note.type === 'here') {
      // A tab just opened or came back: answer at once, so it knows who polls before its first poll.
      const known = this.peers.has(note.id)
      this.peers.set(note.id, { at: this.deps.now(), chats: note.chats })
      if (!known && this.visible()) this.sayHere()
    } else if (note.type === 'bye') {
      const led = this.leads()
      this.peers.delete(note.id)
      if (!led && this.leads()) this.schedule(0) // the tab that polled has gone: take over at once
    } else if (note.type === 'reads') {
      // The polling tab read these pages: this tab has seen them too, and keeps its cadence should it take over.
      this.lastRead = this.deps.now()
      for (const [chatId] of note.reads) this.watches.get(chatId)?.onStatus(null)
      for (const [chatId, failure] of note.failed) this.watches.get(chatId)?.onStatus(this.deps.revive(failure))
      this.empty = this.land(note.reads, note.askedAt) ? 0 : this.empty + 1
    } else if (this.leads()) this.pollNow(note.fast)
  }

  /** Pages read (here or by the polling tab) land in the chats this tab shows; says whether any brought a new message. */
  private land(reads: readonly [number, Read][], askedAt: number): boolean {
    let arrived = false
    for (const [chatId, read] of reads) {
      const before = this.newest.get(chatId)
      const newest = newestOf(read)
      if (before !== undefined && newest > before) arrived = true
      this.newest.set(chatId, Math.max(before ?? 0, newest))
      if (this.watches.get(chatId)?.apply(read, askedAt)) arrived = true
    }
    return arrived
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
    const chats = this.chats()
    if (chats.length === 0) return this.schedule(pollDelay(this.empty))
    this.inFlight = true
    const askedAt = this.deps.now()
    try {
      const outcomes = await this.deps.read(chats)
      if (this.stopped) return // the card closed while the read was on its way: its cache and channel are gone
      this.lastRead = this.deps.now()
      const reads: [number, Read][] = []
      const failed: [number, SharedFailure][] = []
      for (const [chatId, outcome] of outcomes) {
        if (outcome.ok) reads.push([chatId, outcome.read])
        else failed.push([chatId, toShared(outcome.error)])
        this.watches.get(chatId)?.onStatus(outcome.ok ? null : outcome.error)
      }
      this.empty = this.land(reads, askedAt) ? 0 : this.empty + 1
      this.post({ type: 'reads', askedAt, reads, failed })
    } catch (error) {
      if (this.stopped) return
      // Every card's poll failed (the network, the portal): each tab says so.
      this.empty++
      for (const watch of this.watches.values()) watch.onStatus(error)
      this.post({ type: 'reads', askedAt, reads: [], failed: chats.map((chatId): [number, SharedFailure] => [chatId, toShared(error)]) })
    } finally {
      this.inFlight = false
    }
    this.schedule(this.again ? 0 : pollDelay(this.empty))
    this.again = false
  }
}
