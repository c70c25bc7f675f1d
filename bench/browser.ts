import { chromium, type Browser, type BrowserContext, type Frame, type Page } from '@playwright/test'
import { CHROMIUM, VIEWPORT } from './config'
import type { Probe } from './in-frame/probe-api'
import { probeSource } from './in-frame/probe-source'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM)
}

/** One REST request as the browser sent it, on node's clock (for rates; the frame's clock is for waves). */
export interface RestRequest {
  at: number
  method: string
  /**
   * The live poll: the newest page of every chat shown in the browser, in one batch. Timed, not
   * caused by scrolling.
   */
  poll: boolean
  /**
   * The re-read of the window on screen when it is not in the newest page: what follows a message
   * (get with FIRST_ID, or search ORDER ASC). Timed at the quiet cadence too, not caused by scrolling.
   */
  reread: boolean
  status?: number
  /** The answer has been read to its end, or the request failed: resource timing has it by now. */
  done?: boolean
}

export interface BenchPage {
  page: Page
  /** Every /rest/ request the framed page made since the page opened. */
  requests: RestRequest[]
  /** The framed page (app or floor), once the task card has attached it. */
  frame(): Promise<Frame>
  /** Runs `read` in the framed page against its probe; `arg` must be JSON. */
  probe<T, A = undefined>(read: (probe: Probe, arg: A) => T | Promise<T>, arg?: A): Promise<T>
  close(): Promise<void>
}

/**
 * A fresh context (cold HTTP cache, fresh token and SDK state) with the in-frame probe installed
 * before any script runs. Pages of one context share storage, Web Locks and BroadcastChannel, as
 * two tabs of one browser profile do.
 */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  // The app's pages forbid eval (script-src 'self'); the bench's probes are evaluated by Playwright, not by the app.
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true })
  await context.addInitScript({ content: probeSource() })
  return context
}

/** A page in a fresh context of its own, with a log of the framed page's REST requests. */
export async function openBenchPage(browser: Browser, framedOrigin: string, portalOrigin: string): Promise<BenchPage> {
  const context = await newBenchContext(browser)
  const bench = await openPageIn(context, framedOrigin, portalOrigin)
  return { ...bench, close: () => context.close() }
}

/** Another page (tab) in `context`; closing it leaves the context open. */
export async function openPageIn(context: BrowserContext, framedOrigin: string, portalOrigin: string): Promise<BenchPage> {
  const page = await context.newPage()
  const requests: RestRequest[] = []
  const byRequest = new Map<object, RestRequest>()
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin !== portalOrigin || !url.pathname.startsWith('/rest/') || request.method() === 'OPTIONS') return
    const method = url.pathname.slice('/rest/'.length).replace(/\.json$/, '')
    // The live poll: one batch a cycle, a row `live_<chatId>` per shown chat (src/chat/conversation/live-read.ts).
    const body = decodeURIComponent(request.postData() ?? url.search)
    const poll = method === 'batch' && /live_\d+/.test(body)
    // Paging back asks with LAST_ID (get) or ORDER DESC (search); only the window re-read reads forward while paging back.
    const reread = (method === 'im.dialog.messages.get' && /FIRST_ID/.test(body)) || (method === 'im.dialog.messages.search' && /"ASC"|=ASC/.test(body))
    const entry = { at: Date.now(), method, poll, reread }
    requests.push(entry)
    byRequest.set(request, entry)
  })
  page.on('response', (response) => {
    const entry = byRequest.get(response.request())
    if (entry) entry.status = response.status()
  })
  const finished = (request: object) => {
    const entry = byRequest.get(request)
    if (entry) entry.done = true
  }
  page.on('requestfinished', finished)
  page.on('requestfailed', finished)

  const frame = async (): Promise<Frame> => {
    for (let i = 0; i < 300; i++) {
      const found = page.frames().find((f) => f.url().startsWith(framedOrigin))
      if (found) {
        await found.waitForFunction('"__bench" in window')
        return found
      }
      await page.waitForTimeout(50)
    }
    throw new Error(`no frame from ${framedOrigin} in the task card`)
  }
  // As source text: tsx would compile a function argument with helpers the browser lacks.
  async function probe<T, A = undefined>(read: (probe: Probe, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const f = await frame()
    return (await f.evaluate(`(${read.toString()})(window.__bench, ${JSON.stringify(arg ?? null)})`)) as T
  }
  return { page, requests, frame, probe, close: () => page.close() }
}
