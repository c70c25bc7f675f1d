import { expect, test, type Page } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { gateOlderPages, nextPollOnClock, taskCard } from './feed-page'
import { resetPortal, rest } from './portal'

// What a reader would hit in the feed: the "new messages" count, the newest message under the composer, and the
// feed as one Tab stop with the WAI-ARIA feed keys.
test.beforeEach(async ({ request }) => resetPortal(request))

const post = (request: Parameters<typeof rest>[0], text: string, userId = 2) =>
  rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, userId)

/** The newest article ends above the composer and inside the feed's scroller (to a pixel: layout is fractional, scrolling whole). */
async function expectNewestAboveComposer(page: Page) {
  const card = taskCard(page)
  const newest = card.feed.getByRole('article').last()
  const composer = card.app.getByRole('textbox', { name: 'Message' })
  await expect.poll(() => card.distanceFromEnd(), { message: 'the feed is at its end' }).toBeLessThanOrEqual(1)
  const hidden = () =>
    card.scroller.evaluate((el) => [...el.querySelectorAll('article')].at(-1)!.getBoundingClientRect().bottom - el.getBoundingClientRect().bottom)
  await expect.poll(hidden, { message: 'px of the newest message below the feed' }).toBeLessThanOrEqual(1)
  const [message, box] = [await newest.boundingBox(), await composer.boundingBox()]
  expect(message!.y + message!.height).toBeLessThanOrEqual(box!.y + 1)
}

test('older pages loaded above an unsent message are not counted as new; a colleague’s message is', async ({ page, request }) => {
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await page.route(`${PORTAL}/rest/im.message.add**`, (route) => route.abort('connectionreset'))
  const text = `Stuck in the outbox ${Date.now()}`
  await card.app.getByRole('textbox', { name: 'Message' }).fill(text)
  await card.app.getByRole('button', { name: 'Send' }).click()
  await expect(card.feed.getByRole('article').filter({ hasText: text }).getByRole('button', { name: 'Retry' })).toHaveCount(1)
  await card.loadOlder()
  await card.loadOlder()
  const jump = card.app.getByRole('button', { name: 'Jump to latest' })
  await expect(jump).toBeVisible()
  await expect(jump).toHaveAccessibleName('Jump to latest')
  await expect(card.app.getByText(/new message/)).toHaveCount(0)
  await post(request, `Arrived while reading ${Date.now()}`)
  await nextPollOnClock(page)
  // The name holds the count it shows (WCAG 2.5.3).
  await expect(jump).toHaveAccessibleName('Jump to latest, 1 new message')
  await expect(jump).toHaveText(/1 new message/)
})

test('the newest message stays in view above the composer as it grows to six lines', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const box = card.app.getByRole('textbox', { name: 'Message' })
  await box.click()
  const height = (await box.boundingBox())!.height
  await box.pressSequentially('line 1')
  for (let line = 2; line <= 6; line++) {
    await box.press('Shift+Enter')
    await box.pressSequentially(`line ${line}`)
  }
  await expect.poll(async () => (await box.boundingBox())!.height).toBeGreaterThan(height * 3)
  await expectNewestAboveComposer(page)
})

test('in a 360 px wide card the feed opens at its end, with nothing wider than the frame', async ({ page }) => {
  // Tall enough for the whole card: the frame is 640 px high, here 312 px wide (narrower than 360).
  await page.setViewportSize({ width: 360, height: 1_000 })
  await page.goto('/task/1')
  const card = taskCard(page)
  await card.ready()
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeVisible()
  expect((await page.locator('iframe[title="Task chat"]').boundingBox())!.width).toBeLessThanOrEqual(360)
  await expectNewestAboveComposer(page)
  expect(await card.app.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0)
  await card.app.getByRole('textbox', { name: 'Message' }).fill('one\ntwo\nthree\nfour\nfive\nsix')
  await expectNewestAboveComposer(page)
})

