import type { CDPSession, Page } from '@playwright/test'
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
  await (session as CDPSession).send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false })
}
