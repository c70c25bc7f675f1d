import type { Browser } from '@playwright/test'
import { openBenchPage } from './browser'
import { FIRST_PAINT_TASK, IDLE_WINDOW_MS } from './config'
import type { BenchServers } from './servers'

export interface IdleRun {
  visiblePerMinute: number
  hiddenPerMinute: number
}

/** Polls may be in flight when the tab hides: those do not count against the hidden tab. */
const HIDE_GRACE_MS = 500

/**
 * The demo task left alone: REST requests over a window while visible (the live poll), then over a
 * window after the tab reports itself hidden, both scaled to a minute. Runs are concurrent pages:
 * idle tabs hardly compete for the CPU, and it saves minutes.
 */
export async function idleRun(browser: Browser, servers: BenchServers): Promise<IdleRun> {
  const bench = await openBenchPage(browser, servers.appOrigin, servers.portal)
  try {
    await bench.page.goto(servers.taskUrl(FIRST_PAINT_TASK))
    const frame = await bench.frame()
    await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 30_000 })
    await bench.probe((p) => p.settle(500))
    const count = (from: number, to: number) => bench.requests.filter((r) => r.at >= from && r.at < to).length
    const visibleFrom = Date.now()
    await bench.page.waitForTimeout(IDLE_WINDOW_MS)
    const visibleTo = Date.now()
    await bench.probe((p) => p.hide())
    const hiddenFrom = Date.now() + HIDE_GRACE_MS
    await bench.page.waitForTimeout(HIDE_GRACE_MS + IDLE_WINDOW_MS)
    const hiddenTo = Date.now()
    const perMinute = (n: number, ms: number) => (n * 60_000) / ms
    return {
      visiblePerMinute: perMinute(count(visibleFrom, visibleTo), visibleTo - visibleFrom),
      hiddenPerMinute: perMinute(count(hiddenFrom, hiddenTo), hiddenTo - hiddenFrom),
    }
  } finally {
    await bench.close()
  }
}
