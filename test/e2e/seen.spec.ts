import { expect, test } from '@playwright/test'
import { taskCard } from './feed-page'
import { resetPortal, rest } from './portal'

/**
 * "Seen": the reader's own message is marked once another member has read it,
 * as the messenger marks its own messages viewed (`viewedByOthers` of im.dialog.messages.search).
 * Task 1's chat (chat 1001), read as user 1; user 2 reads through REST, as their messenger would.
 */
test.beforeEach(async ({ request }) => resetPortal(request))

test('"Seen" appears under the reader’s own message at the next poll after another member reads it', async ({ page, request }) => {
  const id = await rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: `Seen check ${Date.now()}` })
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const article = card.feed.locator(`article[data-message-id="${id}"]`)
  const seen = article.getByText('Seen', { exact: true })
  await expect(article).toBeVisible()
  await expect(seen).toHaveCount(0)

  await rest(request, 'im.dialog.read', { DIALOG_ID: 'chat1001', MESSAGE_ID: id }, 2)
  // Each poll reads the newest page through search where it serves, which says viewedByOthers; a
  // quiet card polls at most 30 s apart. The page's clock is Playwright's: no real-time wait.
  await page.clock.runFor(31_000)
  await expect(seen).toBeVisible()
})
