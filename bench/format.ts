import type { Verdict } from './results'
import { median } from './stats'

/** Numbers as the table prints them: en-US grouping, 'n/a' for what could not be measured. */
export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a'
export const kb = (bytes: number): string => `${fmt(bytes / 1024, 1)} KB`
export const verdict = (ok: boolean): Verdict => (ok ? 'ok' : 'over')
/** The median of what the runs measured, skipping runs without the figure. */
export const med = <T>(runs: T[], pick: (run: T) => number | undefined): number =>
  median(runs.map(pick).filter((n): n is number => n !== undefined && !Number.isNaN(n)))
/** "1 request", "2 requests", "n/a requests". */
export const plural = (n: number, noun: string): string => `${fmt(n)} ${noun}${n === 1 ? '' : 's'}`
