// For tests: a message's content outside its text, as each history reader writes it. Shapes from
// im/classes/general/im_message_param.php (CIMMessageParamAttach, GetDefault), im/lib/bot/keyboard.php,
// im/lib/V2/Message.php getForwardInfo, im/lib/V2/Message/Reaction/ReactionMessage.php and
// api-reference/chats/messages/im-dialog-messages-search.md.

const ATTACH = [
  {
    ID: 1767225600,
    COLOR: '#aac337',
    DESCRIPTION: 'Result: [B]shipped[/B]',
    BLOCKS: [
      { MESSAGE: 'Result: [B]shipped[/B]' },
      { DELIMITER: { SIZE: 200, COLOR: '#c8c8c8' } },
      {
        GRID: [
          { DISPLAY: 'LINE', NAME: 'Status', VALUE: 'Completed' },
          { DISPLAY: 'COLUMN', NAME: 'Deadline', VALUE: 'Friday' },
        ],
      },
      { LINK: [{ NAME: 'Release notes', LINK: 'https://example.com/notes', DESC: 'What changed', PREVIEW: 'https://example.com/p.png' }] },
      { RICH_LINK: [{ NAME: 'Rich page', LINK: '/company/page/', DESC: 'From the portal', EXTRA_IMAGE: 'javascript:alert(1)' }] },
      { IMAGE: [{ NAME: 'Screenshot', LINK: 'https://example.com/shot.png', PREVIEW: 'https://example.com/shot-s.png', WIDTH: 100, HEIGHT: 50 }] },
      { FILE: [{ NAME: 'report.pdf', LINK: 'https://example.com/report.pdf', SIZE: 2048 }] },
      { USER: [{ NAME: 'Maria Ivanova', AVATAR: 'https://example.com/a.png', LINK: 'https://example.com/u/2' }] },
      { LINK: [{ NAME: 'Evil', LINK: 'javascript:alert(1)' }] },
      { GRID: 'not a list of rows' },
      { UNKNOWN_BLOCK: [1] },
    ],
  },
]

const KEYBOARD = [
  {
    BOT_ID: 0,
    TYPE: 'BUTTON',
    TEXT: 'Open the old comments',
    LINK: 'https://example.com/old?a=1&amp;b=2',
    DISPLAY: 'LINE',
    DISABLED: 'N',
    BLOCK: 'N',
    CONTEXT: 'ALL',
  },
  { TYPE: 'NEWLINE' },
  { BOT_ID: 7, TYPE: 'BUTTON', TEXT: 'Run report', COMMAND: 'report', COMMAND_PARAMS: '', DISPLAY: 'BLOCK', DISABLED: 'N', CONTEXT: 'ALL' },
  { BOT_ID: 7, TYPE: 'BUTTON', TEXT: 'Closed', LINK: 'https://example.com/closed', DISABLED: 'Y', CONTEXT: 'ALL' },
  { BOT_ID: 7, TYPE: 'BUTTON', TEXT: 'Phone only', LINK: 'https://example.com/m', CONTEXT: 'MOBILE' },
  { BOT_ID: 7, TYPE: 'BUTTON', TEXT: '' },
]

const USERS = [
  { id: 1, name: 'Alex Morgan', first_name: 'Alex', last_name: 'Morgan', color: '#1eb4aa', avatar: '' },
  { id: 2, name: 'Maria Ivanova', first_name: 'Maria', last_name: 'Ivanova', color: '#4ba984', avatar: '' },
  { id: 3, name: 'Oleg Petrov', first_name: 'Oleg', last_name: 'Petrov', color: '#ab7761', avatar: '' },
]

/** im.dialog.messages.get: params as stored, GetDefault's keys only (no REPLY_ID, FORWARD_ID alone), no reactions. */
export const legacyContentPage = {
  messages: [
    { id: 504, chat_id: 1001, author_id: 2, date: '2026-03-04T09:46:00+03:00', text: 'the answer', unread: false, params: { LIKE: [1, 3] } },
    {
      id: 503,
      chat_id: 1001,
      author_id: 3,
      date: '2026-03-04T09:45:00+03:00',
      text: '',
      params: { STICKER_PARAMS: { ID: 5, PACK_ID: 1, PACK_TYPE: 'vendor' } },
    },
    { id: 502, chat_id: 1001, author_id: 2, date: '2026-03-04T09:44:00+03:00', text: 'passed on', params: { FORWARD_ID: 77 } },
    { id: 501, chat_id: 1001, author_id: 0, date: '2026-03-04T09:43:00+03:00', text: '', params: { ATTACH, KEYBOARD, LIKE: [] } },
  ],
  users: USERS,
  files: [],
}

/** im.dialog.messages.search: 'Y'/'N', ints as strings, `forward`, and the page's `reactions`, `stickers`, `usersShort`. */
export const searchContentPage = {
  messages: [
    {
      id: 504,
      chatId: 1001,
      chat_id: 1001,
      authorId: 2,
      author_id: 2,
      date: '2026-03-04T09:46:00+03:00',
      text: 'the answer',
      isSystem: false,
      forward: null,
      params: { REPLY_ID: '501', LIKE: [1, 3] },
    },
    {
      id: 503,
      chatId: 1001,
      authorId: 3,
      date: '2026-03-04T09:45:00+03:00',
      text: '',
      isSystem: false,
      forward: null,
      params: { STICKER_PARAMS: { id: 5, packId: 1, packType: 'vendor' } },
    },
    {
      id: 502,
      chatId: 1001,
      authorId: 2,
      date: '2026-03-04T09:44:00+03:00',
      text: 'passed on',
      isSystem: false,
      forward: { id: 'chat1001/77', userId: 3, chatTitle: 'Design team', chatType: 'chat' },
      params: { FORWARD_ID: '77', FORWARD_USER_ID: '3', FORWARD_CHAT_TITLE: 'Design team' },
    },
    { id: 501, chatId: 1001, authorId: 0, date: '2026-03-04T09:43:00+03:00', text: '', isSystem: true, forward: null, params: { ATTACH, KEYBOARD } },
  ],
  users: USERS,
  files: [],
  stickers: [{ id: 5, uri: 'https://example.com/sticker.png', type: 'image', width: 256, height: 256, packId: 1, packType: 'vendor', sort: 5 }],
  reactions: [
    { messageId: 504, reactionCounters: { like: 1, fire: 1, faceWithTearsOfJoy: 7 }, reactionUsers: { like: [1], fire: [3] }, ownReactions: ['like'] },
  ],
  usersShort: [{ id: 9, name: 'Ivan Far', avatar: '' }],
}
