/**
 * Store records → wire objects. Casing differs by method, exactly as on a real portal:
 * im.dialog.messages.get has snake_case messages and users; im.v2.Chat.Message.tail has
 * snake chat_id/author_id plus camelCase flags and camelCase users; files are camelCase everywhere.
 */
import { portalIso } from '../dates.ts'
import type { FileRec, MessageRec, Store, UserRec } from '../state.ts'
import { ALL_READ, type ReadFlags } from './read-state.ts'

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

/** PHP serialises an empty params array as `[]`. */
function paramsOut(message: MessageRec, emptyAs: '[]' | '{}'): unknown {
  if (Object.keys(message.params).length > 0) return message.params
  return emptyAs === '[]' ? [] : {}
}

/** `read`: the caller's read state of the message (read-state.ts). */
export function messageSnake(message: MessageRec, read: ReadFlags = ALL_READ): Record<string, unknown> {
  return {
    id: message.id,
    chat_id: message.chatId,
    author_id: message.authorId,
    date: portalIso(message.date),
    text: message.text,
    unread: read.unread,
    uuid: message.uuid,
    replaces: [],
    params: paramsOut(message, '[]'),
    disappearing_date: null,
  }
}

export function messageTail(message: MessageRec, read: ReadFlags = ALL_READ): Record<string, unknown> {
  return {
    id: message.id,
    chat_id: message.chatId,
    author_id: message.authorId,
    date: portalIso(message.date),
    text: message.text,
    isSystem: message.authorId === 0,
    replaces: [],
    unread: read.unread,
    viewed: read.viewed,
    viewedByOthers: read.viewedByOthers,
    uuid: message.uuid,
    params: paramsOut(message, '{}'),
  }
}

export function fileUrl(file: FileRec, origin: string): string {
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
    viewerAttrs: { viewer: true, viewerType: file.type === 'image' ? 'image' : 'cloud-document', src: url, objectId: `BX.Disk.${file.id}`, title: file.name },
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
export function messageSearch(message: MessageRec, read: ReadFlags = ALL_READ): Record<string, unknown> {
  return {
    id: message.id,
    chatId: message.chatId,
    chat_id: message.chatId,
    authorId: message.authorId,
    author_id: message.authorId,
    date: portalIso(message.date),
    text: message.text,
    isSystem: message.authorId === 0,
    uuid: message.uuid,
    forward: null,
    params: paramsOut(message, '[]'),
    viewedByOthers: read.viewedByOthers,
    block: null,
    unread: read.unread,
    viewed: read.viewed,
    viewedCount: read.viewedCount,
  }
}
