import type { Browser } from '@playwright/test'
import { firstPaintRows, slowLinkAndKeystrokeRows } from './budgets-first-paint'
import { APP_DIST, FLOOR_DIST, FLOOR_FEED_DIST } from './config'
import { firstPaintRuns } from './first-paint-runs'
import { measureInitialJs } from './initial-js'
import type { FirstPaintRun } from './measure-first-paint'
import { textTable } from './report'
import type { BenchResults } from './results'
import type { BenchServers } from './servers'

/**
 * `BENCH_ONLY=first-paint npm run bench`: the card opened cold without the rest of the bench: the
 * requests before the first message (1), the first message at every latency (2), the initial JS
 * (3), the slow link (15) and the first keystroke (16), the app beside both floors. Prints the runs
 * and the rows; writes no results and leaves the README alone. BENCH_LATENCIES=0 (comma-separated)
 * and BENCH_SLOW_LINK=0 narrow it further.
 */
export async function firstPaintOnly(browser: Browser, servers: BenchServers, step: (what: string) => void): Promise<void> {
  const latencies = process.env['BENCH_LATENCIES']?.split(',').map(Number)
  const firstPaint = await firstPaintRuns(browser, servers, step, latencies, process.env['BENCH_SLOW_LINK'] !== '0')
  const fetched = (runs: Record<string, FirstPaintRun[]> = {}) => [...new Set(Object.values(runs).flatMap((rs) => rs.flatMap((r) => r.scripts)))]
  const initialJs = {
    app: await measureInitialJs(APP_DIST, fetched(firstPaint.app)),
    floor: await measureInitialJs(FLOOR_DIST, fetched(firstPaint.floor)),
    feed: await measureInitialJs(FLOOR_FEED_DIST, fetched(firstPaint.feed)),
  }
  console.log(JSON.stringify(firstPaint, (key, value: unknown) => (key === 'scripts' ? undefined : value), 2))
  const results = { firstPaint, initialJs } as Pick<BenchResults, 'firstPaint' | 'initialJs'> as BenchResults
  console.log(`\n${textTable([...firstPaintRows(results), ...slowLinkAndKeystrokeRows(results)])}\n`)
}
