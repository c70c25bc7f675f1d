import { PORTAL } from '../../playwright.config'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { holdRequests, isOpeningBatch, openUnderRateLimit, runClockUntil, taskCard } from './feed-page'
import { resetPortal, rest, resultsOf, type WireMessage } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

async function copiesOf(request: APIRequestContext, text: string) {
  // The check itself must not be hit by injected failures (conditions only: a reset would forget the chat).
  await request.post(`${PORTAL}/__portal/conditions`, { data: { failureRate: 0, latencyMs: 0 } })
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 50 })
  return messages.filter((m) => m.text === text).length
}

test('with 30% of requests failing, the feed opens and pages back by itself, and sends land exactly once', async ({ page, request }) => {
  test.setTimeout(90_000)
  await resetPortal(request, { failureRate: 0.3 })
  await page.goto('/')
  const card = taskCard(page)
  await expect(card.feed.getByRole('article').first()).toBeVisible({ timeout: 40_000 })
  // Paging back: a failed page is asked for again by itself; the reader just keeps scrolling up.
  // Each scroll must bring an older page (however many tries it takes the app), so this ends.
  // Two pages of 200 at least: then the oldest loaded message is 400 above where the feed opened.
  // Where it opened is read once the screen has replaced the first frame and the list holds still:
  // the first article can be visible before any is wholly in view.
  await expect(card.feed).toHaveAttribute('aria-busy', 'false', { timeout: 40_000 })
  await card.settled()
  await expect.poll(() => card.firstVisible(), { timeout: 20_000 }).not.toBeNull()
  const opened = (await card.firstVisible())!
  await card.loadOlder()
  await card.loadOlder()
  await card.scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await expect.poll(() => card.positionOf(opened.id), { timeout: 20_000 }).toBeGreaterThanOrEqual(opened.pos + 400)

  const box = card.app.getByRole('textbox', { name: 'Message' })
  const texts = [1, 2, 3].map((n) => `Under faults ${n} ${Date.now()}`)
  for (const text of texts) {
    await box.fill(text)
    await box.press('Enter')
  }
  // Whatever failed says so and keeps its text; the user retries until everything is through: each
  // message confirmed by the portal (its id on the article). "No Retry and nothing sending" seen in
  // turn is not that: a retry could start and fail again between the two looks.
  const retry = card.feed.getByRole('button', { name: 'Retry' })
  await expect(async () => {
    if (await retry.count()) await retry.first().click()
    for (const text of texts)
      await expect(card.feed.getByRole('article').filter({ hasText: text })).toHaveAttribute('data-message-id', /^\d+$/, { timeout: 1_000 })
  }).toPass({ timeout: 45_000 })

  // Making a result under the same faults: clicked again until it holds, never made twice.
  const target = card.feed.locator('article:not(.message--system)').filter({ hasText: texts[0]! })
  // The live poll (itself failing 30% of the time) brings the real message back in place of the pending one.
  await expect(target).toHaveAttribute('data-message-id', /^\d+$/, { timeout: 20_000 })
  const messageId = Number(await target.getAttribute('data-message-id'))
  // Confirmed, not just optimistic: the author is offered "Remove result" only for a result the
  // portal has, and only once no attempt is on its way, so nothing can add a second one after it.
  await expect(async () => {
    if ((await target.getByRole('button', { name: 'Remove result' }).count()) === 0) {
      await target.hover()
      const make = target.getByRole('button', { name: 'Make result' })
      if (await make.count()) await make.click()
    }
    await expect(target.getByRole('button', { name: 'Remove result' })).toHaveCount(1, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  for (const text of texts) expect(await copiesOf(request, text), text).toBe(1)
  expect(await resultsOf(request, messageId)).toHaveLength(1)
})

test('a short spell of 503 answers is waited out quietly: the feed opens, the user is never told', async ({ page, request }) => {
  // The opening batch answered QUERY_LIMIT_EXCEEDED, then OVERLOAD_LIMIT: the app waits and asks again by itself.
  await resetPortal(request, {
    methodFaults: [
      { method: 'batch', error: 'QUERY_LIMIT_EXCEEDED', times: 1 },
      { method: 'batch', error: 'OVERLOAD_LIMIT', times: 1 },
    ],
  })
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await expect(card.app.getByRole('alert')).toHaveCount(0)
  const now = await (await request.post(`${PORTAL}/__portal/conditions`, { data: {} })).json()
  expect(now.methodFaults.map((f: { times: number }) => f.times)).toEqual([0, 0])
})

test('a storm of 503 rate-limit answers: the user is told, and the feed comes back by itself', async ({ page, request }) => {
  // Longer than the quiet retries of a read (src/b24/read-retry.ts): then the user is told. Those
  // waits and the countdown run on Playwright's clock.
  const { card, alert } = await openUnderRateLimit(page, request)
  await expect(alert).toContainText('Trying again in')
  await resetPortal(request)
  // No click: the countdown retries.
  const opened = card.feed.getByRole('article').first()
  await runClockUntil(page, () => opened.isVisible(), 'the feed back by itself')
  await card.ready()
})

test('a token that expires mid-session is renewed for history and sending', async ({ page, request }) => {
  await resetPortal(request, { tokenTtlS: 2, latencyMs: 300 })
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  // The token the card handed over has expired once the app has asked the card for a new one.
  await page.waitForResponse((r) => r.url().includes('/__portal/refresh'), { timeout: 20_000 })
  await card.loadOlder()
  const text = `After the token expired ${Date.now()}`
  await card.app.getByRole('textbox', { name: 'Message' }).fill(text)
  await card.app.getByRole('textbox', { name: 'Message' }).press('Enter')
  await expect(card.feed.getByRole('article').filter({ hasText: text })).not.toContainText('Sending…')
  await expect(card.feed.getByRole('article').filter({ hasText: text }).getByRole('alert')).toHaveCount(0)
  expect(await copiesOf(request, text)).toBe(1)
})

test('two seconds of latency: a skeleton, then the feed; a send shows as pending, then lands once', async ({ page, request }) => {
  test.setTimeout(60_000)
  await resetPortal(request, { latencyMs: 2_000 })
  await page.clock.install()
  // What shows while an answer is on its way is read while it is held: the latency alone would race
  // the test's look on a loaded machine.
  const opening = await holdRequests(page, isOpeningBatch)
  await page.goto('/')
  const card = taskCard(page)
  await opening.requested()
  await expect(card.app.locator('.skeleton-row').first()).toBeVisible()
  await opening.release()
  await card.ready()
  const send = await holdRequests(page, (r) => r.url().includes('/rest/im.message.add'))
  const text = `Slow network ${Date.now()}`
  await card.app.getByRole('textbox', { name: 'Message' }).fill(text)
  await card.app.getByRole('textbox', { name: 'Message' }).press('Enter')
  const mine = card.feed.getByRole('article').filter({ hasText: text })
  await send.requested()
  await expect(mine).toContainText('Sending…')
  await send.release()
  await expect(mine).not.toContainText('Sending…', { timeout: 15_000 })
  // The live poll brings the real message back: after the next one has answered it must still be one.
  await card.nextPoll()
  await expect(card.feed.getByRole('article').filter({ hasText: text })).toHaveCount(1)
  expect(await copiesOf(request, text)).toBe(1)
})

test('the network dropping during a send keeps the message, tells the user, and Retry posts it once', async ({ page, request }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await page.route(`${PORTAL}/rest/**`, (route) => route.abort('internetdisconnected'))
  const text = `Offline for a moment ${Date.now()}`
  await card.app.getByRole('textbox', { name: 'Message' }).fill(text)
  await card.app.getByRole('textbox', { name: 'Message' }).press('Enter')
  const mine = card.feed.getByRole('article').filter({ hasText: text })
  await expect(mine.getByRole('alert')).toContainText('The connection failed before Bitrix24 answered')
  await page.unroute(`${PORTAL}/rest/**`)
  await mine.getByRole('button', { name: 'Retry' }).click()
  // Retrying shows "Sending…" at once (the alert goes); the send is over when that goes too.
  await expect(mine.getByRole('alert')).toHaveCount(0)
  await expect(mine).not.toContainText('Sending…')
  await expect(mine.getByRole('alert')).toHaveCount(0)
  expect(await copiesOf(request, text)).toBe(1)
})
