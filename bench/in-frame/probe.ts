/**
 * Runs in the framed page (the app or the floor) from its first script on: bundled to an IIFE by
 * probe-source.ts and added as a Playwright init script. Everything is measured on the frame's own
 * clock, so request waves and first paint compare without node-side event delays.
 */
import { watchComposer } from './composer'
import { articles, nextFrame, scroller } from './dom'
import type { DomStats, Probe, ProbeWindow, RestEntry, ScrollResult, Span } from './probe-api'
import { armJump, jumpTimes, messageShowsAt, textShownAt } from './watch'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

const position = (article: HTMLElement): number => Number(article.getAttribute('aria-posinset'))

/**
 * aria-posinset counts from the oldest LOADED message, so the loaded count is the newest message's
 * position, but the newest is virtualized away once the reader scrolls up. Positions change only
 * when older messages are prepended, by exactly the number prepended; the app holds the reader's
 * place, so messages in view when a page lands are still in the DOM after it. So the probe counts
 * the newest position once, at the end, then adds how far any message it has seen moved.
 */
let total: number | null = null
/** Positions of every message seen since the last prepend. */
let seen = new Map<string, number>()

function loaded(): number | null {
  const now = articles()
  if (total === null) {
    if (now.length === 0) return null
    total = Math.max(...now.map(position))
  }
  let moved = 0
  for (const article of now) {
    const before = seen.get(article.dataset['messageId']!)
    if (before !== undefined && before !== position(article)) {
      moved = position(article) - before
      break
    }
  }
  if (moved !== 0) {
    total += moved
    seen = new Map()
  }
  for (const article of now) seen.set(article.dataset['messageId']!, position(article))
  return total
}

/**
 * A reader dragging the scrollbar to the top again and again: every animation frame the feed is
 * jumped to its top, so the app asks for older pages as fast as it lets itself.
 */
async function loadUntil(target: number, stallMs: number): Promise<{ loaded: number; ms: number; longTasks: Span[] }> {
  const started = performance.now()
  let count = loaded() ?? 0
  let progressAt = performance.now()
  while (count < target) {
    const el = scroller()
    if (el.scrollTop > 0) el.scrollTop = 0
    await nextFrame()
    const now = loaded() ?? 0
    if (now > count) {
      count = now
      progressAt = performance.now()
    } else if (performance.now() - progressAt > stallMs) {
      break
    }
  }
  return { loaded: count, ms: performance.now() - started, longTasks: longTasks.filter((t) => t.start >= started) }
}

/** Position of the first message whose bottom is inside the viewport. */
function topPosition(): number {
  const top = scroller().getBoundingClientRect().top
  for (const article of articles()) if (article.getBoundingClientRect().bottom > top) return position(article)
  return 0
}

/** Jumps to the newest message and reads its position: the loaded count, checked without the running tally. */
async function jumpToNewest(): Promise<number> {
  const el = scroller()
  el.scrollTop = el.scrollHeight
  await nextFrame()
  await nextFrame()
  return Math.max(0, ...articles().map(position))
}

/** Scrolls by stepPx (negative: towards older messages) every animation frame until `rows` messages have passed the top of the viewport. */
async function scrollThrough(rows: number, stepPx: number): Promise<ScrollResult> {
  const el = scroller()
  const fromPosition = topPosition()
  const frameDeltas: number[] = []
  let last = await nextFrame()
  const started = last
  let passed = 0
  const atEdge = () => (stepPx < 0 ? el.scrollTop <= 0 : el.scrollTop + el.clientHeight >= el.scrollHeight - 1)
  while (passed < rows && !atEdge()) {
    el.scrollBy({ top: stepPx })
    const at = await nextFrame()
    frameDeltas.push(at - last)
    last = at
    passed = Math.abs(topPosition() - fromPosition)
  }
  // Long tasks are reported after they end: give the observer a frame to deliver the last one.
  await nextFrame()
  return { rows: passed, frameDeltas, longTasks: longTasks.filter((t) => t.start >= started), ms: last - started }
}

function domStats(): DomStats {
  const heights = articles()
    .map((a) => a.getBoundingClientRect().height)
    .sort((a, b) => a - b)
  return {
    articles: heights.length,
    elements: document.getElementsByTagName('*').length,
    clientHeight: scroller().clientHeight,
    medianArticleHeight: heights[Math.floor(heights.length / 2)] ?? 0,
  }
}

async function settle(quietMs: number): Promise<void> {
  let quietSince = performance.now()
  while (performance.now() - quietSince < quietMs) {
    await sleep(50)
    if (document.querySelector('[role="feed"][aria-busy="true"]')) quietSince = performance.now()
  }
}

function hide(): void {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
  Object.defineProperty(document, 'hidden', { value: true, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

/**
 * The first message (or the floor's line) put in the document, timed at the insertion itself: a
 * MutationObserver would hear of it only after the whole task, when the effects of the same commit
 * may already have started requests that did not come before the message. The next animation frame
 * is the one that paints it. React inserts with appendChild and insertBefore.
 */
function watchFirstInsertion(): void {
  const shown = (node: Node) =>
    node instanceof Element &&
    node.isConnected &&
    (node.matches('article, [data-floor-painted]') || node.querySelector('article, [data-floor-painted]') !== null)
  const { appendChild, insertBefore } = Node.prototype
  const restore = () => Object.assign(Node.prototype, { appendChild, insertBefore })
  const check = (node: Node) => {
    if (probe.firstArticle !== null || !shown(node)) return
    probe.firstArticle = performance.now()
    restore()
    requestAnimationFrame(() => {
      probe.firstPaint = performance.now()
    })
  }
  Node.prototype.appendChild = function <T extends Node>(this: Node, node: T): T {
    const added = appendChild.call(this, node) as T
    check(node)
    return added
  }
  Node.prototype.insertBefore = function <T extends Node>(this: Node, node: T, child: Node | null): T {
    const added = insertBefore.call(this, node, child) as T
    check(node)
    return added
  }
}

const rest: RestEntry[] = []
const scripts: RestEntry[] = []
const longTasks: Span[] = []
const probe: Probe = {
  timeOrigin: performance.timeOrigin,
  firstArticle: null,
  firstPaint: null,
  composerReady: null,
  marks: () => performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
  handshakeAt: null,
  rest,
  scripts,
  longTasks,
  loaded,
  loadUntil,
  jumpToNewest,
  scrollThrough,
  domStats,
  settle,
  hide,
  armJump,
  jumpTimes,
  textShownAt,
  messageShowsAt,
}

// Only the framed page (the app or the floor) is measured, not the task card around it.
if (window.top !== window) {
  ;(window as unknown as ProbeWindow).__bench = probe
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      const path = new URL(entry.name).pathname
      const span = { url: entry.name, start: entry.startTime, end: entry.responseEnd || entry.startTime + entry.duration, bytes: entry.encodedBodySize }
      if (path.startsWith('/rest/')) rest.push(span)
      else if (path.endsWith('.js')) scripts.push(span)
    }
  }).observe({ type: 'resource', buffered: true })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  watchFirstInsertion()
  watchComposer((at) => (probe.composerReady = at))
  // The SDK's handshake is answered by the task card (the parent) with a postMessage: its first one is when the frame could ask the portal.
  window.addEventListener('message', (event) => {
    if (probe.handshakeAt === null && event.source === window.parent) probe.handshakeAt = performance.now()
  })
}
