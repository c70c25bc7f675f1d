/**
 * The two readers serialize stored messages as the im source does. Messages are put into
 * the store here with params in the stored form (test/portal/state.ts), so these tests do not depend
 * on the seed's content.
 * - im.dialog.messages.get: im/lib/chat.php getMessages, CIMMessageParam::Get / PrepareValues / GetDefault
 *   (im/classes/general/im_message_param.php), Im\Text::parse (im/lib/text.php).
 * - im.dialog.messages.search: api-reference/chats/messages/im-dialog-messages-search.md (forward,
 *   viewedByOthers, reactions, usersShort), im/lib/V2/Message.php toRestFormat / getForwardInfo,
 *   im/lib/V2/Message/Params.php, ParamArray.php, Param/StickerParams.php, Reaction/ReactionMessage(s).php.
 */
import { describe, expect, it } from 'vitest'
import type { LocalPortal } from '../portal.ts'
import type { MessageParams, ReactionRec, Store } from '../state.ts'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

/** The in-process portal behind the server (createPortal makes a LocalPortal). */
const store = (): Store => (p.portal as LocalPortal).store

type Wire = Record<string, unknown> & { id: number; text: string; params: unknown }

const KEYBOARD = [
  {
    TEXT: 'Open the old comments',
    LINK: 'https://portal.example/task/1/',
    BOT_ID: 0,
    TYPE: 'BUTTON',
    VOTE: 'N',
    BLOCK: 'N',
    WAIT: 'N',
    CONTEXT: 'ALL',
    DISABLED: 'N',
    DISPLAY: 'LINE',
    BG_COLOR_TOKEN: 'base',
  },
]
const ATTACH = [
  {
    ID: 1767225600,
    BLOCKS: [{ MESSAGE: 'The result: [b]done[/b]' }, { DELIMITER: { SIZE: 200, COLOR: '#c6c6c6' } }],
    DESCRIPTION: '',
    COLOR: '#aac337',
    COLOR_TOKEN: 'base',
  },
]

function put(text: string, params: MessageParams, opts: { authorId?: number; reactions?: ReactionRec[] } = {}): number {
  const id = store().nextMessageId
  store().addMessage({ id, chatId: 1001, authorId: opts.authorId ?? 2, date: 1_790_000_000, text, params, uuid: null, reactions: opts.reactions })
  return id
}

async function legacy(id: number, userId = 1): Promise<Wire> {
  const auth = (await p.token(userId)).AUTH_ID
  // The newest page: the messages put here are the chat's newest.
  const messages = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 50 }, auth)).body.result.messages as Wire[]
  const found = messages.find((m) => m.id === id)
  if (!found) throw new Error(`message ${id} not in im.dialog.messages.get`)
  return found
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function searched(id: number, userId = 1): Promise<{ message: Wire; result: any }> {
  const auth = (await p.token(userId)).AUTH_ID
  const result = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LAST_ID: id + 1, LIMIT: 1 }, auth)).body.result
  return { message: result.messages[0] as Wire, result }
}

