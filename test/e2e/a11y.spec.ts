import { expect, test } from '@playwright/test'
import { axeInitScript, violations } from './axe'
import { holdClock, taskCard } from './feed-page'
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

    // Unread messages: the "New messages" divider in the feed (user 2 has unread messages in task 1).
    test('the feed opened at its unread messages, under "New messages", has no axe violations', async ({ page }) => {
      await page.goto('/task/1?user=2')
      const card = taskCard(page)
      await card.ready()
      await expect(card.feed.getByText('New messages')).toBeInViewport()
      await card.frames()
      expect(await violations(page)).toEqual([])
    })

    test('the edit bar, the delete question and a deletion with Undo have no axe violations', async ({ page }) => {
      await page.clock.install()
      await page.goto('/task/1')
      const card = taskCard(page)
      await card.ready()
      const box = card.app.getByRole('textbox', { name: 'Message' })
      const text = `To edit and delete ${Date.now()}`
      await box.fill(text)
      await box.press('Enter')
      // Up edits the last message the portal has confirmed.
      await expect(card.feed.locator('article[data-message-id]').filter({ hasText: text })).toHaveCount(1)
      await box.press('ArrowUp')
      await expect(card.app.getByText('Editing message')).toBeVisible()
      expect(await violations(page), 'editing').toEqual([])
      await box.fill('')
      await box.press('Enter')
      const dialog = card.app.getByRole('alertdialog', { name: 'Delete this message?' })
      await expect(dialog).toBeVisible()
      expect(await violations(page), 'the question').toEqual([])
      // The page's time stands still while axe reads the deletion: its Undo (5 s) cannot pass meanwhile.
      await holdClock(page)
      await dialog.getByRole('button', { name: 'Delete' }).click()
      await expect(card.feed.getByRole('button', { name: 'Undo' })).toBeVisible()
      expect(await violations(page), 'deleted, with Undo').toEqual([])
      await expect(card.feed.getByRole('button', { name: 'Undo' })).toBeVisible()
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
      await expect(card.app.getByRole('heading', { name: 'No messages yet' })).toBeVisible()
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
