import { describe, expect, it, vi } from 'vitest'
import { toHistoryPage, utcOffsetMinutes } from './map-history'

// Shapes as the reference documents them (bitrix24-rest.md §3.1 and §3.2): snake_case messages and
// users from im.dialog.messages.get; snake_case messages with camelCase users and isSystem from tail.
const legacyAnswer = {
  chat_id: 58,
  messages: [
    { id: 84877, chat_id: 58, author_id: 503, date: '2026-03-04T09:43:26+03:00', text: 'We are very happy to have you!', params: { LIKE: [547] }, uuid: 'u1' },
    { id: 84876, chat_id: 58, author_id: 503, date: '2026-03-04T09:43:24+03:00', text: 'Spec attached', params: { FILE_ID: [5255], IS_EDITED: 'Y' } },
    { id: 84869, chat_id: 58, author_id: 0, date: '2026-03-04T09:42:31+03:00', text: '[USER=503 REPLACE]Klaus Weber[/USER] invited', params: [], uuid: null },
  ],
  users: [{ id: 503, name: 'Klaus Weber', first_name: 'Klaus', last_name: 'Weber', color: '#4ba984', avatar: '', bot: false }],
  files: [
    {
      id: 5255,
      chatId: 58,
      type: 'image',
      name: 'image.png',
      size: 2144,
      image: { height: 61, width: 72 },
      urlPreview: 'https://portal.example/preview/5255',
      urlShow: 'https://portal.example/show/5255',
      urlDownload: 'https://portal.example/dl/5255',
    },
  ],
}

describe('toHistoryPage', () => {
  it('maps im.dialog.messages.get into reading order with domain fields', () => {
    const page = toHistoryPage(legacyAnswer, 58)
    expect(page.messages.map((m) => m.id)).toEqual([84869, 84876, 84877])
    const [system, withFile, plain] = page.messages
    expect(system).toMatchObject({ isSystem: true, authorId: 0, fileIds: [], isEdited: false })
    expect(withFile).toMatchObject({ authorId: 503, chatId: 58, fileIds: [5255], isEdited: true, isDeleted: false })
    expect(plain!.date.toISOString()).toBe('2026-03-04T06:43:26.000Z')
    expect(page.authors).toEqual([{ id: 503, name: 'Klaus Weber', avatarUrl: null, color: '#4ba984', isBot: false }])
    expect(page.files).toEqual([
      {
        id: 5255,
        name: 'image.png',
        kind: 'image',
        size: 2144,
        url: 'https://portal.example/dl/5255',
        showUrl: 'https://portal.example/show/5255',
        previewUrl: 'https://portal.example/preview/5255',
        width: 72,
        height: 61,
      },
    ])
  })

  it('maps camelCase answers: camelCase users, isSystem, string ids, deleted and replies', () => {
    const page = toHistoryPage(
      {
        messages: [
          {
            id: '9123',
            chat_id: 58,
            author_id: '20294',
            date: '2026-06-10T14:51:00+02:00',
            text: 'deployed',
            isSystem: false,
            params: { IS_DELETED: 'Y', REPLY_ID: '9100' },
          },
          { id: 9124, chatId: 58, authorId: 0, date: '2026-06-10T14:52:00+02:00', text: null, isSystem: true, params: null },
        ],
        users: [{ id: 20294, name: '', firstName: 'Ann', lastName: 'Lee', avatar: 'https://p/a.jpg', color: '#df532d', bot: true }],
        files: [],
        hasNextPage: false,
      },
      58,
    )
    expect(page.messages[0]).toMatchObject({ id: 9123, authorId: 20294, isDeleted: true, replyToId: 9100, isSystem: false })
    expect(page.messages[1]).toMatchObject({ id: 9124, authorId: 0, isSystem: true, text: '' })
    expect(page.authors[0]).toEqual({ id: 20294, name: 'Ann Lee', avatarUrl: 'https://p/a.jpg', color: '#df532d', isBot: true })
  })

  it('drops a malformed row instead of failing the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const page = toHistoryPage({ messages: [{ id: 'x', date: 3 }, legacyAnswer.messages[0]], users: [], files: [] }, 58)
    expect(page.messages.map((m) => m.id)).toEqual([84877])
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })

  it('maps im.dialog.messages.search (doc shape: both spellings, tariffRestrictions): says where the plan hides the rest', () => {
    // api-reference/chats/messages/im-dialog-messages-search.md, "Returned Data".
    const message = {
      id: 501,
      chatId: 58,
      chat_id: 58,
      authorId: 7,
      author_id: 7,
      date: '2026-06-10T14:51:00+02:00',
      text: 'hello',
      isSystem: false,
      params: [],
      unread: false,
      viewed: true,
    }
    const open = toHistoryPage(
      { messages: [message], users: [{ id: 7, name: 'Ann Lee' }], files: [], additionalMessages: [], tariffRestrictions: { isHistoryLimitExceeded: false } },
      58,
    )
    expect(open).toMatchObject({ limitedByPlan: false })
    expect(open.messages[0]).toMatchObject({ id: 501, authorId: 7, chatId: 58 })
    const limited = toHistoryPage({ messages: [message], users: [], files: [], tariffRestrictions: { isHistoryLimitExceeded: true } }, 58)
    expect(limited).toMatchObject({ limitedByPlan: true })
  })

  it('maps search’s viewedByOthers to seenByOthers, and leaves it unsaid where the reader has none (get)', () => {
    // im-dialog-messages-search.md: viewedByOthers "viewed by other participants"; im-dialog-messages-get.md has no such field.
    const row = { id: 9, chat_id: 58, author_id: 1, date: '2026-06-10T14:51:00+02:00', text: 'mine', params: [] }
    const seen = toHistoryPage({ messages: [{ ...row, viewedByOthers: true }], users: [], files: [] }, 58)
    const unseen = toHistoryPage({ messages: [{ ...row, viewedByOthers: false }], users: [], files: [] }, 58)
    const unsaid = toHistoryPage({ messages: [row], users: [], files: [] }, 58)
    expect(seen.messages[0]!.seenByOthers).toBe(true)
    expect(unseen.messages[0]!.seenByOthers).toBe(false)
    expect(unsaid.messages[0]).not.toHaveProperty('seenByOthers')
  })

  it('reads the portal’s UTC offset off the zone it prints on dates', () => {
    expect(toHistoryPage(legacyAnswer, 58).portalUtcOffsetMinutes).toBe(180)
    expect(utcOffsetMinutes('2026-06-10T14:51:00-0530')).toBe(-330)
    expect(utcOffsetMinutes('2026-06-10T14:51:00Z')).toBe(0)
    expect(utcOffsetMinutes('2026-06-10 14:51')).toBeUndefined()
  })

  it('rejects an answer that is not a history page at all', () => {
    expect(() => toHistoryPage({ result: 'nope' }, 58)).toThrow()
  })
})
