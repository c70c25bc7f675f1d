import type { Page } from '@playwright/test'
import type { RestEntry } from './in-frame/probe-api'
import { SLOW_LINK } from './config'

interface AttachedToTarget {
  sessionId: string
  targetInfo: { type: string; url: string }
  waitingForDebugger: boolean
}

/**
 * Chromium's network emulation (CDP Network.emulateNetworkConditions, config.ts SLOW_LINK) for a
 * page and every frame it will have, before it navigates.
 *
 * The page's own session throttles only what its renderer asks for: the task card frames the app
 * from another site, which Chromium puts in a process (a target) of its own, and its scripts came
 * in unthrottled (60 ms for what takes 800 at 1.6 Mbit/s). So the page's session also attaches to
 * every child target as it starts, paused (waitForDebuggerOnStart), throttles it and lets it run.
 * Playwright's own session is flattened; this one talks to its children through
 * Target.sendMessageToTarget, which Playwright's CDPSession can send.
 */
export async function emulateSlowLink(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page)
  await session.send('Network.enable')
  await session.send('Network.emulateNetworkConditions', { ...SLOW_LINK })
  let id = 0
  const toChild = (sessionId: string, method: string, params: object = {}) =>
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) })
  session.on('Target.attachedToTarget', (event: AttachedToTarget) => {
    void (async () => {
      await toChild(event.sessionId, 'Network.enable')
      await toChild(event.sessionId, 'Network.emulateNetworkConditions', { ...SLOW_LINK })
      if (event.waitingForDebugger) await toChild(event.sessionId, 'Runtime.runIfWaitingForDebugger')
    })().catch(() => {})
  })
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false })
}

/**
 * The framed page's largest script must have taken at least most of the time its bytes take at the
 * emulated throughput; if not, the emulation did not reach the frame (a Chromium that attaches
 * frames differently) and the slow-link figure would time a fast link.
 */
export function assertThrottled(scripts: RestEntry[]): void {
  const largest = [...scripts].sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0))[0]
  if (!largest?.bytes) return
  const floorMs = (largest.bytes / SLOW_LINK.downloadThroughput) * 1000 * 0.8
  if (largest.end - largest.start < floorMs) {
    throw new Error(
      `slow link not applied to the frame: ${largest.url} (${largest.bytes} bytes) came in ${Math.round(largest.end - largest.start)} ms, under ${Math.round(floorMs)}`,
    )
  }
}
