import { expect, test } from '@playwright/test'
import { gateOlderPages, taskCard } from './feed-page'
import { resetPortal } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

test('scrolling back through more than 1,000 messages loads older pages with the view held still', async ({ page }) => {
  // Each older page is held until the test has noted what is on screen while it is on its way.
  const gate = await gateOlderPages(page)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  let loadedOlder = 0
  // Each round must load a page (grown > 0), so this ends after a handful of pages.
  while (loadedOlder < 1_000) {
    gate.close()
    await card.scrollToTop()
    await gate.requested()
    await expect(card.feed).toHaveAttribute('aria-busy', 'true')
    await card.settled()
    const anchor = (await card.firstVisible())!
    await gate.release()
    await expect(card.feed).toHaveAttribute('aria-busy', 'false')
    // The message that was at the top is still exactly where it was, now with older ones above it.
    await expect.poll(() => card.offsetOf(anchor.id)).toBeCloseTo(anchor.offset, 0)
    const grown = (await card.positionOf(anchor.id)) - anchor.pos
    expect(grown).toBeGreaterThan(0)
    loadedOlder += grown
  }
  // Rendered nodes stay bounded however much history is loaded.
  expect(await card.feed.getByRole('article').count()).toBeLessThan(60)
})

test('PageUp and PageDown move focus between messages', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const articles = card.feed.getByRole('article')
  const ids = await articles.evaluateAll((list) => list.slice(-3).map((a) => a.getAttribute('data-message-id')))
  await articles.last().focus()
  await page.keyboard.press('PageUp')
  await expect(card.app.locator('article:focus')).toHaveAttribute('data-message-id', ids[1]!)
  await page.keyboard.press('PageUp')
  await expect(card.app.locator('article:focus')).toHaveAttribute('data-message-id', ids[0]!)
  await page.keyboard.press('PageDown')
  await expect(card.app.locator('article:focus')).toHaveAttribute('data-message-id', ids[1]!)
})

test('on a portal without im.dialog.messages.search, older pages come from im.dialog.messages.get', async ({ page, request }) => {
  await resetPortal(request, { legacyIm: true, latencyMs: 300, methodFaults: [{ method: 'im.dialog.messages.search', error: 'ERROR_METHOD_NOT_FOUND' }] })
  const methods: string[] = []
  page.on('request', (r) => {
    const m = /\/rest\/([^?]+)/.exec(r.url())
    if (m && r.method() === 'POST') methods.push(m[1]!)
  })
  const gate = await gateOlderPages(page)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await card.scrollToTop()
  await gate.requested()
  await card.settled()
  const anchor = (await card.firstVisible())!
  await gate.release()
  await expect.poll(async () => (await card.positionOf(anchor.id)) - anchor.pos).toBe(50)
  expect(methods).toContain('im.dialog.messages.get')
  // The missing method was tried once, in the opening batch, and not again; tail never.
  expect(methods.filter((m) => m === 'im.dialog.messages.search' || m === 'im.v2.Chat.Message.tail')).toHaveLength(0)
})
