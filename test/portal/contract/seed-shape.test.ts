/**
 * The seed holds what a real task chat holds, shaped as Bitrix24's server writes it (paths in the
 * public server source snapshot `yuliai/bitrix-modules`). Read from the store: the params as
 * b_im_message_param keeps them, before either reader serializes them.
 */
import { describe, expect, it } from 'vitest'
import { seedStore } from '../seed/index.ts'
import type { MessageRec } from '../state.ts'

const store = seedStore()
const demo = store.messagesOf(1001)
const notices = demo.filter((m) => m.authorId === 0)
const seeded = [1001, 1003, 1004, 1005, 1006, 1007].flatMap((id) => store.messagesOf(id))
const blocks = (m: MessageRec): Record<string, unknown>[] =>
  ((m.params['ATTACH'] as { BLOCKS: Record<string, unknown>[] }[] | undefined) ?? []).flatMap((a) => a.BLOCKS)

describe('seed shape: task 1 is mostly the tasks module’s notices', () => {
  it('notices are most of the chat, author 0 with NOTIFY N (tasks/lib/V2/Internal/Integration/Im/MessageSender.php)', () => {
    expect(notices.length / demo.length).toBeGreaterThan(0.5)
    expect(demo.length).toBeGreaterThanOrEqual(5000)
    for (const m of notices) expect(m.params['NOTIFY'], m.text).toBe('N')
  })

  it('no CODE or COMPONENT_ID param anywhere: the tasks module sets none (Action/AbstractNotify.php getMessageParams)', () => {
    expect(seeded.filter((m) => 'CODE' in m.params || 'COMPONENT_ID' in m.params)).toEqual([])
  })

  it('no "joined" messages: Integration/Im/Chat.php creates the chat with SKIP_ADD_MESSAGE and adds members silently', () => {
    expect(seeded.filter((m) => m.authorId === 0 && (/\bjoined\b/.test(m.text) || 'CHAT_USER' in m.params))).toEqual([])
  })

  it('names people as FormatUserTrait does, [USER=id]Full Name[/USER], with the right names', () => {
    const mentions = notices.flatMap((m) => [...m.text.matchAll(/\[USER=(\d+)\]([^[]*)\[\/USER\]/g)])
    expect(mentions.length).toBeGreaterThan(1000)
    for (const [, id, name] of mentions) expect(name).toBe(store.userName(Number(id)))
  })

  it('writes deadlines as DeadlineFormatter does: [TIMESTAMP=ts FORMAT=LONG_DATE_FORMAT], [TIMESTAMP=ts FORMAT=SHORT_TIME_FORMAT]', () => {
    const deadlines = notices.filter((m) => /deadline to|overdue since|almost overdue/.test(m.text))
    expect(deadlines.length).toBeGreaterThan(20)
    for (const m of deadlines) {
      const match = /\[TIMESTAMP=(\d+) FORMAT=LONG_DATE_FORMAT\], \[TIMESTAMP=(\d+) FORMAT=SHORT_TIME_FORMAT\]/.exec(m.text)
      expect(match, m.text).not.toBeNull()
      expect(match?.[1]).toBe(match?.[2])
    }
    expect(notices.some((m) => m.text.endsWith("removed the task's deadline."))).toBe(true)
  })

  it('covers the notice kinds: status, deadline, people, checklist, overdue, time tracking, files, results', () => {
    for (const kind of [
      /started the task\.$/,
      /paused the task\.$/,
      /resumed the task\.$/,
      /set the task's deadline to /,
      /changed the task's deadline to .*\[br\]\[br\]Reason: /,
      /changed assignee from \[USER=2\].* to \[USER=3\]/,
      /changed task owner from /,
      /added observer\(s\) /,
      /removed observer\(s\) /,
      /added participant\(s\) /,
      /completed item ".+" in checklist ".+"\.$/,
      /the task is overdue since /,
      /activated time tracking\.$/,
      /deactivated time tracking\. Duration: /,
      /added a manual time entry of /,
      /added (a file|files)\.$/,
      /added task status summary, \[TIMESTAMP=\d+ FORMAT=LONG_DATE_FORMAT\]\.$/,
      /marked a message as task status summary, \[TIMESTAMP=\d+ FORMAT=LONG_DATE_FORMAT\]\.$/,
    ]) {
      expect(
        notices.some((m) => kind.test(m.text)),
        String(kind),
      ).toBe(true)
    }
  })
})

describe('seed shape: content outside the text', () => {
  it('a result written in the card: its text and files only in ATTACH, built with AddMessage/AddDelimiter, no REPLY_ID (Action/NotifyResultAdded.php)', () => {
    const added = notices.filter((m) => m.text.includes('added task status summary'))
    expect(added.length).toBeGreaterThanOrEqual(2)
    const cardResults = [...store.results.values()].filter((r) => r.taskId === 1 && r.messageId === null)
    for (const m of added) {
      expect(m.params['REPLY_ID']).toBeUndefined()
      const [attach] = m.params['ATTACH'] as { ID: number; COLOR: string; DESCRIPTION: string; BLOCKS: unknown[] }[]
      expect(attach).toMatchObject({ ID: m.date, DESCRIPTION: '' })
      expect(attach?.COLOR).toMatch(/^#[0-9a-f]{6}$/)
      const b = blocks(m)
      expect(b[0]).toEqual({ MESSAGE: '[b]Task status summary[/b][br]' })
      expect(cardResults.map((r) => r.text)).toContain(b[1]?.['MESSAGE'])
      expect(m.text).not.toContain(String(b[1]?.['MESSAGE']))
    }
    const withFiles = added.find((m) => blocks(m).length > 2)
    expect(blocks(withFiles!).slice(2)).toEqual([
      { DELIMITER: { SIZE: 400 } },
      { MESSAGE: '[b]File(s)[/b][br]' },
      { MESSAGE: expect.stringMatching(/^\S+\.\w+(\[br\]\S+\.\w+)*$/) as unknown },
    ])
  })

  it('a result made from a message: text only, no REPLY_ID, no ATTACH (Action/NotifyResultFromMessage.php)', () => {
    const marked = notices.filter((m) => m.text.includes('marked a message as task status summary'))
    expect(marked).toHaveLength(4)
    for (const m of marked) expect(Object.keys(m.params)).toEqual(['NOTIFY'])
    expect(notices.filter((m) => 'REPLY_ID' in m.params)).toEqual([])
  })

  it('files added: names in ATTACH under the bold File(s) title (Action/NotifyFilesAdded.php)', () => {
    const files = notices.filter((m) => /added (a file|files)\.$/.test(m.text))
    expect(files.length).toBeGreaterThan(10)
    for (const m of files) expect(blocks(m)[0]).toEqual({ MESSAGE: '[b]File(s)[/b][br]' })
  })

  it('a task older than task chats opens with KEYBOARD link buttons (NotifyTaskHasForumComments, NotifyTaskHasLegacyChat; Bot/Keyboard.php addButton)', () => {
    const [comments, legacy, created] = demo
    expect(comments?.params['KEYBOARD']).toEqual([
      expect.objectContaining({ TYPE: 'BUTTON', TEXT: 'Previous comments', LINK: '/task/comments/1/', DISPLAY: 'BLOCK' }),
    ])
    expect(legacy?.params['KEYBOARD']).toEqual([
      expect.objectContaining({ TYPE: 'BUTTON', TEXT: 'Previous chat', LINK: expect.stringMatching(/^\/online\/\?IM_DIALOG=chat\d+$/) as unknown }),
    ])
    expect(created?.text).toBe('Task chat has been created.')
  })

  it('URL previews: URL_ID and a RICH_LINK attach for the link in the text (Message::generateUrlPreview, CIMMessageLink::formatAttach)', () => {
    const previews = demo.filter((m) => 'URL_ID' in m.params)
    expect(previews.length).toBeGreaterThan(5)
    for (const m of previews) {
      const [attach] = m.params['ATTACH'] as { ID: number; COLOR: string; BLOCKS: { RICH_LINK: { LINK: string }[] }[] }[]
      expect(attach?.ID).toBe((m.params['URL_ID'] as number[])[0])
      expect(attach?.COLOR).toBe('transparent')
      expect(m.text).toContain(attach?.BLOCKS[0]?.RICH_LINK[0]?.LINK)
    }
  })
})

describe('seed shape: people’s messages', () => {
  it('reactions of at least three kinds, every reactor also in LIKE (im/lib/V2/Message/Reaction/ReactionService.php)', () => {
    const reacted = demo.filter((m) => (m.reactions ?? []).length > 0)
    expect(new Set(reacted.flatMap((m) => m.reactions!.map((r) => r.reaction))).size).toBeGreaterThanOrEqual(3)
    for (const m of reacted) {
      const likers = m.params['LIKE'] as number[]
      for (const r of m.reactions!) expect(likers).toContain(r.userId)
    }
    // The newest page has reactions, the card user's (user 1) among them.
    expect(demo.slice(-30).some((m) => m.reactions?.some((r) => r.userId === 1))).toBe(true)
  })

  it('a sticker: no text, STICKER_PARAMS {ID, PACK_ID, PACK_TYPE} (StickerService::getStickerMessageParams)', () => {
    const stickers = demo.filter((m) => 'STICKER_PARAMS' in m.params)
    expect(stickers.length).toBeGreaterThanOrEqual(1)
    for (const m of stickers) {
      expect(m.text).toBe('')
      expect(m.params['STICKER_PARAMS']).toEqual({ ID: expect.any(Number) as unknown, PACK_ID: expect.any(Number) as unknown, PACK_TYPE: 'vendor' })
    }
  })

  it('a forward: FORWARD_ID, FORWARD_CONTEXT_ID, FORWARD_USER_ID of an existing original, its text copied (Forward/ForwardService.php)', () => {
    const forwards = demo.filter((m) => 'FORWARD_ID' in m.params)
    expect(forwards.length).toBeGreaterThanOrEqual(1)
    for (const m of forwards) {
      const original = store.getMessage(m.params['FORWARD_ID'] as number)
      expect(original).toBeDefined()
      expect(m.params['FORWARD_CONTEXT_ID']).toBe(`chat${original!.chatId}/${original!.id}`)
      expect(m.params['FORWARD_USER_ID']).toBe(original!.authorId)
      expect(m.text).toBe(original!.text)
    }
  })

  it('web-messenger quotes: dashes, `Name [date] #chat1001/<id>` naming an existing message of that author (im.v2.lib.quote)', () => {
    const quotes = demo.filter((m) => /^-{54}\n.+ \[.+\] #chat\d+\/\d+\n/.test(m.text))
    expect(quotes.length).toBeGreaterThan(10)
    for (const m of quotes) {
      const [, name, , chatId, id] = /^-{54}\n(.+) \[(.+)\] #chat(\d+)\/(\d+)\n/.exec(m.text)!
      const quoted = store.getMessage(Number(id))
      expect(quoted?.chatId).toBe(Number(chatId))
      expect(store.userName(quoted!.authorId)).toBe(name)
      expect(quoted!.id).toBeLessThan(m.id)
    }
  })

  it('replies carry REPLY_ID of an earlier message of the chat; deletions leave only IS_DELETED (SoftDeletionStrategy)', () => {
    const replies = demo.filter((m) => 'REPLY_ID' in m.params)
    expect(replies.length).toBeGreaterThan(20)
    for (const m of replies) expect(store.getMessage(m.params['REPLY_ID'] as number)?.chatId).toBe(1001)
    const deleted = demo.filter((m) => m.params['IS_DELETED'] === 'Y')
    expect(deleted.length).toBeGreaterThanOrEqual(3)
    for (const m of deleted) expect(m.params).toEqual({ IS_DELETED: 'Y' })
  })
})
