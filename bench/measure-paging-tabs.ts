import type { Browser } from '@playwright/test'
import { newBenchContext, openPageIn, type BenchPage } from './browser'
import { HISTORY_TASK, LOADED_TARGET } from './config'
import { resetPortal, type BenchServers } from './servers'
import { bucketPeak } from './stats'

/** The second tab opens once the first has paged this far: past the shared pace's burst, so its opening meets a busy pace. */
export const SECOND_TAB_AFTER = 6_000

export interface PagingTabsRun {
  /** Navigation start → the frame that first showed a message, for each tab; the second opened while the first paged. */
  firstMessageMs: [number, number]
  /** Messages each tab had loaded when paging stopped (the target, or where it stalled). */
  loaded: [number, number]
  /** From the first tab's first scroll to both tabs done. */
  ms: number
  /** Every /rest/ request of both tabs: what the portal's one bucket for their address saw. */
  requests: number
  /** Answers 503 (QUERY_LIMIT_EXCEEDED and the like) to either tab. */
  rateLimited: number
  /** The portal's leaky bucket (2/s) at its fullest, both tabs' requests together; 503 beyond 50. */
  bucketPeak: number
}

async function firstMessageMs(tab: BenchPage): Promise<number> {
  const frame = await tab.frame()
  await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 30_000 })
  const hostOrigin = (await tab.page.evaluate('performance.timeOrigin')) as number
  const seen = await tab.probe((p) => ({ timeOrigin: p.timeOrigin, firstPaint: p.firstPaint! }))
  return seen.timeOrigin + seen.firstPaint - hostOrigin
}

const page = (tab: BenchPage, target: number) => tab.probe((p, a) => p.loadUntil(a.target, 10_000), { target })

/**
 * Two tabs of one browser on the 100,000-message task, the portal's bucket per source address as
 * Bitrix24 keeps it: the first tab opens and pages back; once it is past the pace's burst a second
 * tab opens (its first message must not wait behind the pace) and pages back too, both to
 * LOADED_TARGET messages.
 */
export async function pagingTabsRun(browser: Browser, servers: BenchServers): Promise<PagingTabsRun> {
  await resetPortal(servers.portal)
  const context = await newBenchContext(browser)
  try {
    const first = await openPageIn(context, servers.appOrigin, servers.portal)
    await first.page.goto(servers.taskUrl(HISTORY_TASK))
    const firstMs = await firstMessageMs(first)
    await first.probe((p) => p.settle(500))
    const from = Date.now()
    const firstPaging = page(first, LOADED_TARGET)
    while (((await first.probe((p) => p.loaded())) ?? 0) < SECOND_TAB_AFTER && Date.now() - from < 60_000) await first.page.waitForTimeout(100)
    const second = await openPageIn(context, servers.appOrigin, servers.portal)
    await second.page.goto(servers.taskUrl(HISTORY_TASK))
    const secondMs = await firstMessageMs(second)
    const [a, b] = await Promise.all([firstPaging, page(second, LOADED_TARGET)])
    const ms = Date.now() - from
    const requests = [...first.requests, ...second.requests]
    return {
      firstMessageMs: [firstMs, secondMs],
      loaded: [a.loaded, b.loaded],
      ms,
      requests: requests.length,
      rateLimited: requests.filter((r) => r.status === 503).length,
      bucketPeak: bucketPeak(
        requests.map((r) => r.at),
        2,
      ),
    }
  } finally {
    await context.close()
  }
}
