/**
 * im.dialog.messages.search as search in the chat uses it: api-reference/chats/messages/im-dialog-messages-search.md
 * (SEARCH_MESSAGE "performed for strings longer than 2 characters", LIMIT default 50 and at most 200, LAST_ID "the
 * last message from the previous selection", users "associated with the found messages", CHAT_ID_EMPTY and ACCESS_ERROR).
 */
import { describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

interface Wire {
  id: number
  author_id: number
  authorId: number
  text: string
}

const post = async (text: string, userId = 1) =>
  (await p.v2('im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, (await p.token(userId)).AUTH_ID)).body.result as number
const search = async (params: Record<string, unknown>) => (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, ...params })).body.result

describe('im.dialog.messages.search with SEARCH_MESSAGE (api-reference/chats/messages/im-dialog-messages-search.md)', () => {
  it('searches from 3 characters on; 2 characters are not a search, and the answer is the chat as it is', async () => {
    const id = await post('Zqx is the code name')
    expect((await search({ SEARCH_MESSAGE: 'Zqx', LIMIT: 200 })).messages.map((m: Wire) => m.id)).toEqual([id])
    const two = (await search({ SEARCH_MESSAGE: 'Zq', LIMIT: 5 })).messages
    expect(two).toHaveLength(5)
    expect(two.some((m: Wire) => !m.text.includes('Zq'))).toBe(true)
  })

  it('matches whatever the case, Cyrillic too, and names only the found messages’ authors in users', async () => {
    const ids = [await post('Смета по выставке готова', 2), await post('СМЕТА утверждена', 4)]
    const found = await search({ SEARCH_MESSAGE: 'смета', LIMIT: 200 })
    expect(found.messages.map((m: Wire) => m.id).filter((id: number) => ids.includes(id))).toEqual([...ids].reverse())
    expect(found.messages.every((m: Wire) => m.text.toLowerCase().includes('смета'))).toBe(true)
    const authors = new Set(found.messages.map((m: Wire) => m.authorId))
    expect(new Set(found.users.map((u: { id: number }) => u.id))).toEqual(authors)
  })

  it('pages through every match once with LAST_ID, newest first, LIMIT at a time, the last page short', async () => {
    const ids: number[] = []
    for (let i = 0; i < 7; i++) ids.push(await post(`Pagination probe ${i}`))
    const seen: number[] = []
    let lastId: number | undefined
    for (;;) {
      const page = (await search({ SEARCH_MESSAGE: 'pagination probe', LIMIT: 3, ...(lastId ? { LAST_ID: lastId } : {}) })).messages as Wire[]
      seen.push(...page.map((m) => m.id))
      if (page.length < 3) break
      lastId = page[page.length - 1]!.id
    }
    expect(seen).toEqual([...ids].reverse())
  })

  it('answers at most 200 matches a page, and never a deleted message by the text it had', async () => {
    const many = (await search({ SEARCH_MESSAGE: 'the', LIMIT: 200 })).messages
    expect(many).toHaveLength(200)
    expect((await search({ SEARCH_MESSAGE: 'the', LIMIT: 201 })).messages.length).toBeLessThanOrEqual(200)
    const id = await post('Quokka budget line')
    expect((await p.v2('im.message.delete', { MESSAGE_ID: id })).body.result).toBe(true)
    expect((await search({ SEARCH_MESSAGE: 'quokka' })).messages).toEqual([])
  })

  it('refuses as documented: no CHAT_ID is 400 CHAT_ID_EMPTY, a chat the user is not in is 403 ACCESS_ERROR', async () => {
    for (const params of [{ SEARCH_MESSAGE: 'budget' }, { CHAT_ID: '', SEARCH_MESSAGE: 'budget' }]) {
      const empty = await p.v2('im.dialog.messages.search', params)
      expect([empty.status, empty.body]).toEqual([400, { error: 'CHAT_ID_EMPTY', error_description: "CHAT_ID can't be empty" }])
    }
    for (const chat of [1003, 999_999]) {
      const denied = await p.v2('im.dialog.messages.search', { CHAT_ID: chat, SEARCH_MESSAGE: 'budget' })
      expect([denied.status, denied.body]).toEqual([403, { error: 'ACCESS_ERROR', error_description: 'You do not have access to this chat' }])
    }
  })
})
