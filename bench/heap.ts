import type { Frame, Page } from '@playwright/test'

/**
 * The framed page's JS heap after a full GC, in bytes. The app runs in its own renderer (another
 * site than the task card), so the CDP session must be the frame's; a same-process frame falls back
 * to the page's session, which then also counts the task card.
 */
export async function heapAfterGc(page: Page, frame: Frame): Promise<number> {
  let session
  try {
    session = await page.context().newCDPSession(frame)
  } catch {
    session = await page.context().newCDPSession(page)
  }
  try {
    await session.send('HeapProfiler.collectGarbage')
    const usage = await session.send('Runtime.getHeapUsage')
    return usage.usedSize
  } finally {
    await session.detach()
  }
}
