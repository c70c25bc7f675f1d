import type { ConversationResults } from './conversation-window'
import type { InitialJs } from './initial-js'
import type { FirstPaintRun } from './measure-first-paint'
import type { HistoryRun } from './measure-history'
import type { PagingTabsRun } from './measure-paging-tabs'

/** Every run of every measurement, as bench.json keeps it. */
export interface BenchResults {
  date: string
  /** loadAvg: the 1-minute load average when the bench started and when it ended (timings suffer above the core count). */
  environment: { node: string; chromium: string; cpus: number; loadAvg: [number, number] }
  runs: number
  /** Runs of each first-paint figure (2, 15, 16), FIRST_PAINT_RUNS (absent before #23: the same as runs). */
  firstPaintRuns?: number
  /**
   * Keyed by portal latency in ms, and 'slow' for the slow link (first-paint-runs.ts). `floor` is
   * the line floor (bench/floor/), `feed` the 50-article floor (bench/floor-feed/, absent before #23).
   */
  firstPaint: { app: Record<string, FirstPaintRun[]>; floor: Record<string, FirstPaintRun[]>; feed?: Record<string, FirstPaintRun[]> }
  initialJs: { app: InitialJs; floor: InitialJs; feed?: InitialJs }
  modern: HistoryRun[]
  legacy: HistoryRun[]
  conversation: ConversationResults
  /** Two tabs paging back at once under one bucket for their address (absent in older results). */
  pagingTabs?: PagingTabsRun[]
  seconds: number
}

export type Verdict = 'ok' | 'over' | 'info'

/** One line of the table. */
export interface Row {
  figure: string
  app: string
  reference: string
  budget: string
  verdict: Verdict
}
