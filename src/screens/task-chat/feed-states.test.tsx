import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../test/dom/card-per-test'
import { findComposer, renderApp } from '../../../test/dom/render-app'

// The feed's states, each with a title and a way forward (the seed: task 6 has an empty chat, task 2
// no chat yet, task 3 is one the default user cannot open).

const card = taskCardPerTest()
const WAIT = { timeout: 20_000 }

describe('the feed’s states', () => {
  it('an empty chat: a title, and "Write the first message" takes the reader to the message box', async () => {
    await card.open({ taskId: 6 }, { rateLimit: false })
    await renderApp()
    const region = await screen.findByRole('region', { name: 'Task chat' }, WAIT)
    expect(await screen.findByRole('heading', { name: 'No messages yet' }, WAIT)).toBeVisible()
    // The composer itself, not the early box that takes typing while it loads.
    const box = await findComposer()
    await userEvent.click(screen.getByRole('button', { name: 'Write the first message' }))
    expect(box).toHaveFocus()
    expect(region).toContainElement(screen.getByRole('button', { name: 'Write the first message' }))
  })

  it('a task without a chat yet: says the first message starts it, and offers to write it', async () => {
    await card.open({ taskId: 2 }, { rateLimit: false })
    await renderApp()
    expect(await screen.findByRole('heading', { name: 'No chat yet' }, WAIT)).toBeVisible()
    expect(screen.getByText('This task has no chat yet. The first message will start it.')).toBeVisible()
    // No chat yet, so nothing to attach to: the message box is the composer's or the early one, and keeps focus either way.
    await userEvent.click(screen.getByRole('button', { name: 'Write the first message' }))
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus(), WAIT)
  })

  it('a task the reader cannot open: "No access" and whom to ask', async () => {
    await card.open({ taskId: 3 }, { rateLimit: false })
    await renderApp()
    const alert = await screen.findByRole('alert', {}, WAIT)
    expect(await screen.findByRole('heading', { name: 'No access' }, WAIT)).toBeVisible()
    expect(alert).toHaveTextContent('Ask its creator or responsible person to add you to it.')
  })
})
