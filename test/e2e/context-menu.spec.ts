import { expect, test, type APIRequestContext } from '@playwright/test'
import { resetPortal, rest, resultsOf, type WireMessage } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

const menu = (page: import('@playwright/test').Page) => page.frameLocator('iframe[title="Task chat"]')

async function newestHuman(request: APIRequestContext) {
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 10 })
  return messages.find((m) => m.author_id !== 0)!
}

test('"Make task result" on a task chat message in the messenger makes it the result, once', async ({ page, request }) => {
  const message = await newestHuman(request)
  await page.goto(`/im/chat1001/${message.id}`)
  await expect(menu(page).getByRole('status')).toHaveText('Done: the message is now a result of the task “Launch the spring marketing campaign”.')
  expect(await resultsOf(request, message.id)).toHaveLength(1)
  // Choosing it again does not make a second result.
  await page.reload()
  await expect(menu(page).getByRole('status')).toContainText('Done')
  expect(await resultsOf(request, message.id)).toHaveLength(1)
})

test('on a message outside a task chat it says why it cannot', async ({ page }) => {
  await page.goto('/im/5/123')
  await expect(menu(page).getByRole('alert')).toHaveText('This message is not in a task chat, so it cannot become a task result.')
})
