/** Seed facts, persistence across restarts, and reset. */
import { describe, expect, it } from 'vitest'
import { LocalPortal } from '../portal.ts'
import { freshDataDir, usePortal } from './helpers.ts'

describe('seed', () => {
  const portal = new LocalPortal({ dataDir: freshDataDir() })
  const demo = portal.store.messagesOf(1001)

  it('has the eight users, with and without avatars', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((id) => portal.getUser(id)?.name)).toEqual([
      'Alex Morgan',
      'Мария Иванова',
      'John Carter',
      'Дмитрий Соколов',
      'Emily Zhang',
      'Ольга Кузнецова',
      'Lucas Weber',
      'Sofia Rossi',
    ])
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((id) => portal.getUser(id)?.avatar !== '')).toEqual([true, true, false, false, true, false, true, false])
    expect(portal.getUser(1)?.isAdmin).toBe(true)
    expect(portal.getUser(8)?.isAdmin).toBe(false)
  })

  it('gives task 1 at least 5,000 messages, mostly system, ids increasing with date, up to 2026-11-01', () => {
    expect(demo.length).toBeGreaterThanOrEqual(5000)
    const system = demo.filter((m) => m.authorId === 0)
    expect(system.length / demo.length).toBeGreaterThanOrEqual(0.5)
    // The task predates task chats: the chat opens with the notices for an existing task (seed-shape.test.ts).
    expect(demo[0]?.authorId).toBe(0)
    expect(demo[0]?.text).toContain('previous comments')
    for (let i = 1; i < demo.length; i++) {
      expect(demo[i]!.id).toBeGreaterThan(demo[i - 1]!.id)
      expect(demo[i]!.date).toBeGreaterThan(demo[i - 1]!.date)
    }
    expect(demo[demo.length - 1]!.date).toBeLessThan(Date.UTC(2026, 10, 1) / 1000)
  })

  it('uses every BB code the app renders, files, deleted, edited and replies', () => {
    const texts = demo.map((m) => m.text).join('\n')
    for (const pattern of [
      /\[b\]/,
      /\[i\]/,
      /\[u\]/,
      /\[s\]/,
      /\[url\]/,
      /\[url=/,
      /\[USER=\d+\][^[]+\[\/USER\]/,
      /\[USER=\d+\]\[\/USER\]/,
      /^>>/m,
      /^-{54}$/m,
      /\[code\]/,
      /\[color=#/,
      /\[size=\d+\]/,
      /\[br\]/,
      /https:\/\/\S+/,
    ]) {
      expect(texts, String(pattern)).toMatch(pattern)
    }
    const withFiles = demo.filter((m) => Array.isArray(m.params['FILE_ID']))
    expect(withFiles.length).toBeGreaterThan(50)
    const files = withFiles.flatMap((m) => m.params['FILE_ID'] as number[]).map((id) => portal.store.files.get(id))
    expect(new Set(files.map((f) => f?.type))).toEqual(new Set(['image', 'file']))
    const deleted = demo.filter((m) => m.params['IS_DELETED'] === 'Y')
    expect(deleted.length).toBeGreaterThanOrEqual(3)
    expect(deleted.every((m) => m.text === 'This message has been deleted.')).toBe(true)
    expect(demo.filter((m) => m.params['IS_EDITED'] === 'Y').length).toBeGreaterThanOrEqual(3)
    expect(demo.filter((m) => m.params['REPLY_ID']).length).toBeGreaterThan(20)
  })

  it('has six results on task 1 by users 1 and 2, and the special tasks', () => {
    const results = [...portal.store.results.values()]
    expect(results).toHaveLength(6)
    expect(new Set(results.map((r) => r.authorId))).toEqual(new Set([1, 2]))
    // Four made from messages of chat 1001, two written in the card (no message; NotifyResultAdded).
    expect(results.filter((r) => portal.store.getMessage(r.messageId ?? 0)?.chatId === 1001)).toHaveLength(4)
    expect(results.filter((r) => r.messageId === null)).toHaveLength(2)
    expect(portal.getTask(2)).toEqual({ id: 2, title: 'Prepare the Q3 budget', chatId: null, memberIds: [1, 2, 3] })
    expect(portal.getTask(3)?.memberIds).not.toContain(1)
    expect(portal.getTask(4)?.memberIds).toContain(1)
    expect(portal.store.chats.get(1004)?.memberIds.has(1)).toBe(false)
    const move = portal.store.messagesOf(1005)
    expect(move.length).toBeGreaterThanOrEqual(300)
    expect(move.slice(-120).every((m) => m.authorId === 0)).toBe(true)
    expect(move.slice(0, -120).some((m) => m.authorId !== 0)).toBe(true)
    expect(portal.store.messagesOf(1006)).toEqual([])
    expect(portal.store.messagesOf(1100)).toHaveLength(100_000)
  })

  it('is deterministic', () => {
    const again = new LocalPortal({ dataDir: freshDataDir() }).store.messagesOf(1001)
    expect(again.map((m) => [m.id, m.date, m.text])).toEqual(demo.map((m) => [m.id, m.date, m.text]))
  })
})

describe('persistence', () => {
  const p = usePortal()

  it('keeps posts, new chats and results across a restart with the same data folder, and reset clears them', async () => {
    const id = (await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'survives a restart' })).body.result
    await p.v3('tasks.task.chat.message.send', { fields: { taskId: 2, text: 'budget chat' } })
    await p.v3('tasks.task.result.addfromchatmessage', { fields: { messageId: id } })
    await p.restart()
    // The result's system message is unread for user 1 and would stretch the page (im-dialog-messages-get.md).
    await p.v2('im.dialog.read', { DIALOG_ID: 'chat1001' })
    const newest = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 2 })).body.result.messages
    expect(newest.map((m: { id: number }) => m.id)).toEqual([id + 2, id])
    expect(newest[1].text).toBe('survives a restart')
    expect(p.portal.getTask(2)?.chatId).toBe(1002)
    const results = (await p.v3('tasks.task.result.list', { filter: [['taskId', 1]], select: ['messageId'] })).body.result.items
    expect(results.map((r: { messageId: number }) => r.messageId)).toContain(id)
    // New posts continue the id sequence after the restart.
    expect((await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: 'next' })).body.result).toBe(id + 3)

    expect((await p.raw('/__portal/reset', { method: 'POST' })).status).toBe(200)
    expect(p.portal.getTask(2)?.chatId).toBeNull()
    const afterReset = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 })).body.result.messages[0]
    expect(afterReset.id).toBeLessThan(id)
    await p.restart()
    expect(p.portal.getTask(2)?.chatId).toBeNull()
  })
})