describe('params in each reader', () => {
  const stored: MessageParams = {
    REPLY_ID: 5,
    CODE: 'TASK_RESULT',
    IS_EDITED: 'Y',
    IS_DELETED: 'N',
    URL_ONLY: 'N',
    NOTIFY: 'N',
    LIKE: [2, 1],
    KEYBOARD,
    ATTACH,
    FORWARD_ID: 7,
    FORWARD_CONTEXT_ID: 'chat1001/7',
    FORWARD_USER_ID: 3,
    FORWARD_CHAT_TITLE: 'Task chat',
  }

  it('im.dialog.messages.get keeps GetDefault keys in PrepareValues forms: no REPLY_ID or FORWARD_* but FORWARD_ID, defaults dropped', async () => {
    const message = await legacy(put('reply with extras', stored))
    expect(message.params).toEqual({
      CODE: ['TASK_RESULT'], // not among PrepareValues' scalar keys: the rows' list, as the docs' example shows CODE
      IS_EDITED: 'Y',
      NOTIFY: 'N',
      LIKE: [2, 1],
      KEYBOARD,
      ATTACH,
      FORWARD_ID: ['7'],
    })
    expect(message).not.toHaveProperty('forward')
  })

  it('im.dialog.messages.search gives Params::toRestFormat: Y/N, ints and lists as strings, FORWARD_* hidden as top-level forward', async () => {
    const { message } = await searched(put('reply with extras', stored))
    expect(message.params).toEqual({
      REPLY_ID: '5',
      CODE: 'TASK_RESULT',
      IS_EDITED: 'Y',
      IS_DELETED: 'N',
      URL_ONLY: 'N',
      NOTIFY: 'N',
      LIKE: ['2', '1'],
      KEYBOARD,
      ATTACH,
    })
    expect(message.forward).toEqual({ id: 'chat1001/7', userId: 3, chatTitle: 'Task chat', chatType: 'tasksTask' })
    expect(typeof message.viewedByOthers).toBe('boolean')
  })

  it('a forward from a private dialog says so; no forward without FORWARD_ID and FORWARD_CONTEXT_ID', async () => {
    const privateOne = await searched(put('fwd', { FORWARD_ID: 9, FORWARD_CONTEXT_ID: '1:3/9', FORWARD_USER_ID: 3 }))
    expect(privateOne.message.forward).toEqual({ id: '1:3/9', userId: 3, chatTitle: null, chatType: 'private' })
    expect(privateOne.result.users.map((u: { id: number }) => u.id)).toContain(3)
    expect((await searched(put('not a forward', { FORWARD_USER_ID: 3 }))).message.forward).toBeNull()
  })

  it('STICKER_PARAMS: as stored in get, camelCase keys in search (StickerParams::toRestFormat)', async () => {
    const id = put('', { STICKER_PARAMS: { PACK_ID: 1, PACK_TYPE: 'custom', STICKER_ID: 4 } })
    expect((await searched(id)).message).toMatchObject({ text: '', params: { STICKER_PARAMS: { packId: 1, packType: 'custom', stickerId: 4 } } })
    // The legacy deleted check does not know stickers (im/lib/chat.php): no text, FILE_ID, KEYBOARD or ATTACH reads as deleted.
    expect(await legacy(id)).toMatchObject({
      text: 'This message has been deleted.',
      params: { STICKER_PARAMS: { PACK_ID: 1, PACK_TYPE: 'custom', STICKER_ID: 4 }, IS_DELETED: 'Y' },
    })
  })
})

describe('text and deleted reading (Im\\Text::parse; chat.php getMessages; Message::getFormattedMessage)', () => {
  it('bare URLs become [URL], short mentions get the name and REPLACE, tags come out upper case, trailing dots stay outside', async () => {
    const id = put(
      'See https://example.com/a?b=1, then [USER=3][/USER] and [url=https://x.example]x[/url] or www.bitrix24.com. [CODE]http://kept.example[/CODE]',
      {},
    )
    const name = store().userName(3)
    const expected = `See [URL]https://example.com/a?b=1[/URL], then [USER=3 REPLACE]${name}[/USER] and [URL=https://x.example]x[/URL] or [URL=http://www.bitrix24.com]www.bitrix24.com[/URL]. [CODE]http://kept.example[/CODE]`
    expect((await legacy(id)).text).toBe(expected)
    expect((await searched(id)).message.text).toBe(expected)
  })

  it('entities the parser decodes, [br] and <br /> as new lines; a full mention tag is left alone', async () => {
    const id = put('a &amp; b &lt;c&gt;[br]d<br />e [USER=3]Name[/USER]', {})
    expect((await legacy(id)).text).toBe('a & b <c>\nd\ne [USER=3]Name[/USER]')
  })

  it('a message with no text, files, keyboard or attach reads as deleted in both; with a keyboard or attach it does not', async () => {
    const empty = put('', {})
    expect(await legacy(empty)).toMatchObject({ text: 'This message has been deleted.', params: { IS_DELETED: 'Y' } })
    expect((await searched(empty)).message).toMatchObject({ text: 'This message has been deleted.', params: { IS_DELETED: 'Y' } })
    const keyboardOnly = put('', { KEYBOARD })
    expect(await legacy(keyboardOnly)).toMatchObject({ text: '', params: { KEYBOARD } })
    const attachOnly = put('', { ATTACH })
    expect((await searched(attachOnly)).message).toMatchObject({ text: '', params: { ATTACH } })
  })
})

