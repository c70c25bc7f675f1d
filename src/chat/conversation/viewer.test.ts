import { describe, expect, it } from 'vitest'
import type { BatchRow } from '../../b24/portal-client'
import { mayAddMembers, toViewer } from './viewer'

const ok = (data: unknown): BatchRow => ({ ok: true, data }) as BatchRow
const me = ok({ id: 1, name: 'Alex Morgan' })

describe('toViewer', () => {
  it('names the app’s bot as its user in imbot.v2.Bot.list (chat-bots-v2/imbot.v2/bots/bot-list.md)', () => {
    const bots = ok({
      bots: [
        { id: 40, code: 'other_bot', type: 'bot' },
        { id: 41, code: 'task_chat_bot', type: 'bot' },
      ],
      users: [
        { id: 40, name: 'Other' },
        { id: 41, name: 'Task Chat Helper', bot: true },
      ],
      hasNextPage: false,
    })
    expect(toViewer(me, bots)).toEqual({ userId: 1, bot: { id: 41, name: 'Task Chat Helper' }, mayAddMembers: false })
  })

  it('has no bot when the list has none of ours, or could not be read', () => {
    expect(toViewer(me, ok({ bots: [{ id: 40, code: 'other_bot' }], users: [] })).bot).toBeNull()
    expect(toViewer(me, { ok: false } as BatchRow).bot).toBeNull()
  })

  // im-dialog-get.md: role, permissions.manage_users_add, restrictions.extend: whether "Send as <bot>" may add the bot.
  it('may add people where the role reaches manage_users_add and the chat takes new people', () => {
    const dialog = (role: string, add: string, extend = true) => ok({ role, permissions: { manage_users_add: add }, restrictions: { extend } })
    expect(mayAddMembers(dialog('member', 'member'))).toBe(true)
    expect(mayAddMembers(dialog('owner', 'manager'))).toBe(true)
    expect(mayAddMembers(dialog('MANAGER', 'MANAGER'))).toBe(true)
    expect(mayAddMembers(dialog('member', 'owner'))).toBe(false)
    expect(mayAddMembers(dialog('owner', 'owner', false))).toBe(false)
    // Says nothing, or something unknown: no.
    expect(mayAddMembers(ok({ role: 'member' }))).toBe(false)
    expect(mayAddMembers(dialog('member', 'none'))).toBe(false)
    expect(mayAddMembers({ ok: false } as BatchRow)).toBe(false)
    expect(mayAddMembers(undefined)).toBe(false)
  })
})
