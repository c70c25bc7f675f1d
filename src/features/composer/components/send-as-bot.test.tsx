import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import { findComposer, renderApp } from '../../../../test/dom/render-app'
import type { Conditions } from '../../../../test/portal/portal'

// "Send as <bot>": offered where the bot is in the chat or the viewer may add it
// (im.dialog.get), and any refusal keeps the message, says so, offers sending it as the user, and
// stops offering the bot in this chat. The real app and SDK against the in-process portal.
const card = taskCardPerTest()

const rest = <T,>(method: string, params: Record<string, unknown>, userId = 1) => card.app.rest<T>(method, params, userId)

const newest = async () =>
  (await rest<{ messages: { text: string; author_id: number }[] }>('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 5 })).messages
const members = async () => (await rest<{ id: number }[]>('im.dialog.users.list', { DIALOG_ID: 'chat1001', LIMIT: 200 })).map((u) => u.id)

/** Opens task 1's card as `userId` on a portal with the app's bot registered; answers the bot's id. */
async function openWithBot(userId: number, conditions: Partial<Conditions> = {}, addBot = false): Promise<number> {
  await card.open({ userId }, { rateLimit: false, ...conditions })
  const { bot } = await rest<{ bot: { id: number } }>('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat Bot' } } })
  if (addBot) await rest('im.chat.user.add', { CHAT_ID: 1001, USERS: [bot.id], HIDE_HISTORY: 'N' })
  await renderApp()
  await findComposer()
  return bot.id
}

async function sendAsBot(text: string) {
  const user = userEvent.setup()
  await user.click(await screen.findByRole('checkbox', { name: 'Send as Task Chat Bot' }, { timeout: 20_000 }))
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`)
  return user
}

describe('Send as the bot', () => {
  it('where the portal keeps the bot out: the message is kept with the reason, sent as the user on request, and the bot is offered no more', async () => {
    // The default portal: the owner may add, but a task chat keeps only people with access to the task.
    const botId = await openWithBot(1)
    const user = await sendAsBot('Meant for the bot')
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 })
    expect(alert).toHaveTextContent('Bitrix24 keeps the app’s bot out of this chat')
    expect(screen.queryByRole('checkbox', { name: /^Send as / })).not.toBeInTheDocument()
    expect((await newest()).some((m) => m.text === 'Meant for the bot')).toBe(false)
    expect(await members()).not.toContain(botId)
    await user.click(within(alert).getByRole('button', { name: 'Send as me' }))
    await waitFor(async () => expect((await newest()).filter((m) => m.text === 'Meant for the bot').map((m) => m.author_id)).toEqual([1]), {
      timeout: 20_000,
    })
    expect(await members()).not.toContain(botId)
  })

  it('where the viewer may add people and the chat keeps the bot: posts as the bot', async () => {
    const botId = await openWithBot(3, { taskChatKeepsAnyone: true })
    await sendAsBot('From the bot')
    await waitFor(async () => expect((await newest()).filter((m) => m.text === 'From the bot').map((m) => m.author_id)).toEqual([botId]), {
      timeout: 20_000,
    })
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('is not offered where the viewer may not add people and the bot is not in the chat; is where it is', async () => {
    await openWithBot(3, { taskChatUsersAdd: 'owner', taskChatKeepsAnyone: true })
    expect(await screen.findByRole('button', { name: 'Send' })).toBeInTheDocument()
    expect(screen.queryByRole('checkbox', { name: /^Send as / })).not.toBeInTheDocument()
    // A fresh page in a fresh card: open() closes this one first.
    localStorage.clear()
    await openWithBot(3, { taskChatUsersAdd: 'owner', taskChatKeepsAnyone: true }, true)
    expect(await screen.findByRole('checkbox', { name: 'Send as Task Chat Bot' }, { timeout: 20_000 })).toBeInTheDocument()
  })

  it('an add refused with 400 WRONG_REQUEST is a refusal, not "already a member": the message is kept, not posted again', async () => {
    await openWithBot(3, { taskChatKeepsAnyone: true })
    // The chat's owner narrows who may add after the card opened.
    card.app.portal.setConditions({ taskChatUsersAdd: 'owner' })
    await sendAsBot('Refused by the add')
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 })
    expect(alert).toHaveTextContent('Bitrix24 keeps the app’s bot out of this chat')
    expect(within(alert).getByRole('button', { name: 'Send as me' })).toBeInTheDocument()
    expect((await newest()).some((m) => m.text === 'Refused by the add')).toBe(false)
  })
})
