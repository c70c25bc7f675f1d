/**
 * The parent side of b24jssdk's frame protocol, as Bitrix24's applayout.js speaks it
 * (reference/b24jssdk-frame-and-transport.md §1). Pure logic: it is given what the app posted and
 * a way to answer, so the host page (a real iframe) and jsdom tests (one window) share it.
 */
export interface InitData {
  AUTH_ID: string
  REFRESH_ID: string
  AUTH_EXPIRES: string
  MEMBER_ID: string
  IS_ADMIN: boolean
  DOMAIN: string
  PROTOCOL: number
  PATH: string
  LANG: string
  PLACEMENT: string
  PLACEMENT_OPTIONS: unknown
  USER_OPTIONS: Record<string, unknown> | []
  APP_OPTIONS: Record<string, unknown> | []
  INSTALL: boolean
  FIRST_RUN: boolean
}

export interface RefreshedAuth {
  AUTH_ID: string
  AUTH_EXPIRES: string
  REFRESH_ID: string
}

interface ParentHooks {
  appSid: string
  initData: InitData
  /** Sends `text` to the app frame (postMessage to the app's origin). */
  answer(text: string): void
  /** Renews the token; null means the portal refused (the real parent then never answers). */
  refresh(refreshId: string): Promise<RefreshedAuth | null>
  resize?(width: number | string, height: number): { width: number; height: number }
  saveOption?(scope: 'user' | 'app', name: string, value: unknown): void
  installFinish?(): void
  /** Every command seen, for the page's debug log and for tests. */
  log?(command: string, params: unknown): void
}

// applayout.js denies these for every placement but DEFAULT: the app gets no answer at all.
const DENIED_OUTSIDE_DEFAULT = new Set(['setTitle', 'setScroll', 'reloadWindow'])
// Fire-and-forget on a real portal: never answered (the SDK settles them after 900 ms).
const NEVER_ANSWERED = new Set(['imCallTo', 'imPhoneTo', 'imOpenMessenger', 'imOpenHistory', 'reloadWindow'])

interface Parsed {
  command: string
  params: unknown
  callback: string
}

/** String form `cmd:params:cb:sid` (params may contain colons) or the object form for `a:b` commands. */
function parseAppMessage(data: unknown, appSid: string): Parsed | null {
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>
    if (o['appSid'] !== appSid || typeof o['method'] !== 'string' || typeof o['callback'] !== 'string') return null
    return { command: o['method'], params: o['params'] ?? '', callback: o['callback'] }
  }
  if (typeof data !== 'string') return null
  const parts = data.split(':')
  if (parts.length < 3 || parts[parts.length - 1] !== appSid) return null
  const raw = parts.slice(1, parts.length - 2).join(':')
  let params: unknown = ''
  if (raw) {
    try {
      params = JSON.parse(raw)
    } catch {
      params = raw // setValue sends a raw value
    }
  }
  return { command: parts[0]!, params, callback: parts[parts.length - 2]! }
}

export function createParent(hooks: ParentHooks) {
  let firstRun = hooks.initData.FIRST_RUN
  const reply = (callback: string, result: unknown) => hooks.answer(`${callback}:${result === undefined ? '' : JSON.stringify(result)}`)
  const paramsObject = (params: unknown) => (params && typeof params === 'object' ? (params as Record<string, unknown>) : {})

  async function handle({ command, params, callback }: Parsed): Promise<void> {
    hooks.log?.(command, params)
    if (NEVER_ANSWERED.has(command)) return
    if (hooks.initData.PLACEMENT !== 'DEFAULT' && DENIED_OUTSIDE_DEFAULT.has(command)) return
    const p = paramsObject(params)
    switch (command) {
      case 'getInitData':
        reply(callback, { ...hooks.initData, FIRST_RUN: firstRun })
        firstRun = false
        return
      case 'refreshAuth': {
        const renewed = await hooks.refresh(hooks.initData.REFRESH_ID)
        if (!renewed) return
        hooks.initData.AUTH_ID = renewed.AUTH_ID
        hooks.initData.REFRESH_ID = renewed.REFRESH_ID
        hooks.initData.AUTH_EXPIRES = renewed.AUTH_EXPIRES
        reply(callback, renewed)
        return
      }
      case 'setInstall':
      case 'setTitle':
      case 'setScroll':
        reply(callback, params)
        return
      case 'setInstallFinish':
        hooks.installFinish?.() // the real portal navigates away and never calls back
        return
      case 'resizeWindow': {
        const height = Number(p['height']) || 0
        const width = typeof p['width'] === 'number' ? p['width'] : String(p['width'] ?? '100%')
        reply(callback, hooks.resize ? hooks.resize(width, height) : { width: 0, height })
        return
      }
      case 'setUserOption':
      case 'setAppOption': {
        const scope = command === 'setUserOption' ? 'user' : 'app'
        if (scope === 'app' && !hooks.initData.IS_ADMIN) return // non-admins get silence
        hooks.saveOption?.(scope, String(p['name']), p['value'])
        reply(callback, params)
        return
      }
      case 'getInterface':
        reply(callback, { command: [...KNOWN_COMMANDS], event: [] })
        return
      default:
        return // unknown commands and placementBindEvent: no immediate answer
    }
  }

  return {
    /** Feed it whatever the app posted; foreign or malformed messages are ignored, as on a portal. */
    receive(data: unknown): void {
      const parsed = parseAppMessage(data, hooks.appSid)
      if (parsed) void handle(parsed)
    },
  }
}

const KNOWN_COMMANDS = [
  'getInitData',
  'refreshAuth',
  'setInstall',
  'setInstallFinish',
  'resizeWindow',
  'setTitle',
  'setScroll',
  'reloadWindow',
  'setUserOption',
  'setAppOption',
  'getInterface',
  'selectUser',
  'selectAccess',
  'selectCRM',
  'openApplication',
  'closeApplication',
  'openPath',
  'imCallTo',
  'imPhoneTo',
  'imOpenMessenger',
  'imOpenHistory',
]
