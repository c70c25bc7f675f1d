import { buildSync } from 'esbuild'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { Portal } from '../portal'
import type { HostHandler, HostResponse } from '../server'
import { buildInitData, type CardRequest } from './init-data'
import { renderTaskCard } from './task-card-html'

const DEMO_TASK = 1
const DEFAULT_USER = 1

let script: string | undefined

/** The host page's script, bundled once from TypeScript (test tooling only, never shipped). */
function hostScript(): string {
  script ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./host-page-script.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
  }).outputFiles[0]!.text
  return script
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : fallback
}

/**
 * The portal's pages: `GET /` is the demo task card; `GET /task/<id>?user=&lang=&placement=&options=`
 * opens any task as any user (options overrides PLACEMENT_OPTIONS as sent, e.g. `options=` for '').
 */
export function createHostHandler(portal: Portal, appUrl: string): HostHandler {
  return (req, url): HostResponse | null => {
    if (req.method !== 'GET') return null
    if (url.pathname === '/__host/host.js') {
      return { status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' }, body: hostScript() }
    }
    const match = url.pathname === '/' ? ['', String(DEMO_TASK)] : /^\/task\/(\d+)\/?$/.exec(url.pathname)
    if (!match) return null
    const card: CardRequest = {
      taskId: positiveInt(match[1]!, DEMO_TASK),
      userId: positiveInt(url.searchParams.get('user'), DEFAULT_USER),
      lang: (url.searchParams.get('lang') ?? 'en').toLowerCase(),
      placement: url.searchParams.get('placement') ?? 'TASK_VIEW_TAB',
      rawOptions: url.searchParams.has('options') ? url.searchParams.get('options')! : undefined,
    }
    const initData = buildInitData(portal, url.host, card)
    const appSid = randomBytes(12).toString('hex')
    const html = renderTaskCard({
      task: portal.getTask(card.taskId),
      taskId: card.taskId,
      user: portal.getUser(card.userId),
      config: { appUrl, appSid, userId: card.userId, initData },
    })
    return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body: html }
  }
}
