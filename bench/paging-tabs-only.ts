import type { Browser } from '@playwright/test'
import { pagingTabsRows } from './budgets-paging-tabs'
import { LATENCIES_MS, RUNS } from './config'
import { firstPaintRun, type FirstPaintRun } from './measure-first-paint'
import { pagingTabsRun, type PagingTabsRun } from './measure-paging-tabs'
import { textTable } from './report'
import type { BenchServers } from './servers'

/**
 * `BENCH_ONLY=paging-tabs npm run bench`: figure 13 (two tabs paging back at once) without the
 * rest of the bench, with the latency-0 first-message runs its budget is measured against.
 * Prints the rows; writes no results and leaves the README alone.
 */
export async function pagingTabsOnly(browser: Browser, servers: BenchServers, step: (what: string) => void): Promise<void> {
  const lat0 = String(LATENCIES_MS[0])
  const app: FirstPaintRun[] = []
  const floor: FirstPaintRun[] = []
  // Not counted, as in run.ts: a fresh browser's first page also starts its renderer.
  await firstPaintRun(browser, servers, 0, false)
  await firstPaintRun(browser, servers, 0, true)
  step(`first message, latency ${lat0} ms (app and floor, alternating)`)
  for (let i = 0; i < RUNS; i++) {
    app.push(await firstPaintRun(browser, servers, 0, false))
    floor.push(await firstPaintRun(browser, servers, 0, true))
  }
  const runs: PagingTabsRun[] = []
  for (let i = 0; i < RUNS; i++) {
    step(`two tabs paging back at once under one bucket (run ${i + 1}/${RUNS})`)
    runs.push(await pagingTabsRun(servers))
  }
  console.log(JSON.stringify(runs, null, 2))
  console.log(`\n${textTable(pagingTabsRows(runs, { app: { [lat0]: app }, floor: { [lat0]: floor } }))}\n`)
}
