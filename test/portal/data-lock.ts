/**
 * One local portal per data folder. Two portals on one folder both continue the journal from the same
 * ids, their lines interleave, and the next start met "message 107553 is not newer than 107556" (#24).
 * The lock is `portal.lock` in the folder, created with O_EXCL so only one start can make it, holding
 * who made it. A lock whose process is gone (killed, crashed, the machine restarted) is stale: the
 * next start takes it over. A refused start changes nothing in the folder.
 */
import { randomUUID } from 'node:crypto'
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE = 'portal.lock'

export interface LockHolder {
  pid: number
  /** The process's start time from /proc (Linux), so a pid given to another process since is not taken for it. */
  procStart: string | null
  token: string
  /** ISO time the lock was taken. */
  since: string
  portal?: string
  app?: string
}

export interface DataLock {
  /** Records where the holder's portal and app answer, for the message a refused start shows. */
  describe(about: { portal?: string; app?: string }): void
  release(): void
}

export type LockOutcome = { ok: true; lock: DataLock } | { ok: false; holder: LockHolder | null }

/** A lock just created may be read before its first write: empty or unreadable that long, it is someone starting. */
const WRITING_GRACE_MS = 2000

function procStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // starttime is field 22; the fields after the command's closing parenthesis start at field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

function isRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    // EPERM: it exists, as another user's process.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const now = holder.procStart === null ? null : procStart(holder.pid)
  return now === null || now === holder.procStart
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>
    if (typeof value.pid !== 'number' || typeof value.token !== 'string') return null
    return { procStart: null, since: '', ...value } as LockHolder
  } catch {
    return null
  }
}

type Seen = { state: 'gone' } | { state: 'held'; holder: LockHolder | null } | { state: 'stale'; text: string }

function inspect(file: string): Seen {
  let text: string
  let age: number
  try {
    age = Date.now() - statSync(file).mtimeMs
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone' }
    throw error
  }
  const holder = parseHolder(text)
  if (holder) return isRunning(holder) ? { state: 'held', holder } : { state: 'stale', text }
  return age < WRITING_GRACE_MS ? { state: 'held', holder: null } : { state: 'stale', text }
}

/**
 * Moves a stale lock aside. Another start may have taken it over and made a fresh one in between:
 * what was moved is compared with what was judged stale, and a fresh lock is put back.
 */
function takeOver(file: string, staleText: string, token: string): void {
  const aside = `${file}.stale-${token}`
  try {
    renameSync(file, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleText) linkSync(aside, file)
  } catch {
    // The place was taken again meanwhile: that lock stands, and the next attempt reads it.
  } finally {
    unlinkSync(aside)
  }
}

export function lockDataFolder(dir: string): LockOutcome {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, LOCK_FILE)
  const mine: LockHolder = { pid: process.pid, procStart: procStart(process.pid), token: randomUUID(), since: new Date().toISOString() }
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      try {
        writeSync(fd, JSON.stringify(mine) + '\n')
      } finally {
        closeSync(fd)
      }
      return { ok: true, lock: heldLock(file, mine) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const seen = inspect(file)
    if (seen.state === 'held') return { ok: false, holder: seen.holder }
    if (seen.state === 'stale') takeOver(file, seen.text, mine.token)
  }
  return { ok: false, holder: null }
}

function heldLock(file: string, mine: LockHolder): DataLock {
  const stillMine = (): boolean => {
    try {
      return parseHolder(readFileSync(file, 'utf8'))?.token === mine.token
    } catch {
      return false
    }
  }
  let released = false
  return {
    describe(about) {
      if (released || !stillMine()) return
      Object.assign(mine, about)
      // Written beside and renamed over: a reader sees the old lock or the new, never half of one.
      const next = `${file}.${mine.token}`
      writeFileSync(next, JSON.stringify(mine) + '\n')
      renameSync(next, file)
    },
    release() {
      if (released) return
      released = true
      if (stillMine()) unlinkSync(file)
    },
  }
}
