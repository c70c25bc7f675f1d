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
    const { violations } = await axe.run(document)
    return violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }))
  })
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`))
}

/** For `page.addInitScript`: axe in the app's frame only. */
export const axeInitScript = { content: `if (location.href.startsWith(${JSON.stringify(APP)})) {${axeSource}\n}` }
