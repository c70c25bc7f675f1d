import { expect, test } from '@playwright/test'
import { taskCard } from './feed-page'
import { resetPortal } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

test('hiding system messages on a page of only system messages loads older pages until people’s messages show', async ({ page }) => {
  await page.goto('/task/5')
  const card = taskCard(page)
  await card.ready()
  const system = card.app.locator('article.message--system')
  await expect(system.first()).toBeVisible()
  expect(await card.app.locator('article:not(.message--system)').count()).toBe(0)

  const toggle = card.app.getByRole('switch', { name: 'Show system messages' })
  await toggle.uncheck()
  await expect(card.app.locator('article:not(.message--system)').first()).toBeVisible()
  await expect(system).toHaveCount(0)

  // The choice is remembered for this user.
  await page.reload()
  await taskCard(page).ready()
  await expect(card.app.getByRole('switch', { name: 'Show system messages' })).not.toBeChecked()
  await expect(card.app.locator('article.message--system')).toHaveCount(0)

  await card.app.getByRole('switch', { name: 'Show system messages' }).check()
  await expect(card.app.locator('article.message--system').first()).toBeVisible()
})

test('toggling the filter keeps the message the reader is looking at in place', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await card.scrollBy(-1_500)
  // Rows measured on the way up may still shift the view: note the anchor once it holds still.
  await card.settled()
  // Most of task 1's chat is the tasks module's notices: the reader's place is a person's message.
  const isSystem = (id: string) => card.feed.locator(`article[data-message-id="${id}"]`).evaluate((el) => el.classList.contains('message--system'))
  let anchor = (await card.firstVisible())!
  for (let i = 0; i < 40 && (await isSystem(anchor.id)); i++) {
    await card.scrollBy(-50)
    await card.settled()
    anchor = (await card.firstVisible())!
  }
  const toggle = card.app.getByRole('switch', { name: 'Show system messages' })
  await toggle.uncheck()
  await expect.poll(() => card.offsetOf(anchor.id)).toBeCloseTo(anchor.offset, 0)
  await toggle.check()
  await expect.poll(() => card.offsetOf(anchor.id)).toBeCloseTo(anchor.offset, 0)
})

test('system messages look different from people’s', async ({ page }) => {
  await page.goto('/task/5')
  const card = taskCard(page)
  await card.ready()
  const system = card.app.locator('article.message--system').first()
  await expect(system).toContainText('System')
  await expect(system.locator('.avatar')).toHaveCount(0)
})
