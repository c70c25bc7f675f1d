/** A chat message as the app thinks of it; wire field names never get past api/. */
export interface Message {
  id: number
  chatId: number
  /** 0 for system messages. */
  authorId: number
  isSystem: boolean
  date: Date
  /** BB-code as stored by the portal. */
  text: string
  isEdited: boolean
  isDeleted: boolean
  fileIds: number[]
  replyToId: number | null
  /** Who liked it (the message's `LIKE` param), in the order the portal lists them. */
  likedBy: number[]
  /** Unread by the viewer when it was read (the portal's `unread`); the viewer's own messages never are. */
  unread: boolean
  /**
   * Someone other than the viewer has read it (search's `viewedByOthers`): the messenger marks the
   * viewer's own messages "viewed" by it. Absent when the reader does not say (im.dialog.messages.get).
   */
  seenByOthers?: boolean
  /** Rich blocks below the text (params.ATTACH); absent or empty when it has none. */
  attach?: Attach[]
  /** Buttons under the message (params.KEYBOARD). */
  keyboard?: KeyboardButton[]
  /**
   * Every kind of reaction, as im.dialog.messages.search gives them (its top-level `reactions`).
   * Absent when the reader gives none (im.dialog.messages.get): then `likedBy` is all there is, shown as likes.
   */
  reactions?: Reaction[]
  sticker?: Sticker
  /** Forwarded from elsewhere: search's `forward`; the legacy reader only says that it was (FORWARD_ID). */
  forward?: Forward
}

export interface Reaction {
  /** ui/lib/Public/Enum/Reaction/ReactionName.php: like, faceWithTearsOfJoy, redHeart, fire, ... */
  code: string
  count: number
  /** Who, as far as the portal lists them (search names at most 5 of a kind). */
  userIds: number[]
  /** The viewer gave this reaction (search's `ownReactions`). */
  own: boolean
}

export interface Sticker {
  id: number
  packId: number
  packType: string
  /** The image, from the page's `stickers`; null when the reader gave none (the legacy reader). */
  url: string | null
  width: number | null
  height: number | null
}

export interface Forward {
  /** The original author; null when the reader does not say (im.dialog.messages.get). */
  userId: number | null
  chatTitle: string | null
}

/** One ATTACH (CIMMessageParamAttach): a side colour, a description, and its blocks in order. */
export interface Attach {
  color: string | null
  description: string
  blocks: AttachBlock[]
}

export interface AttachLink {
  name: string
  url: string | null
  desc: string
  preview: string | null
}
export interface AttachGridItem {
  display: 'LINE' | 'BLOCK' | 'ROW' | 'TABLE'
  name: string
  /** BB-code. */
  value: string
  color: string | null
  width: number | null
  url: string | null
}
interface AttachImage {
  name: string
  url: string
  preview: string | null
  width: number | null
  height: number | null
}
interface AttachFile {
  name: string
  url: string
  size: number | null
}
interface AttachUser {
  name: string
  avatar: string | null
  url: string | null
}

export type AttachBlock =
  | { kind: 'message'; text: string }
  | { kind: 'delimiter'; color: string | null; size: number | null }
  | { kind: 'link'; items: AttachLink[] }
  | { kind: 'richLink'; items: AttachLink[] }
  | { kind: 'grid'; items: AttachGridItem[] }
  | { kind: 'image'; items: AttachImage[] }
  | { kind: 'file'; items: AttachFile[] }
  | { kind: 'user'; items: AttachUser[] }

export type KeyboardButton =
  | { kind: 'newline' }
  | {
      kind: 'button'
      text: string
      /** A LINK button's address as the portal gave it (may be relative to the portal). */
      link: string | null
      /** COMMAND, ACTION, APP_ID or FUNCTION: only the messenger can run it. */
      messengerOnly: boolean
      disabled: boolean
      /** BLOCK: a button of its own width; LINE: fills the line. */
      display: 'LINE' | 'BLOCK'
      bgColor: string | null
      textColor: string | null
    }

export interface Author {
  id: number
  name: string
  /** Absolute URL, or null when the user has no photo (initials and colour are shown instead). */
  avatarUrl: string | null
  color: string
  isBot: boolean
}

export interface ChatFile {
  id: number
  name: string
  kind: 'image' | 'video' | 'audio' | 'file'
  size: number
  /** Where it downloads. */
  url: string | null
  /** Where it opens in the browser at full size (images), and its small preview; null when the portal gave none. */
  showUrl: string | null
  previewUrl: string | null
  /** An image's size in pixels (the File object's `image`); null for other files or when unknown. */
  width: number | null
  height: number | null
}

/** One page of history, oldest message first. */
export interface HistoryPage {
  /** The chat the page came from; null when the task has no chat yet (then the page is empty). */
  chatId: number | null
  messages: Message[]
  authors: Author[]
  files: ChatFile[]
  /** The portal's plan hides the history older than this page (search's `tariffRestrictions`). */
  limitedByPlan?: boolean
  /** The portal's UTC offset in minutes, read off the zone of its dates; undefined when it gave none. */
  portalUtcOffsetMinutes?: number
}

export interface TaskChat {
  taskId: number
  title: string
  /** null while the task has no chat yet (the portal creates it with the first message). */
  chatId: number | null
  /**
   * 'comments' on a portal before task chats (tasks before 25.700.0, api-reference/tasks/tasks-new.md):
   * its tasks.task.get has no chatId field at all, and the task's discussion is its comments.
   */
  discussion: 'chat' | 'comments'
}

/** Who is reading, learned in the opening batch. */
export interface Viewer {
  /** The current user's id; 0 if the portal did not say. */
  userId: number
  /** The app's chat bot, when one is registered (admins may install one). */
  bot: { id: number; name: string } | null
  /**
   * The chat's im.dialog.get says the viewer may add people to it (their role reaches
   * `manage_users_add`, and `restrictions.extend` allows it): they could add the bot. False when
   * it says no or says nothing.
   */
  mayAddMembers?: boolean
}

/**
 * What a message shows about being the task's result, and what the user can do about it: the
 * results feature decides it (results/api/badge-state.ts), the feed draws it.
 */
export interface ResultBadge {
  /** The "Result" badge is shown. */
  badge: boolean
  action: 'make' | 'remove' | null
  /** The last attempt failed: its PortalError kind (the sentence is chosen by kind). */
  error: string | null
}

/** A message of the user's own that is still on its way (from the composer's outbox). */
export interface PendingState {
  clientId: string
  /** 'waiting': held until the failed message before it is retried or discarded. */
  status: 'sending' | 'waiting' | 'failed' | 'sent'
  /** Why the last attempt failed, as a PortalError kind; null while sending. */
  errorKind: string | null
}
