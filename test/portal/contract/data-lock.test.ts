/**
 * One local portal per data folder (#24: two `npm start` on one `.portal-data` handed out the same
 * message ids). The lock (data-lock.ts) is made with O_EXCL; a lock whose process is gone, or whose
 * pid now belongs to another process, is stale and taken over; a refused lock changes nothing.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE, lockDataFolder, type DataLock } from '../data-lock.ts'
import { freshDataDir } from './helpers.ts'

const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; token: string; portal?: string }

function held(dir: string): DataLock {
  const outcome = lockDataFolder(dir)
  if (!outcome.ok) throw new Error(`${dir} refused`)
  return outcome.lock
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

describe('data folder lock', () => {
  it('refuses a second lock on a folder in use, naming its holder, and changes nothing; after release it is free', () => {
    const dir = freshDataDir()
    const lock = held(dir)
    lock.describe({ portal: 'http://127.0.0.1:8080/', app: 'http://localhost:5173/' })
    const before = readFileSync(join(dir, LOCK_FILE), 'utf8')
    const second = lockDataFolder(dir)
    expect(second.ok).toBe(false)
    expect(second.ok ? null : second.holder).toMatchObject({ pid: process.pid, portal: 'http://127.0.0.1:8080/', app: 'http://localhost:5173/' })
    expect([readdirSync(dir), readFileSync(join(dir, LOCK_FILE), 'utf8')]).toEqual([[LOCK_FILE], before])
    lock.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    held(dir).release()
  })

  it('takes over the lock of a process that has ended (killed, crashed)', { timeout: 30_000 }, () => {
    const dir = freshDataDir()
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), procStart: null, token: 'left-by-a-crash', since: '' }))
    const lock = held(dir)
    expect(lockOf(dir)).toMatchObject({ pid: process.pid })
    expect(lockOf(dir).token).not.toBe('left-by-a-crash')
    expect(readdirSync(dir)).toEqual([LOCK_FILE])
    lock.release()
  })

  it.runIf(existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to another process (started at another time)', () => {
    const dir = freshDataDir()
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, procStart: '1', token: 'before-a-reboot', since: '' }))
    held(dir).release()
  })

  it('takes a lock being written (empty for a moment) for held, and takes over one left empty by a crash', () => {
    const dir = freshDataDir()
    writeFileSync(join(dir, LOCK_FILE), '')
    // Just made, however slow the machine: its time is not yet past.
    const soon = new Date(Date.now() + 60_000)
    utimesSync(join(dir, LOCK_FILE), soon, soon)
    expect(lockDataFolder(dir)).toEqual({ ok: false, holder: null })
    const minuteAgo = new Date(Date.now() - 60_000)
    utimesSync(join(dir, LOCK_FILE), minuteAgo, minuteAgo)
    held(dir).release()
  })

  it('a release never removes a lock another start has taken since', () => {
    const dir = freshDataDir()
    const lock = held(dir)
    const theirs = JSON.stringify({ pid: process.pid, procStart: null, token: 'theirs', since: '' })
    writeFileSync(join(dir, LOCK_FILE), theirs)
    lock.release()
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(theirs)
  })
})
