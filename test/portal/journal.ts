/**
 * Persistence: an append-only JSON-lines journal of mutations in the data folder. Appends are
 * synchronous so an answer is only sent once its change is on disk.
 *
 * Nothing in it stops a start (#24): a line that is not JSON (a crash mid-write leaves the last one
 * cut short), not a record, or refused by the state (an id used twice, a message older than its
 * chat's last) is reported in one line on stderr and skipped; every other line is replayed. The
 * skipped lines are moved to `journal.skipped.jsonl` beside it, with why, and the journal is
 * rewritten without them (a new file renamed over the old), so the next start is clean and a new
 * record never lands on the end of a cut-short line.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { recordProblem } from './journal-records.ts'
import type { Mutation } from './mutations.ts'

export interface SkippedRecord {
  /** 1-based line of the journal. */
  line: number
  reason: string
  text: string
}

/** One line on stderr: which file, which record, why. */
export function describeSkipped(file: string, skipped: SkippedRecord): string {
  const excerpt = skipped.text.length > 80 ? `${skipped.text.slice(0, 80)}…` : skipped.text
  return `[portal] ${file} line ${skipped.line} ${excerpt}: ${skipped.reason}; skipped (kept in ${SKIPPED_FILE})`
}

const SKIPPED_FILE = 'journal.skipped.jsonl'

export class Journal {
  readonly file: string
  readonly skippedFile: string

  constructor(readonly dir: string) {
    this.file = join(dir, 'journal.jsonl')
    this.skippedFile = join(dir, SKIPPED_FILE)
  }

  /** Replays every good record through `apply` (which throws to refuse one) and answers the skipped. */
  replay(apply: (entry: Mutation) => void): SkippedRecord[] {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch {
      return []
    }
    const good: string[] = []
    const skipped: SkippedRecord[] = []
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return
      const reason = replayLine(line, apply)
      if (reason === null) good.push(line)
      else skipped.push({ line: index + 1, reason, text: line })
    })
    const torn = text !== '' && !text.endsWith('\n')
    if (skipped.length > 0 || torn) this.setAside(good, skipped)
    return skipped
  }

  append(entry: Mutation): void {
    mkdirSync(this.dir, { recursive: true })
    appendFileSync(this.file, JSON.stringify(entry) + '\n')
  }

  clear(): void {
    rmSync(this.file, { force: true })
  }

  private setAside(good: string[], skipped: SkippedRecord[]): void {
    if (skipped.length > 0) {
      const at = new Date().toISOString()
      appendFileSync(this.skippedFile, skipped.map((s) => JSON.stringify({ at, line: s.line, reason: s.reason, record: s.text }) + '\n').join(''))
    }
    const next = `${this.file}.rewrite`
    writeFileSync(next, good.map((line) => line + '\n').join(''))
    renameSync(next, this.file)
  }
}

/** null when the line was replayed; otherwise why not. */
function replayLine(line: string, apply: (entry: Mutation) => void): string | null {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return 'not JSON (cut short by a crash mid-write?)'
  }
  const problem = recordProblem(value)
  if (problem !== null) return problem
  try {
    apply(value as Mutation)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
