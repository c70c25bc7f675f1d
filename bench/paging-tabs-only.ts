import type { Browser } from '@playwright/test'
import { pagingTabsRows } from './budgets-paging-tabs'
import { LATENCIES_MS, RUNS } from './config'
import { firstPaintRuns } from './first-paint-runs'
import { pagingTabsRun, type PagingTabsRun } from './measure-paging-tabs'
import { textTable } from './report'
import type { BenchServers } from './servers'

/**
 * `BENCH_ONLY=paging-tabs npm run bench`: figure 13 (two tabs paging back at once) without the
 * rest of the bench, with the latency-0 first-message runs its budget is measured against.
 * Prints the rows; writes no results and leaves the README alone.
 */
export async function pagingTabsOnly(browser: Browser, servers: BenchServers, step: (what: string) => void): Promise<void> {
  // The latency-0 runs of the app and the 50-article floor that figure 13's budget is measured against.
  const firstPaint = await firstPaintRuns(browser, servers, step, [LATENCIES_MS[0]], false)
  const runs: PagingTabsRun[] = []
  for (let i = 0; i < RUNS; i++) {
    step(`two tabs paging back at once under one bucket (run ${i + 1}/${RUNS})`)
    runs.push(await pagingTabsRun(servers))
  }
  console.log(JSON.stringify(runs, null, 2))
  console.log(`\n${textTable(pagingTabsRows(runs, firstPaint))}\n`)
}
