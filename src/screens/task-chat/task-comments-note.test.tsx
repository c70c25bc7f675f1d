import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import { renderApp } from '../../../test/dom/render-app'

// A portal before task chats (the portal's taskChats switch): tasks.task.get has no chatId field (tasks-new.md).

const card = taskCardPerTest()

describe('a task on a portal before task chats', () => {
  it('says the discussion is in the task comments, links to the task, and offers no composer', async () => {
    const app = await card.open({ taskId: 1, userId: 1 }, { rateLimit: false, taskChats: false })
    await renderApp()
    expect(await screen.findByText(/This portal keeps the task’s discussion in the task’s comments/, {}, { timeout: 20_000 })).toBeVisible()
    expect(screen.getByRole('link', { name: 'Open the task' })).toHaveAttribute('href', `${app.origin}/company/personal/user/1/tasks/task/view/1/`)
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull()
    expect(screen.queryByRole('feed')).toBeNull()
    expect(screen.queryByText('This task has no chat yet. The first message will start it.')).toBeNull()
  })

  it('speaks the reader’s language', async () => {
    await card.open({ taskId: 1, userId: 1, lang: 'de' }, { rateLimit: false, taskChats: false })
    await renderApp('de')
    expect(await screen.findByText(/in ihren Kommentaren besprochen/, {}, { timeout: 20_000 })).toBeVisible()
    expect(screen.getByRole('link', { name: 'Aufgabe öffnen' })).toBeVisible()
  })

  it('keeps a modern portal’s task without a chat yet as it is: the first message starts it', async () => {
    await card.open({ taskId: 2 })
    await renderApp()
    expect(await screen.findByText('This task has no chat yet. The first message will start it.', {}, { timeout: 20_000 })).toBeVisible()
    expect(await screen.findByRole('textbox', { name: 'Message' }, { timeout: 20_000 })).toBeVisible()
  })
})
