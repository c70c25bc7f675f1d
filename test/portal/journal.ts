/**
 * Persistence: an append-only JSON-lines journal of mutations in the data folder. Appends are
 * synchronous so an answer is only sent once its change is on disk.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Mutation } from './mutations.ts'

export class Journal {
  readonly file: string

  constructor(readonly dir: string) {
    this.file = join(dir, 'journal.jsonl')
  }

  load(): Mutation[] {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch {
      return []
    }
    const entries: Mutation[] = []
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      try {
        entries.push(JSON.parse(line) as Mutation)
      } catch {
        // A line cut short by a crash mid-write: everything before it is still good.
        break
      }
    }
    return entries
  }

  append(entry: Mutation): void {
    mkdirSync(this.dir, { recursive: true })
    appendFileSync(this.file, JSON.stringify(entry) + '\n')
  }

  clear(): void {
    rmSync(this.file, { force: true })
  }
}
