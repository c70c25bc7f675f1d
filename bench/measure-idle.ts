import type { Browser } from '@playwright/test'
import { newBenchContext, openBenchPage, openPageIn, type BenchPage, type RestRequest } from './browser'
import { FIVE_TASKS, IDLE_TASK, IDLE_WARMUP_MS, IDLE_WINDOW_MS } from './config'
import type { AppSite } from './servers'

export interface IdleRun {
  visiblePerMinute: number
  hiddenPerMinute: number
  /** What the visible card asked for in the window, by method ('live poll' apart). */
  visibleByMethod: Record<string, number>
}

export interface FiveCardsRun {
  /** The five tabs together. */
  perMinute: number
  perTab: number[]
  /** What they asked for in the window, all tabs, by method ('live poll' apart). */
  byMethod: Record<string, number>
}

export interface TwoTabsRun {
  /** Both tabs together. */
  perMinute: number
  perTab: number[]
}

/** The card open at its newest messages, the feed no longer busy. */
export async function openCard(bench: BenchPage, site: AppSite, taskId: number): Promise<void> {
  await bench.page.goto(site.taskUrl(taskId))
  const frame = await bench.frame()
  await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 30_000 })
  await bench.probe((p) => p.settle(500))
  const state = await bench.probe(() => document.visibilityState)
  if (state !== 'visible') console.warn(`[bench] a card reports itself ${state} before the idle window`)
}

const inWindow = (requests: RestRequest[], from: number, to: number) => requests.filter((r) => r.at >= from && r.at < to)

/**
 * Waits out the warm-up (a quiet card backs off within it), then counts each page's requests over
 * the idle window, per minute. A measurement window, not a sleep standing in for an event.
 */
async function quietWindow(benches: BenchPage[]): Promise<{ perMinute: number[]; requests: RestRequest[][] }> {
  const clock = benches[0]!.page
  await clock.waitForTimeout(IDLE_WARMUP_MS)
  const from = Date.now()
  await clock.waitForTimeout(IDLE_WINDOW_MS)
  const to = Date.now()
  const requests = benches.map((b) => inWindow(b.requests, from, to))
  return { perMinute: requests.map((r) => (r.length * 60_000) / (to - from)), requests }
}

/** The idle task's card alone, visible or told it is hidden right after it settled; `opened` is called once it has opened (or failed to). */
async function idleTab(browser: Browser, site: AppSite, hidden: boolean, opened: () => void): Promise<{ perMinute: number; requests: RestRequest[] }> {
  const bench = await openBenchPage(browser, site.appOrigin, site.portal)
  try {
    await openCard(bench, site, IDLE_TASK)
    opened()
    if (hidden) await bench.probe((p) => p.hide())
    const counted = await quietWindow([bench])
    return { perMinute: counted.perMinute[0]!, requests: counted.requests[0]! }
  } finally {
    opened()
    await bench.close()
  }
}

/**
 * A visible and a hidden card of the idle task, side by side in their own contexts. Requests still
 * in flight when a tab hides end within the warm-up, so they do not count against it.
 */
export async function idleRun(browser: Browser, site: AppSite, opened: [() => void, () => void]): Promise<IdleRun> {
  const [visible, hidden] = await Promise.all([idleTab(browser, site, false, opened[0]), idleTab(browser, site, true, opened[1])])
  return { visiblePerMinute: visible.perMinute, hiddenPerMinute: hidden.perMinute, visibleByMethod: countByMethod(visible.requests) }
}

function countByMethod(requests: RestRequest[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of requests) counts[r.poll ? 'live poll' : r.method] = (counts[r.poll ? 'live poll' : r.method] ?? 0) + 1
  return counts
}

/**
 * Cards of five different tasks in ONE context (one browser profile), all visible, counted
 * as in idleRun's window: one poller for them all, so together they cost about what one card does.
 * The tabs open one after another, as a person opens them.
 */
export async function fiveCardsRun(browser: Browser, site: AppSite): Promise<FiveCardsRun> {
  const context = await newBenchContext(browser)
  try {
    const tabs: BenchPage[] = []
    for (const taskId of FIVE_TASKS) {
      const tab = await openPageIn(context, site.appOrigin, site.portal)
      await openCard(tab, site, taskId)
      tabs.push(tab)
    }
    const counted = await quietWindow(tabs)
    return { perMinute: counted.perMinute.reduce((a, b) => a + b, 0), perTab: counted.perMinute, byMethod: countByMethod(counted.requests.flat()) }
  } finally {
    await context.close()
  }
}

/**
 * Two tabs of the idle task in ONE context (shared storage, Web Locks, BroadcastChannel, as in one
 * browser profile), both visible, counted over the same kind of window as idleRun's.
 */
export async function twoTabsRun(browser: Browser, site: AppSite, opened: () => void): Promise<TwoTabsRun> {
  const context = await newBenchContext(browser)
  try {
    const tabs = [await openPageIn(context, site.appOrigin, site.portal), await openPageIn(context, site.appOrigin, site.portal)]
    await Promise.all(tabs.map((tab) => openCard(tab, site, IDLE_TASK)))
    opened()
    const counted = await quietWindow(tabs)
    return { perMinute: counted.perMinute.reduce((a, b) => a + b, 0), perTab: counted.perMinute }
  } finally {
    opened()
    await context.close()
  }
}
