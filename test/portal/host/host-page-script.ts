// Runs in the browser on the portal's origin: frames the app the way Bitrix24 does and answers
// its postMessage protocol. Bundled by the portal server at start (see host-handler.ts).
import { createParent, type InitData, type RefreshedAuth } from './parent-protocol'

interface HostConfig {
  appUrl: string
  appSid: string
  userId: number
  initData: InitData
}

const config = JSON.parse(document.getElementById('host-config')!.textContent!) as HostConfig
const appOrigin = new URL(config.appUrl).origin
const optionsKey = (scope: string) => `host:${scope}-options:${config.userId}`

function loadOptions(scope: string): Record<string, unknown> | [] {
  const stored = localStorage.getItem(optionsKey(scope))
  return stored ? (JSON.parse(stored) as Record<string, unknown>) : []
}

config.initData.USER_OPTIONS = loadOptions('user')
config.initData.APP_OPTIONS = loadOptions('app')

const frame = document.createElement('iframe')
// The SDK reads DOMAIN|PROTOCOL|APP_SID from window.name; the query mirrors what a portal sends.
frame.name = `${config.initData.DOMAIN}|0|${config.appSid}`
frame.title = 'Task chat'
frame.allow = 'clipboard-write'
const src = new URL(config.appUrl)
src.searchParams.set('DOMAIN', config.initData.DOMAIN)
src.searchParams.set('PROTOCOL', '0')
src.searchParams.set('LANG', config.initData.LANG)
src.searchParams.set('APP_SID', config.appSid)
frame.src = src.toString()
document.getElementById('app-slot')!.append(frame)

const parent = createParent({
  appSid: config.appSid,
  initData: config.initData,
  answer: (text) => frame.contentWindow?.postMessage(text, appOrigin),
  async refresh(refreshId): Promise<RefreshedAuth | null> {
    const response = await fetch('/__portal/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshId }),
    })
    if (!response.ok) {
      console.error('refreshAuth refused by the portal')
      return null
    }
    const t = (await response.json()) as { AUTH_ID: string; REFRESH_ID: string; AUTH_EXPIRES: number }
    return { AUTH_ID: t.AUTH_ID, REFRESH_ID: t.REFRESH_ID, AUTH_EXPIRES: String(t.AUTH_EXPIRES) }
  },
  resize(width, height) {
    if (height > 0) frame.style.height = `${height}px`
    if (typeof width === 'number') frame.style.width = `${width}px`
    return { width: frame.clientWidth, height: frame.clientHeight }
  },
  saveOption(scope, name, value) {
    const current = loadOptions(scope)
    const next = Array.isArray(current) ? {} : current
    localStorage.setItem(optionsKey(scope), JSON.stringify({ ...next, [name]: value }))
  },
  installFinish() {
    // As applayout.js: mark the app installed on the portal, then reload the portal page.
    void fetch('/__portal/install', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ installed: true }) }).then(() => {
      const url = new URL(location.href)
      url.searchParams.set('install_finished', 'Y')
      location.href = url.toString()
    })
  },
  log: (command) => (document.documentElement.dataset['lastCommand'] = command),
})

window.addEventListener('message', (event) => {
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return
  parent.receive(event.data)
})
