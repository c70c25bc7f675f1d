/**
 * `npm start` (test/portal/start.ts) twice on one data folder, then a crash and a restart (#24, "Tests
 * that must exist": two instances on one folder, then a restart, start cleanly and lose nothing). Each
 * start is a process of its own, as a user's terminals are; the app is a one-page build so no Vite runs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../data-lock.ts'
import { freshDataDir } from './helpers.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const DIST = mkdtempSync(join(tmpdir(), 'portal-start-dist-'))
writeFileSync(join(DIST, 'index.html'), '<!doctype html><title>app</title>')

interface Run {
  child: ChildProcess
  /** The portal's origin once it printed its banner; undefined when it exited first. */
  origin?: string
  code?: number | null
  stdout: string
  stderr: string
  exited: Promise<number | null>
}

const children: ChildProcess[] = []
// A failed assertion must not leave a portal running.
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

function launch(dataDir: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/portal/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', APP_PORT: '0', APP_MODE: 'dist', APP_DIST: DIST, PORTAL_DATA: dataDir },
  })
  const run: Run = { child, stdout: '', stderr: '', exited: new Promise((done) => child.once('exit', (code) => done(code))) }
  children.push(child)
  child.stderr!.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()))
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString()
      const banner = /Demo task card: (http:\/\/[^/\s]+)\//.exec(run.stdout)
      if (banner && run.origin === undefined) resolve({ ...run, origin: banner[1] })
    })
    void run.exited.then((code) => resolve({ ...run, code, stderr: run.stderr }))
  })
}

async function call(origin: string, method: string, params: Record<string, unknown>): Promise<unknown> {
  const token = (await (await fetch(`${origin}/__portal/token`, { method: 'POST', body: JSON.stringify({ userId: 1 }) })).json()) as { AUTH_ID: string }
  const answer = await fetch(`${origin}/rest/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...params, auth: token.AUTH_ID }),
  })
  return ((await answer.json()) as { result: unknown }).result
}

const post = (origin: string, text: string) => call(origin, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }) as Promise<number>
const newest = async (origin: string, count: number) =>
  ((await call(origin, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: count })) as { messages: { id: number; text: string }[] }).messages.map(
    (m) => [m.id, m.text],
  )

/** Every file in the folder with its size, time and content. */
function snapshot(dir: string): string[] {
  const files = (readdirSync(dir, { recursive: true }) as string[]).map((name) => join(dir, name)).filter((path) => statSync(path).isFile())
  return files.map((path) => `${relative(dir, path)} ${statSync(path).mtimeMs} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`).sort()
}

describe('npm start: one portal per data folder', () => {
  it('refuses a second start on a folder in use, then starts cleanly after a crash and loses nothing', async () => {
    const dataDir = freshDataDir()
    const a = await launch(dataDir)
    expect(a.origin, a.stderr).toBeDefined()
    const first = await post(a.origin!, 'before the second start')
    const before = snapshot(dataDir)

    const b = await launch(dataDir)
    expect(b.code).toBe(1)
    expect(b.origin).toBeUndefined()
    expect(b.stderr).toContain(`the data folder ${dataDir} is in use by another local portal (pid ${a.child.pid}`)
    expect(b.stderr).toContain(`portal ${a.origin}/`)
    expect(b.stderr).toContain('PORTAL_DATA=.portal-data/another PORT=0 APP_PORT=0 npm start')
    expect(snapshot(dataDir)).toEqual(before)

    const second = await post(a.origin!, 'after the second start')
    // A crash: nothing is cleaned up, the lock stays behind.
    a.child.kill('SIGKILL')
    await a.exited
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true)

    const c = await launch(dataDir)
    expect(c.origin, c.stderr).toBeDefined()
    expect(c.stderr).not.toContain('[portal]')
    expect(await newest(c.origin!, 2)).toEqual([
      [second, 'after the second start'],
      [first, 'before the second start'],
    ])
    expect(await post(c.origin!, 'after the restart')).toBe(second + 1)
    c.child.kill('SIGTERM')
    expect(await c.exited).toBe(0)
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false)
  }, 90_000)
})
