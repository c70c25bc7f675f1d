/**
 * im.message.add with ATTACH and KEYBOARD (api-reference/chats/messages/im-message-add.md, attachments.md,
 * keyboards.md): MESSAGE is required only without ATTACH; ATTACH_ERROR / KEYBOARD_ERROR for what the im
 * source cannot build (im/classes/general/im_rest.php messageAdd; CIMMessageParamAttach::GetAttachByJson,
 * Bot\Keyboard::getKeyboardByJson); both readers then answer them in the stored form.
 */
import { describe, expect, it } from 'vitest'
import { usePortal } from './helpers.ts'

const p = usePortal({ resetEachTest: true })

const add = (params: Record<string, unknown>) => p.v2('im.message.add', { DIALOG_ID: 'chat1001', ...params })
const refusal = (error: string, description: string) => ({ status: 400, error, description })
const answerOf = (a: { status: number; body: { error?: string; error_description?: string } }) => ({
  status: a.status,
  error: a.body.error,
  description: a.body.error_description,
})

describe('im.message.add ATTACH and KEYBOARD', () => {
  it('an ATTACH alone is a message; blocks are kept as the source builds them, read the same by both readers', async () => {
    const answer = await add({
      ATTACH: {
        COLOR: '#29619b',
        BLOCKS: [
          { MESSAGE: 'Result: [b]done[/b]' },
          { DELIMITER: { SIZE: 0, COLOR: 'red' } },
          { LINK: { NAME: 'Spec', LINK: 'https://example.com/spec', DESC: 'the spec' } },
          { GRID: [{ NAME: 'Status', VALUE: 'Done', DISPLAY: 'COLUMN' }] },
          {
            FILE: [
              { NAME: 'report.pdf', LINK: 'https://example.com/report.pdf', SIZE: 1500 },
              { NAME: 'bad', LINK: 'javascript:alert(1)' },
            ],
          },
          { USER: { NAME: 'Alex', USER_ID: 1 } },
        ],
      },
      KEYBOARD: [
        { TEXT: 'Open', LINK: 'https://example.com/', DISPLAY: 'LINE', BG_COLOR: '#29619b' },
        { TEXT: 'Run', COMMAND: 'run' },
      ],
    })
    expect(answer.status).toBe(200)
    const id = answer.body.result as number
    const attach = {
      ID: expect.any(Number),
      BLOCKS: [
        { MESSAGE: 'Result: [b]done[/b]' },
        { DELIMITER: { SIZE: 200 } },
        { LINK: [{ NAME: 'Spec', LINK: 'https://example.com/spec', DESC: 'the spec' }] },
        { GRID: [{ DISPLAY: 'ROW', NAME: 'Status', VALUE: 'Done', COLOR_TOKEN: 'base' }] },
        { FILE: [{ LINK: 'https://example.com/report.pdf', NAME: 'report.pdf', SIZE: 1500 }] },
        { USER: [{ NAME: 'Alex', AVATAR_TYPE: 'USER', USER_ID: 1 }] },
      ],
      DESCRIPTION: '',
      COLOR: '#29619b',
      COLOR_TOKEN: 'base',
    }
    // The COMMAND button needs a bot: dropped (keyboard.php addButton).
    const keyboard = [
      {
        BOT_ID: 0,
        TYPE: 'BUTTON',
        LINK: 'https://example.com/',
        TEXT: 'Open',
        VOTE: 'N',
        BLOCK: 'N',
        WAIT: 'N',
        CONTEXT: 'ALL',
        DISABLED: 'N',
        DISPLAY: 'LINE',
        BG_COLOR: '#29619b',
        BG_COLOR_TOKEN: 'base',
      },
    ]
    const get = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 })).body.result.messages[0]
    expect(get).toMatchObject({ id, text: '', params: { ATTACH: [attach], KEYBOARD: keyboard } })
    const search = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LIMIT: 1 })).body.result.messages[0]
    expect(search).toMatchObject({ id, text: '', params: { ATTACH: [attach], KEYBOARD: keyboard } })
  })

  it('refuses as the page lists: no MESSAGE and no ATTACH, an ATTACH or KEYBOARD nothing can be built from', async () => {
    expect(answerOf(await add({}))).toEqual(refusal('MESSAGE_EMPTY', "Message can't be empty"))
    expect(answerOf(await add({ MESSAGE: '  ' }))).toEqual(refusal('MESSAGE_EMPTY', "Message can't be empty"))
    expect(answerOf(await add({ MESSAGE: 'x', ATTACH: { BLOCKS: [{ LINK: { LINK: 'ftp://nope' } }] } }))).toEqual(
      refusal('ATTACH_ERROR', 'Incorrect attach params'),
    )
    expect(answerOf(await add({ MESSAGE: 'x', ATTACH: 'not json' }))).toEqual(refusal('ATTACH_ERROR', 'Incorrect attach params'))
    expect(answerOf(await add({ MESSAGE: 'x', KEYBOARD: [{ TEXT: 'no action' }] }))).toEqual(refusal('KEYBOARD_ERROR', 'Incorrect keyboard params'))
    const big = { BLOCKS: Array.from({ length: 400 }, (_v, i) => ({ MESSAGE: `${i} ${'x'.repeat(200)}` })) }
    expect(answerOf(await add({ MESSAGE: 'x', ATTACH: big }))).toEqual(refusal('ATTACH_OVERSIZE', 'You have exceeded the maximum allowable size of attach'))
  })

  it('an ATTACH given as JSON text and as a bare list of blocks', async () => {
    const id = (await add({ MESSAGE: 'see', ATTACH: JSON.stringify([{ MESSAGE: 'one' }, { IMAGE: { LINK: 'https://example.com/a.png', NAME: 'a' } }]) })).body
      .result as number
    const message = (await p.v2('im.dialog.messages.search', { CHAT_ID: 1001, LIMIT: 1 })).body.result.messages[0]
    expect(message.id).toBe(id)
    // A bare list has no COLOR (SetColor(CHAT)) and no DESCRIPTION.
    expect(message.params.ATTACH).toEqual([
      {
        ID: expect.any(Number),
        BLOCKS: [{ MESSAGE: 'one' }, { IMAGE: [{ NAME: 'a', LINK: 'https://example.com/a.png' }] }],
        DESCRIPTION: '',
        COLOR_TOKEN: 'base',
      },
    ])
  })
})
