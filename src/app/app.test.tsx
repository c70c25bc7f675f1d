import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../test/dom/card-per-test'
import type { FramedApp } from '../../test/dom/frame-harness'
import { renderApp } from '../../test/dom/render-app'

// Every test boots the real app through the real SDK against the local portal.

async function newestMessages(app: FramedApp, chatId: number, limit: number) {
  type Wire = { id: number; author_id: number; date: string; text: string; params: unknown }
  return (await app.rest<{ messages: Wire[] }>('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: limit })).messages
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()
const isPlainHuman = (m: { author_id: number; text: string; params: unknown }) =>
  m.author_id !== 0 && !/[[\]]|>>|---/.test(m.text) && !(m.params && (m.params as Record<string, unknown>)['IS_DELETED'] === 'Y')

const card = taskCardPerTest()

describe('the app inside a task card', () => {
  it('shows the newest messages of the task chat, newest last, with authors and times', async () => {
    const app = await card.open({ taskId: 1 })
    await renderApp()
    const feed = await screen.findByRole('feed', { name: 'Task chat', busy: false }, { timeout: 20_000 })
    // jsdom has no layout, so the virtualized feed renders only the rows at its end: the newest.
    const articles = within(feed).getAllByRole('article')
    const chatId = app.portal.getTask(1)!.chatId!
    const recent = await newestMessages(app, chatId, articles.length)
    const last = articles[articles.length - 1]!
    // The message's own time closes its bubble (a quote or a code in its text may hold times before it).
    expect([...last.querySelectorAll('time')].at(-1)).toHaveAttribute('datetime', new Date(recent[0]!.date).toISOString())
    // A plain-text human message (no BB-code to render) reads on screen exactly as written.
    const plain = recent.find((m) => isPlainHuman(m))
    if (plain) expect(collapse(feed.textContent ?? '')).toContain(collapse(plain.text))
    // More history exists, so the feed's size is unknown to assistive technology.
    expect(last).toHaveAttribute('aria-setsize', '-1')
  })

  it('says the task has no chat yet instead of showing an empty feed', async () => {
    await card.open({ taskId: 2 })
    await renderApp()
    expect(await screen.findByText('This task has no chat yet. The first message will start it.', {}, { timeout: 20_000 })).toBeVisible()
  })

  it('explains a chat the user is not a member of', async () => {
    await card.open({ taskId: 4 })
    await renderApp()
    expect(await screen.findByRole('alert', {}, { timeout: 20_000 })).toHaveTextContent('You are a member of this task but not of its chat')
    // Trying again cannot add the user to the chat: nothing pretends it can.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  })

  it('says so when the task cannot be opened by this user', async () => {
    await card.open({ taskId: 3 })
    await renderApp()
    expect(await screen.findByRole('alert', {}, { timeout: 20_000 })).toHaveTextContent('You do not have access to this task.')
  })

  it.each(['insufficient_scope', 'ERROR_METHOD_NOT_FOUND'] as const)(
    'falls back to im.dialog.messages.get, and remembers it, when search is refused (%s)',
    async (error) => {
      await card.open({ taskId: 1 }, { rateLimit: false, methodFaults: [{ method: 'im.dialog.messages.search', error }] })
      await renderApp()
      const feed = await screen.findByRole('feed', { name: 'Task chat', busy: false }, { timeout: 20_000 })
      expect(within(feed).getAllByRole('article').length).toBeGreaterThan(0)
      expect(sessionStorage.getItem('task-chat:history-source')).toBe('get')
    },
  )

  it('does not give up search for a passing fault: the opening is retried with it', async () => {
    await card.open({ taskId: 1 }, { rateLimit: false, methodFaults: [{ method: 'im.dialog.messages.search', error: 'INTERNAL_SERVER_ERROR', times: 1 }] })
    await renderApp()
    const feed = await screen.findByRole('feed', { name: 'Task chat', busy: false }, { timeout: 20_000 })
    expect(within(feed).getAllByRole('article').length).toBeGreaterThan(0)
    expect(sessionStorage.getItem('task-chat:history-source')).not.toBe('get')
  })

  it('speaks the portal language', async () => {
    await card.open({ taskId: 1, lang: 'ru' })
    await renderApp('ru')
    expect(await screen.findByRole('feed', { name: 'Чат задачи' }, { timeout: 20_000 })).toBeInTheDocument()
  })

  it('shows a clear screen when the placement carries no task id', async () => {
    await card.open({ rawOptions: '' })
    await renderApp()
    expect(await screen.findByRole('heading', { name: 'This card did not say which task it shows' }, { timeout: 20_000 })).toBeVisible()
  })
})

describe('the app outside a frame', () => {
  it('asks to be opened from a task card', async () => {
    window.name = ''
    await renderApp()
    expect(await screen.findByRole('heading', { name: 'Open this app from a Bitrix24 task card' }, { timeout: 20_000 })).toBeVisible()
  })
})
