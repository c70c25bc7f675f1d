/**
 * Store records → wire objects. Casing differs by method, exactly as on a real portal:
 * im.dialog.messages.get has snake_case messages and users; im.v2.Chat.Message.tail has
 * snake chat_id/author_id plus camelCase flags and camelCase users; files are camelCase everywhere.
 */
import { portalIso } from '../dates.ts'
import type { FileRec, MessageRec, Store, UserRec } from '../state.ts'
import { intval, legacyParams } from './legacy-params.ts'
import type { ReadFlags } from './read-state.ts'
import { parseText } from './text-parse.ts'
import { v2Params } from './v2-params.ts'

function fullName(user: UserRec): string {
  return `${user.firstName} ${user.lastName}`.trim()
}

export function avatarUrl(user: UserRec, origin: string): string {
  return user.hasAvatar ? `${origin}/upload/avatar/${user.id}.svg` : ''
}

/** A fixed "last seen" so answers stay deterministic. */
const LAST_ACTIVITY = portalIso(1793350000)

export function userSnake(user: UserRec, origin: string): Record<string, unknown> {
  const avatar = avatarUrl(user, origin)
  return {
    id: user.id,
    active: true,
    name: fullName(user),
    first_name: user.firstName,
    last_name: user.lastName,
    work_position: user.workPosition,
    color: user.color,
    avatar,
    avatar_hr: avatar,
    gender: user.gender,
    birthday: '',
    extranet: false,
    network: false,
    bot: user.bot,
    connector: false,
    external_auth_id: user.bot ? 'bot' : 'default',
    status: 'online',
    idle: false,
    last_activity_date: LAST_ACTIVITY,
    mobile_last_date: false,
    desktop_last_date: false,
    absent: false,
    departments: [1],
    phones: false,
    bot_data: user.bot ? { code: user.firstName.toLowerCase(), type: 'bot', is_hidden: false } : null,
    type: user.bot ? 'bot' : 'user',
    website: '',
    email: user.email,
  }
}

export function userCamel(user: UserRec, origin: string): Record<string, unknown> {
  const avatar = avatarUrl(user, origin)
  return {
    id: user.id,
    active: true,
    name: fullName(user),
    firstName: user.firstName,
    lastName: user.lastName,
    workPosition: user.workPosition,
    color: user.color,
    avatar,
    avatarHr: avatar,
    gender: user.gender,
    birthday: '',
    extranet: false,
    network: false,
    bot: user.bot,
    connector: false,
    externalAuthId: user.bot ? 'bot' : 'default',
    status: 'online',
    idle: false,
    lastActivityDate: LAST_ACTIVITY,
    mobileLastDate: false,
    desktopLastDate: false,
    absent: false,
    departments: [1],
    phones: false,
    type: user.bot ? 'bot' : 'user',
  }
}

/** The text a reader shows for a message with nothing in it (IM_CHAT_MESSAGE_DELETED / IM_MESSAGE_DELETED, en). */
const DELETED_READ_TEXT = 'This message has been deleted.'

/** PHP serialises an empty array as `[]`. */
function orEmpty(params: Record<string, unknown>): unknown {
  return Object.keys(params).length > 0 ? params : []
}

/**
 * im.dialog.messages.get (im/lib/chat.php getMessages): text through Im\Text::parse, params as
 * CIMMessageParam::Get gives them (legacy-params.ts); empty text with no FILE_ID, KEYBOARD or ATTACH
 * reads as deleted (IS_DELETED 'Y'). `read`: the caller's read state (read-state.ts).
 */
export function messageSnake(message: MessageRec, read: ReadFlags, store: Store): Record<string, unknown> {
  const params = legacyParams(message.params)
  let text = parseText(store, message.text)
  if (text === '' && !('FILE_ID' in params) && !('KEYBOARD' in params) && !('ATTACH' in params)) {
    text = DELETED_READ_TEXT
    params['IS_DELETED'] = 'Y'
  }
  return {
    id: message.id,
    chat_id: message.chatId,
    author_id: message.authorId,
    date: portalIso(message.date),
    text,
    unread: read.unread,
    uuid: message.uuid,
    replaces: [],
    params: orEmpty(params),
    disappearing_date: null,
  }
}

/** Message::isCompletelyEmpty (im/lib/V2/Message.php): no text, FILE_ID, KEYBOARD, ATTACH or STICKER_PARAMS. */
function completelyEmpty(text: string, params: Record<string, unknown>): boolean {
  return text === '' && !['FILE_ID', 'KEYBOARD', 'ATTACH', 'STICKER_PARAMS'].some((key) => key in params)
}

/**
 * Message::toRestFormat's common part (im/lib/V2/Message.php): parsed text (IM_MESSAGE_DELETED when
 * completely empty, with IS_DELETED 'Y' from getEnrichedParams), v2 params (v2-params.ts), `forward`.
 */
function v2Common(message: MessageRec, store: Store): { text: string; params: unknown; forward: unknown } {
  const params = v2Params(message.params)
  let text = parseText(store, message.text)
  if (completelyEmpty(text, params)) {
    text = DELETED_READ_TEXT
    params['IS_DELETED'] = 'Y'
  }
  return { text, params: orEmpty(params), forward: forwardInfo(message, store) }
}

/**
 * Message::getForwardInfo: set when FORWARD_ID and FORWARD_CONTEXT_ID are; chatType from the context
 * id's dialog (ForwardService::getChatTypeByContextId): a user pair is 'private', a task chat 'tasksTask'.
 */
