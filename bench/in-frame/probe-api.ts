/** What the in-frame probe (probe.ts) puts on the framed page's window as `__bench`. Times are the frame's performance.now(). */
export interface Span {
  start: number
  end: number
}

export interface RestEntry extends Span {
  url: string
  /** Body bytes as they came over the wire (0 where the browser may not tell: another origin without Timing-Allow-Origin). */
  bytes?: number
}

export interface ScrollResult {
  /** How many messages the top of the viewport moved past. */
  rows: number
  /** requestAnimationFrame deltas during the scroll, ms. */
  frameDeltas: number[]
  /** Long tasks (over 50 ms by definition) that started during the scroll. */
  longTasks: Span[]
  ms: number
}

export interface DomStats {
  articles: number
  elements: number
  clientHeight: number
  medianArticleHeight: number
}

/** A jump from "Show in chat", frame clock: the click's event time and when focus landed on the message. */
export interface JumpTimes {
  clickAt: number | null
  focusAt: number | null
  /** When focus never came: where it was, and whether the message was in the DOM at all. */
  missed?: string
}

export interface Probe {
  /** This document's time origin (epoch ms), to put its times on the host page's clock. */
  timeOrigin: number
  /** When the first message (or the floor's line) was put in the DOM. */
  firstArticle: number | null
  /** When the frame that first showed a message (or the floor's line) was about to paint. */
  firstPaint: number | null
  /** The first animation frame with a composer that takes typing (in-frame/composer.ts); null on the floors. */
  composerReady: number | null
  /** The first message from the task card (the parent window): the SDK's handshake answered. */
  handshakeAt: number | null
  /** performance.mark() entries of the page (the app may mark `tc:...` steps of its boot). */
  marks(): { name: string; at: number }[]
  /** Finished requests to /rest/ (resource timing: start to response end, preflight included). */
  rest: RestEntry[]
  /** Finished requests for .js files (resource timing), for the JS the page needed before its first message. */
  scripts: RestEntry[]
  longTasks: Span[]
  /** Messages loaded in the feed, or null before the first one shows; call it every frame while pages arrive. */
  loaded(): number | null
  /** Jumps to the top every frame until this many messages are loaded, or nothing new arrives for stallMs. */
  loadUntil(target: number, stallMs: number): Promise<{ loaded: number; ms: number; longTasks: Span[] }>
  /** Jumps to the newest message and returns its position: the loaded count, read off the DOM. */
  jumpToNewest(): Promise<number>
  /** Scrolls by stepPx (negative: towards older messages) every animation frame until `rows` messages have passed. */
  scrollThrough(rows: number, stepPx: number): Promise<ScrollResult>
  domStats(): DomStats
  /** Resolves once the feed is not busy and has stayed so for quietMs. */
  settle(quietMs: number): Promise<void>
  /** Tells the app its tab is hidden (the way the e2e suite does: visibilityState plus the event). */
  hide(): void
  /** Before clicking "Show in chat": watch for the click and for focus on the message's article. */
  armJump(messageId: number): void
  /** The armed jump's times, once focus landed on the message or timeoutMs passed (focusAt null). */
  jumpTimes(timeoutMs: number): Promise<JumpTimes>
  /** Epoch ms of the animation frame that first shows `text` inside the feed's viewport; null after timeoutMs. */
  textShownAt(text: string, timeoutMs: number): Promise<number | null>
  /** As textShownAt, inside the article of message `messageId` only (a deletion, a like). */
  messageShowsAt(messageId: number, text: string, timeoutMs: number): Promise<number | null>
}

export type ProbeWindow = Window & { __bench: Probe }