test('from the toolbar the feed is one Tab stop, in view, and the composer comes next', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const toggle = card.app.getByRole('switch', { name: 'Show system messages' })
  const composer = card.app.getByRole('textbox', { name: 'Message' })
  // No control inside a message is a Tab stop until the reader enters the message.
  await expect(card.feed.locator('a[href], button').and(card.feed.locator(':not([tabindex="-1"])'))).toHaveCount(0)
  await expect(card.feed.locator('article[tabindex="0"]')).toHaveCount(1)

  for (const away of [0, -900]) {
    if (away) await card.scrollBy(away)
    await card.settled()
    const before = (await card.firstVisible())!
    await toggle.focus()
    await page.keyboard.press('Tab')
    const focused = card.app.locator('article:focus')
    await expect(focused).toBeInViewport({ ratio: 0.99 })
    await card.frames()
    // The reader is where they were: the same message at the same place, still at the end if there.
    expect(await card.offsetOf(before.id)).toBeCloseTo(before.offset, -1)
    if (!away) expect(await card.distanceFromEnd()).toBeLessThanOrEqual(1)
    // Then "Jump to latest" when away from the end, then the composer: at most 3 presses in all.
    let presses = 1
    while (presses < 3 && !(await composer.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab')
      presses++
    }
    await expect(composer).toBeFocused()
  }
})

test('arrows, PageUp/PageDown and Home/End move between messages; Enter enters its actions, Escape leaves', async ({ page, request }) => {
  const newestText = `Newest for the keyboard ${Date.now()}`
  const newestId = await post(request, newestText)
  const gate = await gateOlderPages(page)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const focused = card.app.locator('article:focus')
  await card.app.getByRole('switch', { name: 'Show system messages' }).focus()
  await page.keyboard.press('Tab')
  await expect(focused).toHaveAttribute('data-message-id', String(newestId))
  const keys = await card.feed.getByRole('article').evaluateAll((list) => list.slice(-3).map((a) => a.getAttribute('data-key')))
  await page.keyboard.press('ArrowUp')
  await expect(focused).toHaveAttribute('data-key', keys[1]!)
  await page.keyboard.press('PageUp')
  await expect(focused).toHaveAttribute('data-key', keys[0]!)
  await page.keyboard.press('ArrowDown')
  await expect(focused).toHaveAttribute('data-key', keys[1]!)
  await page.keyboard.press('PageDown')
  await expect(focused).toHaveAttribute('data-key', keys[2]!)
  // Older pages are held, so the first loaded message stays the first while Home goes there.
  await page.keyboard.press('Home')
  await expect(focused).toHaveAttribute('aria-posinset', '1')
  await expect(focused).toBeInViewport()
  await page.keyboard.press('End')
  await expect(focused).toHaveAttribute('data-message-id', String(newestId))
  await expect(focused).toBeInViewport({ ratio: 0.99 })
  await gate.release()

  const newest = card.feed.getByRole('article').filter({ hasText: newestText })
  await page.keyboard.press('Enter')
  await expect(newest.getByRole('button', { name: 'Reply' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(newest.getByRole('button', { name: 'Make result' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(newest).toBeFocused()
  // Left again: Tab goes on past the message's actions, to the composer.
  await page.keyboard.press('Tab')
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeFocused()
})

test('the feed tells keyboard and screen-reader users that Enter opens a message’s actions, and shows it when focus comes by keyboard', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await expect(card.feed).toHaveAccessibleDescription(/Enter opens a message’s actions/)
  const hint = card.app.getByText('Enter opens a message’s actions', { exact: false })
  await expect(hint).toBeHidden()
  await card.app.getByRole('switch', { name: 'Show system messages' }).focus()
  await page.keyboard.press('Tab')
  await expect(card.app.locator('article:focus')).toHaveCount(1)
  await expect(hint).toBeVisible()
  // Over the frame's top edge, not in the feed's flow: the focused message has not moved.
  await expect(card.app.locator('article:focus')).toBeInViewport({ ratio: 0.99 })
})
