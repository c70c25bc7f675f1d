import { EDIT_STAGGER_MS, EDIT_TIMEOUT_MS, IDLE_WARMUP_MS } from './config'
import { fmt, verdict } from './format'
import type { ChangeRun } from './measure-changes'
import type { ArrivalRun } from './measure-live'
import type { Row } from './results'
import { median } from './stats'

/** An edit, deletion or reaction by someone else to a message in the newest page. */
const BUDGET = {
  /** Median, while a conversation goes on (the card polls every 2 s). */
  conversationMedianMs: 3_000,
  /** Worst case, in a quiet card (polls at most 30 s apart). */
  quietWorstMs: 32_000,
}

const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`
const shown = (runs: ChangeRun[]) => runs.filter((r) => !Number.isNaN(r.ms))
const each = (runs: ChangeRun[]) => runs.map((r) => `${r.kind} ${Number.isNaN(r.ms) ? 'never' : seconds(r.ms)}`).join(', ')
const failure = (runs: ChangeRun[]) => runs.find((r) => r.error)?.error

/** Figures 11 (changes while the conversation of figure 11 goes on) and 12 (in a quiet card). */
export function changeRows(arrivals: ArrivalRun[], quiet: ChangeRun[]): Row[] {
  const rows: Row[] = []
  const during = arrivals.flatMap((a) => a.changes)
  if (during.length > 0) {
    const all = shown(during).length === during.length
    const mid = all ? median(during.map((r) => r.ms)) : NaN
    const error = failure(during)
    rows.push({
      figure: '11. Others’ edit, deletion or reaction in the newest page while a conversation goes on, median',
      app: all ? seconds(mid) : `${during.length - shown(during).length} of ${during.length} not within ${seconds(EDIT_TIMEOUT_MS)}`,
      reference: error ? `could not change: ${error}` : `${during.length} changes during the runs of 11: ${each(during)}`,
      budget: `<= ${seconds(BUDGET.conversationMedianMs)}`,
      verdict: verdict(mid <= BUDGET.conversationMedianMs),
    })
  }
  if (quiet.length > 0) {
    const all = shown(quiet).length === quiet.length
    const worst = all ? Math.max(...quiet.map((r) => r.ms)) : NaN
    const error = failure(quiet)
    rows.push({
      figure: '12. Others’ edit, deletion or reaction in a quiet card, worst case',
      app: all ? seconds(worst) : `${quiet.length - shown(quiet).length} of ${quiet.length} not within ${seconds(EDIT_TIMEOUT_MS)}`,
      reference: error
        ? `could not change: ${error}`
        : `each: ${each(quiet)} (after ${fmt(IDLE_WARMUP_MS / 1000)} s open and ${quiet.map((_, i) => fmt((i * EDIT_STAGGER_MS) / 1000)).join(', ')} s more)`,
      budget: `<= ${seconds(BUDGET.quietWorstMs)}`,
      verdict: verdict(worst <= BUDGET.quietWorstMs),
    })
  }
  return rows
}
