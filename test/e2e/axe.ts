import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Frame, Page } from '@playwright/test'
import { APP } from '../../playwright.config'

// axe-core runs INSIDE the app's frame: run from the host page it would only see an iframe. It goes
// in as an init script because the app's CSP (script-src 'self') rightly refuses an inline tag.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

function appFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(APP))
  if (!frame) throw new Error(`no frame from ${APP}`)
  return frame
}

/** Every violation of axe's default rules in the app, one line per failing node, so a failure says what to fix. */
export async function violations(page: Page): Promise<string[]> {
  const found = await appFrame(page).evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe
    // axe waits on timers of its own: under Playwright's clock held still (holdClock) the page's
    // would never fire, so it runs on the browser's own, which the clock keeps as its builtins.
    type Timers = Pick<Window, 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval' | 'requestAnimationFrame' | 'cancelAnimationFrame'>
    const builtins = (window as unknown as { __pwClock?: { builtins: Timers } }).__pwClock?.builtins
    const names = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame'] as const
    const pageTimers = Object.fromEntries(names.map((name) => [name, window[name]]))
    if (builtins) for (const name of names) Object.assign(window, { [name]: builtins[name] })
    try {
      const { violations } = await axe.run(document)
      return violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }))
    } finally {
      Object.assign(window, pageTimers)
    }
  })
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`))
}

/** For `page.addInitScript`: axe in the app's frame only. */
export const axeInitScript = { content: `if (location.href.startsWith(${JSON.stringify(APP)})) {${axeSource}\n}` }
