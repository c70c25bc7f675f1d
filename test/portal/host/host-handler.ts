import { buildSync } from 'esbuild'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { startLoginSession } from '../login-sessions'
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

interface HostPage {
  file: string
  placement: string
  taskId?: number
  options?: Record<string, string>
  install?: boolean
  heading(portal: Portal): string
}

/** Which portal page a path is: a task card, the install page, or a message menu in the messenger. */
function pageFor(url: URL): HostPage | null {
  if (url.pathname === '/install') {
    return { file: 'install.html', placement: 'DEFAULT', install: true, heading: () => 'Applications · Task Chat · Installation' }
  }
  const im = /^\/im\/([a-z]*\d+)\/(\d+)\/?$/.exec(url.pathname)
  if (im) {
    const [, dialogId, messageId] = im as unknown as [string, string, string]
    return {
      file: 'context-menu.html',
      placement: 'IM_CONTEXT_MENU',
      options: { messageId, dialogId, URI: '/online/' },
      heading: () => `Messenger · ${dialogId} · message ${messageId}`,
    }
  }
  const task = url.pathname === '/' ? String(DEMO_TASK) : /^\/task\/(\d+)\/?$/.exec(url.pathname)?.[1]
  if (!task) return null
  const taskId = positiveInt(task, DEMO_TASK)
  return { file: 'index.html', placement: 'TASK_VIEW_TAB', taskId, heading: (portal) => portal.getTask(taskId)?.title ?? `Task #${taskId}` }
}

/**
 * The portal's pages: `GET /` is the demo task card; `GET /install` the app's first run (install
 * page, as an admin unless `user=`); `GET /im/chat<ID>/<messageId>` "Make task result" chosen on a
 * message in the messenger (IM_CONTEXT_MENU); `GET /task/<id>?user=&lang=&placement=&options=`
 * opens any task as any user (options overrides PLACEMENT_OPTIONS as sent, e.g. `options=` for '').
 */
export function createHostHandler(portal: Portal, appUrl: string): HostHandler {
  return (req, url): HostResponse | null => {
    if (req.method !== 'GET') return null
    if (url.pathname === '/__host/host.js') {
      return { status: 200, headers: { 'Content-Type': 'text/javascript; charset=utf-8' }, body: hostScript() }
    }
    const page = pageFor(url)
    if (!page) return null
    const card: CardRequest = {
      taskId: page.taskId ?? DEMO_TASK,
      userId: positiveInt(url.searchParams.get('user'), DEFAULT_USER),
      lang: (url.searchParams.get('lang') ?? 'en').toLowerCase(),
      placement: url.searchParams.get('placement') ?? page.placement,
      rawOptions: url.searchParams.has('options') ? url.searchParams.get('options')! : undefined,
      options: page.options,
      install: page.install,
    }
    const initData = buildInitData(portal, url.host, card)
    const appSid = randomBytes(12).toString('hex')
    const html = renderTaskCard({
      heading: page.heading(portal),
      user: portal.getUser(card.userId),
      installed: url.searchParams.get('install_finished') === 'Y',
      config: { appUrl: new URL(page.file, appUrl).href, appSid, userId: card.userId, initData },
    })
    // Opening a portal page is being logged in to the portal: its session cookie opens the file pages (login-sessions.ts).
    const cookie = startLoginSession(card.userId)
    return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Set-Cookie': cookie }, body: html }
  }
}