export function forwardInfo(message: MessageRec, store: Store): Record<string, unknown> | null {
  const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)
  const id = first(message.params['FORWARD_ID'])
  const context = first(message.params['FORWARD_CONTEXT_ID'])
  if (id === undefined || id === null || context === undefined || context === null) return null
  const contextId = String(context)
  const dialog = contextId.split('/')[0] ?? ''
  const chatId = dialog.startsWith('chat') ? Number(dialog.slice(4)) : undefined
  const chatType = chatId === undefined ? 'private' : store.chats.has(chatId) ? 'tasksTask' : 'chat'
  const title = first(message.params['FORWARD_CHAT_TITLE'])
  return {
    id: contextId,
    userId: intval(first(message.params['FORWARD_USER_ID'])),
    chatTitle: title === undefined || title === null ? null : String(title),
    chatType,
  }
}

export function messageTail(message: MessageRec, read: ReadFlags, store: Store): Record<string, unknown> {
  const common = v2Common(message, store)
  return {
    id: message.id,
    chat_id: message.chatId,
    author_id: message.authorId,
    date: portalIso(message.date),
    text: common.text,
    isSystem: message.authorId === 0,
    replaces: [],
    unread: read.unread,
    viewed: read.viewed,
    viewedByOthers: read.viewedByOthers,
    uuid: message.uuid,
    forward: common.forward,
    params: common.params,
  }
}

function fileUrl(file: FileRec, origin: string): string {
  return `${origin}/upload/file/${file.id}/${encodeURIComponent(file.name)}`
}

export function fileCamel(file: FileRec, store: Store, origin: string): Record<string, unknown> {
  const url = fileUrl(file, origin)
  return {
    id: file.id,
    chatId: file.chatId,
    date: portalIso(file.date),
    type: file.type,
    name: file.name,
    extension: file.extension,
    size: file.size,
    image: file.image ?? false,
    status: 'done',
    progress: 100,
    authorId: file.authorId,
    authorName: store.userName(file.authorId),
    urlPreview: file.type === 'image' ? `${url}?preview=Y` : '',
    urlShow: url,
    urlDownload: `${url}?download=Y`,
    // As the docs' example of im.dialog.messages.get shows them (api-reference/chats/messages/im-dialog-messages-get.md).
    viewerAttrs: {
      viewer: '',
      viewerType: file.type === 'image' ? 'image' : 'cloud-document',
      src: `${url}?download=Y`,
      viewerResized: '',
      objectId: String(file.id),
      viewerGroupBy: String(file.chatId),
      imChatId: file.chatId,
      title: file.name,
      actions: JSON.stringify([
        { type: 'download' },
        {
          type: 'copyToMe',
          text: 'Save to Disk',
          action: 'BXIM.disk.saveToDiskAction',
          params: { fileId: String(file.id) },
          extension: 'disk.viewer.actions',
          buttonIconClass: 'ui-btn-icon-cloud',
        },
      ]),
    },
    mediaUrl: file.type === 'image' ? { preview: { 250: `${url}?preview=Y&width=250` } } : [],
    isTranscribable: false,
    isVideoNote: false,
    isVoiceNote: false,
  }
}

/** Author ids of a page (system messages contribute none) plus users named in params.CHAT_USER. */
export function pageUserIds(messages: readonly MessageRec[]): number[] {
  const ids = new Set<number>()
  for (const message of messages) {
    if (message.authorId > 0) ids.add(message.authorId)
    const named = message.params['CHAT_USER']
    if (Array.isArray(named)) for (const id of named) if (typeof id === 'number') ids.add(id)
  }
  return [...ids].sort((a, b) => a - b)
}

/**
 * The v2 reader's users (im/lib/V2/MessageCollection.php getUserIds, Message::getUserIds): authors,
 * users mentioned as [USER=id] in the text, FORWARD_USER_ID and CHAT_USER.
 */
export function pageUserIdsV2(messages: readonly MessageRec[]): number[] {
  const ids = new Set(pageUserIds(messages))
  for (const message of messages) {
    for (const match of message.text.matchAll(/\[USER=([0-9]+)( REPLACE)?\]/gi)) ids.add(Number(match[1]))
    const forwarded = intval(Array.isArray(message.params['FORWARD_USER_ID']) ? message.params['FORWARD_USER_ID'][0] : message.params['FORWARD_USER_ID'])
    if (forwarded > 0) ids.add(forwarded)
  }
  return [...ids].filter((id) => id > 0).sort((a, b) => a - b)
}

export function pageFiles(messages: readonly MessageRec[], store: Store): FileRec[] {
  const files: FileRec[] = []
  for (const message of messages) {
    const ids = message.params['FILE_ID']
    if (!Array.isArray(ids)) continue
    for (const id of ids) {
      const file = typeof id === 'number' ? store.files.get(id) : undefined
      if (file) files.push(file)
    }
  }
  return files
}

/** im.dialog.messages.search (im-dialog-messages-search.md#message): camelCase plus the old snake ids. */
export function messageSearch(message: MessageRec, read: ReadFlags, store: Store): Record<string, unknown> {
  const common = v2Common(message, store)
  return {
    id: message.id,
    chatId: message.chatId,
    chat_id: message.chatId,
    authorId: message.authorId,
    author_id: message.authorId,
    date: portalIso(message.date),
    text: common.text,
    isSystem: message.authorId === 0,
    uuid: message.uuid,
    forward: common.forward,
    params: common.params,
    viewedByOthers: read.viewedByOthers,
    block: null,
    unread: read.unread,
    viewed: read.viewed,
    viewedCount: read.viewedCount,
  }
}
