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
}

/** A message of the user's own that is still on its way (from the composer's outbox). */
export interface PendingState {
  clientId: string
  /** 'waiting': held until the failed message before it is retried or discarded. */
  status: 'sending' | 'waiting' | 'failed' | 'sent'
  /** Why the last attempt failed, as a PortalError kind; null while sending. */
  errorKind: string | null
}
