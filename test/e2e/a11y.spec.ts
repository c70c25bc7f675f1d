import { expect, test } from '@playwright/test'
import { axeInitScript, violations } from './axe'
import { taskCard } from './feed-page'
import { resetPortal } from './portal'

test.beforeEach(async ({ page, request }) => {
  await resetPortal(request)
  await page.addInitScript(axeInitScript)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.beforeEach(async ({ page }) => page.emulateMedia({ colorScheme }))

    test('the feed, with a message’s actions showing, has no axe violations', async ({ page }) => {
      await page.goto('/task/1')
      const card = taskCard(page)
      await card.ready()
      const withActions = card.feed.getByRole('article').filter({ has: card.app.getByRole('button', { name: 'Reply' }) })
      await withActions.last().hover()
      await expect(withActions.last().getByRole('button', { name: 'Reply' })).toBeVisible()
      await card.frames()
      expect(await violations(page)).toEqual([])
    })

    test('the results view has no axe violations', async ({ page }) => {
      await page.goto('/task/1')
      const card = taskCard(page)
      await card.ready()
      await card.app.getByRole('switch', { name: 'Results only' }).check()
      await expect(card.app.getByRole('list').first()).toBeVisible()
      await card.frames()
      expect(await violations(page)).toEqual([])
    })

    test('an empty chat, a task without a chat and an error screen have no axe violations', async ({ page }) => {
      const card = taskCard(page)
      await page.goto('/task/6')
      await expect(card.app.getByText('No messages yet. Start the conversation below.')).toBeVisible()
      expect(await violations(page), 'empty chat').toEqual([])
      await page.goto('/task/2')
      await expect(card.app.getByText('This task has no chat yet. The first message will start it.')).toBeVisible()
      expect(await violations(page), 'no chat yet').toEqual([])
      await page.goto('/task/3')
      await expect(card.app.getByRole('alert')).toBeVisible() // the task the default user cannot open
      expect(await violations(page), 'error screen').toEqual([])
    })
  })
}
