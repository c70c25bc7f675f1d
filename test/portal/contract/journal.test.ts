/**
 * The journal never stops a start (#24: "Error: message 107553 is not newer than 107556" from
 * test/portal/state.ts killed `npm start`). A line that is not JSON, not a record, or refused by the
 * state is reported (file, line, why) and skipped; every good line is replayed; a line cut short by a
 * crash mid-write likewise. The skipped lines are kept in journal.skipped.jsonl and the journal is
 * rewritten without them, so the next start is clean and new records do not land on a cut-short line.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { describeSkipped } from '../journal.ts'
import type { Mutation } from '../mutations.ts'
import { LocalPortal } from '../portal.ts'
import { freshDataDir, startTestPortal } from './helpers.ts'

/** Runs with stderr caught: what the portal reported there, line by line. */
function withStderr<T>(run: () => T): { value: T; stderr: string[] } {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    const value = run()
    return { value, stderr: spy.mock.calls.map((call) => call.map(String).join(' ')) }
  } finally {
    spy.mockRestore()
  }
}

const message = (id: number, text: string): Mutation => ({
  op: 'message',
  id,
  chatId: 1001,
  authorId: 1,
  date: 1_790_000_000 + id,
  text,
  params: {},
  uuid: null,
})
const textsFrom = (portal: LocalPortal, from: number) =>
  portal.store
    .messagesOf(1001)
    .filter((m) => m.id >= from)
    .map((m) => [m.id, m.text])

describe('journal replay', () => {
  it('skips a bad, an out-of-order and a duplicate record and a torn last line, and keeps every good record', () => {
    const dir = freshDataDir()
    const n = new LocalPortal({ dataDir: freshDataDir() }).store.nextMessageId
    const lines = [
      JSON.stringify(message(n, 'first')),
      JSON.stringify(message(n + 2, 'third')),
      // What two portals on one folder wrote: a newer id first, then an older one from the other.
      JSON.stringify(message(n + 1, 'second, from the other portal')),
      'this line is not JSON',
      JSON.stringify({ op: 'teleport', id: n }),
      JSON.stringify({ op: 'message', id: n + 9 }),
      JSON.stringify({ op: 'messageUpdate', id: n, text: 'first, edited', edited: true }),
      JSON.stringify(message(n, 'first again, same id')),
      JSON.stringify({ op: 'read', chatId: 1001, userId: 2, messageId: n + 2 }),
      JSON.stringify(message(n + 3, 'fourth')),
    ]
    const torn = JSON.stringify(message(n + 4, 'cut short')).slice(0, 40)
    writeFileSync(join(dir, 'journal.jsonl'), lines.join('\n') + '\n' + torn)

    const { value: portal, stderr } = withStderr(() => new LocalPortal({ dataDir: dir }))
    expect(textsFrom(portal, n)).toEqual([
      [n, 'first, edited'],
      [n + 2, 'third'],
      [n + 3, 'fourth'],
    ])
    expect(portal.store.lastRead(1001, 2)).toBe(n + 2)
    expect(portal.journalSkipped.map((s) => [s.line, s.reason])).toEqual([
      [3, `message ${n + 1} is not newer than ${n + 2}`],
      [4, 'not JSON (cut short by a crash mid-write?)'],
      [5, 'unknown op "teleport"'],
      [6, 'chatId is not a number'],
      [8, `message ${n} already exists`],
      [11, 'not JSON (cut short by a crash mid-write?)'],
    ])
    // One line on stderr each: which file, which record, why.
    expect(stderr).toEqual(portal.journalSkipped.map((s) => describeSkipped(join(dir, 'journal.jsonl'), s)))
    const report = stderr[0]!
    expect(report).toBe(
      `[portal] ${join(dir, 'journal.jsonl')} line 3 ${lines[2]!.slice(0, 80)}…: message ${n + 1} is not newer than ${n + 2}; skipped (kept in journal.skipped.jsonl)`,
    )
    expect(report).not.toContain('\n')

    // Kept aside with why; the journal holds the good lines only, each ended.
    const kept = readFileSync(join(dir, 'journal.skipped.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; record: string })
    expect(kept.map((k) => k.line)).toEqual([3, 4, 5, 6, 8, 11])
    expect(kept.at(-1)!.record).toBe(torn)
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).toBe([lines[0], lines[1], lines[6], lines[8], lines[9]].map((l) => `${l}\n`).join(''))

    // The next start is clean, loses nothing, and a new post continues the ids.
    const again = new LocalPortal({ dataDir: dir })
    expect(again.journalSkipped).toEqual([])
    expect(textsFrom(again, n)).toEqual(textsFrom(portal, n))
    expect(again.store.nextMessageId).toBe(n + 4)
  }, 30_000)

  it('a torn last line ends the file without its newline: the next record is not glued to it', async () => {
    const first = await startTestPortal()
    const id = (await first.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'before the crash' })).body.result as number
    await first.close()
    const file = join(first.dataDir, 'journal.jsonl')
    writeFileSync(file, readFileSync(file, 'utf8') + '{"op":"message","id":')

    const second = await withStderr(() => startTestPortal({ dataDir: first.dataDir })).value
    const after = (await second.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'after the crash' })).body.result as number
    await second.close()

    const third = await startTestPortal({ dataDir: first.dataDir })
    const texts = (await third.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 2 })).body.result.messages.map(
      (m: { id: number; text: string }) => [m.id, m.text],
    )
    expect(texts).toEqual([
      [after, 'after the crash'],
      [id, 'before the crash'],
    ])
    await third.close()
    expect(existsSync(join(first.dataDir, 'journal.skipped.jsonl'))).toBe(true)
  }, 30_000)
})
