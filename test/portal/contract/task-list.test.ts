/**
 * tasks.task.list (api-reference/tasks/tasks-task-list.md): the caller's tasks, filter with prefixes,
 * order (ID desc by default), select, `start` paging by 50; `{tasks: [...]}` with total. And the
 * Conditions.taskChatIdField switch: a portal whose tasks.task.get names the chat id otherwise.
 * Expectations are computed from the store, not from the seed's particular tasks.
 */
import { describe, expect, it } from 'vitest'
import type { LocalPortal } from '../portal.ts'
import type { TaskRec } from '../state.ts'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

const tasksOf = (userId: number): TaskRec[] =>
  [...(p.portal as LocalPortal).store.tasks.values()].filter((t) => t.memberIds.includes(userId)).sort((a, b) => b.id - a.id)

describe('tasks.task.list', () => {
  it('answers the caller’s tasks newest first as {tasks}, with the selected fields as strings, and total', async () => {
    const answer = await p.v2('tasks.task.list', { select: ['ID', 'TITLE', 'CHAT_ID'] })
    expect(answer.status).toBe(200)
    const mine = tasksOf(1)
    expect(answer.body.total).toBe(mine.length)
    expect(answer.body.result.tasks.map((t: { id: string }) => t.id)).toEqual(mine.map((t) => String(t.id)))
    expect(answer.body.result.tasks[0]).toMatchObject({ id: String(mine[0]?.id), title: mine[0]?.title, chatId: mine[0]?.chatId })
  })

  it('filters by the page’s fields with prefixes, orders as asked', async () => {
    const mine = tasksOf(1)
    const pivot = mine[Math.floor(mine.length / 2)]?.id ?? 0
    const below = await p.v2('tasks.task.list', { filter: { '<ID': pivot }, order: { ID: 'asc' }, select: ['ID'] })
    expect(below.body.result.tasks.map((t: { id: string }) => Number(t.id))).toEqual(
      mine
        .filter((t) => t.id < pivot)
        .map((t) => t.id)
        .reverse(),
    )
    const responsible = await p.v2('tasks.task.list', { filter: { RESPONSIBLE_ID: 1 }, select: ['ID'] })
    expect(responsible.body.result.tasks.map((t: { id: string }) => Number(t.id))).toEqual(mine.filter((t) => t.responsibleId === 1).map((t) => t.id))
    const not = await p.v2('tasks.task.list', { filter: { '!ID': [pivot] }, select: ['ID'] })
    expect(not.body.result.tasks.map((t: { id: string }) => Number(t.id))).not.toContain(pivot)
  })

  it('pages by a fixed 50 with start; past the end an empty list', async () => {
    const answer = await p.v2('tasks.task.list', { start: 50, select: ['ID'] })
    expect(answer.body.result.tasks).toEqual(
      tasksOf(1)
        .slice(50)
        .map((t) => ({ id: String(t.id), group: [] })),
    )
    expect(answer.body).not.toHaveProperty('next')
  })
})

describe('Conditions.taskChatIdField (a portal that names the chat id otherwise)', () => {
  it('tasks.task.get and tasks.task.list answer the chat id under the other name, and no chatId', async () => {
    const withChat = tasksOf(1).find((t) => t.chatId !== null)
    if (!withChat) throw new Error('user 1 has no task with a chat')
    p.portal.setConditions({ taskChatIdField: 'chat_id' })
    const got = await p.v2('tasks.task.get', { taskId: withChat.id, select: ['ID', 'CHAT_ID'] })
    expect(got.body.result.task).toMatchObject({ chat_id: withChat.chatId })
    expect(got.body.result.task).not.toHaveProperty('chatId')
    const listed = await p.v2('tasks.task.list', { filter: { ID: withChat.id }, select: ['ID', 'CHAT_ID'] })
    expect(listed.body.result.tasks).toEqual([{ id: String(withChat.id), chat_id: withChat.chatId, group: [] }])
  })
})
