/**
 * A portal before task chats (Conditions.taskChats: false). api-reference/tasks/tasks-new.md: the new
 * task card, with its chat, "is available starting from module version tasks 25.700.0", and so are the
 * REST 3.0 task methods ("Starting from module version tasks 25.700.0, some methods can be called in the
 * new format"); tasks-task-get.md: "The CHAT_ID field, which is the chat ID for the new task card, is
 * returned by default". tasks/classes/general/task.php fills CHAT_ID only where the new card is on
 * (FormV2Feature::isOn()), so an older tasks module has no such field at all, selected or not.
 */
import { describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal({ conditions: { taskChats: false } })

describe('a portal before task chats', () => {
  it('answers tasks.task.get (v2) without chatId, whether CHAT_ID is selected or not', async () => {
    for (const select of [['ID', 'TITLE', 'CHAT_ID'], undefined]) {
      const answer = await p.v2('tasks.task.get', select ? { taskId: 1, select } : { taskId: 1 })
      expect(answer.status).toBe(200)
      expect(answer.body.result.task.id).toBe('1')
      expect(answer.body.result.task).not.toHaveProperty('chatId')
    }
  })

  it('has no REST 3.0 task methods: tasks.task.chat.message.send and tasks.task.get answer method not found', async () => {
    const send = await p.v3('tasks.task.chat.message.send', { fields: { taskId: 1, text: 'Hello' } })
    expect(send.status).toBe(404)
    expect(send.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_METHODNOTFOUNDEXCEPTION')
    expect((await p.v3('tasks.task.get', { id: 1, select: ['id', 'chat.id'] })).status).toBe(404)
  })

  it('answers chatId again with task chats on', async () => {
    p.portal.setConditions({ taskChats: true })
    const answer = await p.v2('tasks.task.get', { taskId: 1, select: ['ID', 'CHAT_ID'] })
    expect(answer.body.result.task.chatId).toBe(1001)
    p.portal.setConditions({ taskChats: false })
  })
})