describe('reactions in im.dialog.messages.search (the docs page #reactions; ReactionMessage(s).php)', () => {
  const at = (userId: number, reaction: string): ReactionRec => ({ userId, reaction, date: 1_790_000_100 })

  it('counters per code, users named while a code has at most 5, the caller’s own, usersShort for the named users', async () => {
    const laughs = [2, 3, 4, 5, 6, 7].map((u) => at(u, 'laugh'))
    const reactions = [at(1, 'like'), at(2, 'like'), at(3, 'fire'), ...laughs]
    const id = put('react to me', { LIKE: [1, 2, 3, 4, 5, 6, 7] }, { reactions })
    const { result } = await searched(id)
    expect(result.reactions).toEqual([
      { messageId: id, reactionCounters: { like: 2, fire: 1, laugh: 6 }, reactionUsers: { like: [1, 2], fire: [3] }, ownReactions: ['like'] },
    ])
    expect(result.usersShort.map((u: { id: number }) => u.id).sort()).toEqual([1, 2, 3])
    expect(Object.keys(result.usersShort[0]).sort()).toEqual(['avatar', 'color', 'id', 'name', 'type'])
    // The legacy reader has no reactions, only LIKE.
    expect((await legacy(id)).params).toEqual({ LIKE: [1, 2, 3, 4, 5, 6, 7] })
  })

  it('a message without reactions is not listed; a code with more than 5 users names none ([] when none is named)', async () => {
    const plain = put('plain', {})
    expect((await searched(plain)).result.reactions).toEqual([])
    const many = put('many', { LIKE: [2, 3, 4, 5, 6, 7] }, { reactions: [2, 3, 4, 5, 6, 7].map((u) => at(u, 'redHeart')) })
    expect((await searched(many)).result.reactions).toEqual([{ messageId: many, reactionCounters: { redHeart: 6 }, reactionUsers: [], ownReactions: [] }])
  })

  it('im.message.like sets and removes the like reaction (CIMMessenger::Like through ReactionService)', async () => {
    const id = put('like me', {})
    expect((await p.v2('im.message.like', { MESSAGE_ID: id, ACTION: 'plus' })).body.result).toBe(true)
    expect((await searched(id)).result.reactions).toEqual([
      { messageId: id, reactionCounters: { like: 1 }, reactionUsers: { like: [1] }, ownReactions: ['like'] },
    ])
    expect((await p.v2('im.message.like', { MESSAGE_ID: id, ACTION: 'minus' })).body.result).toBe(true)
    expect((await searched(id)).result.reactions).toEqual([])
  })

  it('a user whose reaction is another one is in LIKE already: plus changes nothing, auto takes them out of LIKE only', async () => {
    const id = put('fire', { LIKE: [1] }, { reactions: [at(1, 'fire')] })
    expect((await p.v2('im.message.like', { MESSAGE_ID: id, ACTION: 'plus' })).body.error).toBe('WITHOUT_CHANGES')
    expect((await p.v2('im.message.like', { MESSAGE_ID: id })).body.result).toBe(true)
    const { message, result } = await searched(id)
    expect(message.params).toEqual([])
    expect(result.reactions).toEqual([{ messageId: id, reactionCounters: { fire: 1 }, reactionUsers: { fire: [1] }, ownReactions: ['fire'] }])
  })

  it('replies bring what they quote as additionalMessages, with the quoted message’s reactions', async () => {
    const quoted = put('the original', { LIKE: [3] }, { reactions: [at(3, 'wonder')] })
    put('between', {})
    const reply = put('the reply', { REPLY_ID: quoted })
    const { message, result } = await searched(reply)
    expect(message.params).toEqual({ REPLY_ID: String(quoted) })
    expect(result.additionalMessages.map((m: Wire) => m.id)).toEqual([quoted])
    expect(result.reactions.map((r: { messageId: number }) => r.messageId)).toEqual([quoted])
    expect((await legacy(reply)).params).toEqual([])
  })
})

describe('file records (the docs’ example in api-reference/chats/messages/im-dialog-messages-get.md)', () => {
  it('viewerAttrs as the docs show them: viewer "", viewerResized, objectId and viewerGroupBy strings, imChatId, actions as JSON text', async () => {
    const file = [...store().files.values()].find((f) => f.chatId === 1001 && f.type === 'image')
    if (!file) throw new Error('no image in chat 1001')
    const id = put('', { FILE_ID: [file.id] })
    const answer = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 5 })).body.result
    const record = answer.files.find((f: { id: number }) => f.id === file.id)
    expect(record.viewerAttrs).toEqual({
      viewer: '',
      viewerType: 'image',
      src: record.urlDownload,
      viewerResized: '',
      objectId: String(file.id),
      viewerGroupBy: '1001',
      imChatId: 1001,
      title: file.name,
      actions: expect.any(String),
    })
    expect(JSON.parse(record.viewerAttrs.actions)).toEqual([
      { type: 'download' },
      {
        type: 'copyToMe',
        text: 'Save to Disk',
        action: 'BXIM.disk.saveToDiskAction',
        params: { fileId: String(file.id) },
        extension: 'disk.viewer.actions',
        buttonIconClass: 'ui-btn-icon-cloud',
      },
    ])
    // A file-only message is not deleted; FILE_ID is integers in get, strings in search.
    expect((await legacy(id)).params).toEqual({ FILE_ID: [file.id] })
    expect((await searched(id)).message.params).toEqual({ FILE_ID: [String(file.id)] })
  })
})
