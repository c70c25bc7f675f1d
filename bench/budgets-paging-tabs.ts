import { FIRST_PAINT_BUDGET } from './budgets-first-paint'
import { LATENCIES_MS, LOADED_TARGET, RATE_BURST } from './config'
import { fmt, med, verdict } from './format'
import type { PagingTabsRun } from './measure-paging-tabs'
import type { BenchResults, Row } from './results'

/** As figure 2 at latency 0: time to the first message against the 50-article floor's (issue #23). */
const FIRST_MESSAGE_OVER_FLOOR = FIRST_PAINT_BUDGET.firstMessageOverFloor[String(LATENCIES_MS[0])]!

/**
 * Two tabs of one browser paging back at once under the portal's one bucket for their
 * address (settings/performance/limits.md): never refused, and each shows its first message as fast
 * as a tab alone (the opening is never paced).
 */
export function pagingTabsRows(runs: PagingTabsRun[], firstPaint: BenchResults['firstPaint'] | undefined): Row[] {
  if (runs.length === 0) return []
  const lat0 = String(LATENCIES_MS[0])
  const floor = med(firstPaint?.feed?.[lat0] ?? [], (x) => x.ms)
  const alone = med(firstPaint?.app[lat0] ?? [], (x) => x.ms)
  const limited = med(runs, (x) => x.rateLimited)
  const paged = med(runs, (x) => Math.min(...x.paged))
  const slower = med(runs, (x) => Math.max(...x.firstMessageMs))
  const budgetMs = floor * FIRST_MESSAGE_OVER_FLOOR
  return [
    {
      figure: `13. Two tabs paging back through ${fmt(LOADED_TARGET)} at once: answered 503`,
      app: fmt(limited),
      reference: `bucket peak ${fmt(med(runs, (x) => x.bucketPeak))}/${RATE_BURST}, ${fmt(med(runs, (x) => x.requests))} requests, ${fmt(paged)} paged back in each tab in ${fmt(med(runs, (x) => x.ms) / 1000, 1)} s`,
      budget: '0',
      verdict: verdict(limited === 0 && paged >= LOADED_TARGET),
    },
    {
      figure: '13. Two tabs opened together: time to first message, the slower tab',
      app: `${fmt(slower)} ms`,
      reference: `the faster tab ${fmt(med(runs, (x) => Math.min(...x.firstMessageMs)))} ms; one tab alone ${fmt(alone)} ms`,
      budget: Number.isFinite(budgetMs) ? `<= floor x${FIRST_MESSAGE_OVER_FLOOR} (${fmt(budgetMs)} ms)` : `<= floor x${FIRST_MESSAGE_OVER_FLOOR}`,
      verdict: Number.isFinite(budgetMs) ? verdict(slower <= budgetMs) : 'info',
    },
  ]
}
