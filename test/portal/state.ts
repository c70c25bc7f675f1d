/**
 * The portal's data model and in-memory store. Everything the REST methods read or change
 * lives here; the seed fills it, the journal replays mutations into it.
 */

export interface UserRec {
  id: number
  firstName: string
  lastName: string
  hasAvatar: boolean
  color: string
  isAdmin: boolean
  bot: boolean
  gender: 'M' | 'F'
  workPosition: string
  email: string
}

export interface TaskRec {
  id: number
  title: string
  description: string
  /** Bitrix task status: 2 pending, 3 in progress, 5 completed. */
  status: number
  createdBy: number
  responsibleId: number
  /** Everyone with access to the task: creator, responsible, accomplices, auditors. */
  memberIds: number[]
  /** Auditors among the members: they read the task and its chat but may not record results. */
  auditorIds?: number[]
  chatId: number | null
  createdAt: number
  deadline: number | null
}

export interface ChatRec {
  id: number
  taskId: number
  title: string
  ownerId: number
  memberIds: Set<number>
  createdAt: number
  /** Members added with HIDE_HISTORY=Y see messages from this id on (im.chat.user.add). */
  startIds?: Map<number, number>
}

export type MessageParams = Record<string, unknown>

export interface MessageRec {
  id: number
  chatId: number
  /** 0 for system messages. */
  authorId: number
  /** unix seconds */
  date: number
  text: string
  /**
   * Params as Bitrix stores them (b_im_message_param): names in upper case, values as the writer set
   * them. Each reader serializes them its own way (rest/format.ts): the legacy reader keeps only
   * CIMMessageParam::GetDefault()'s keys, the v2 reader Params.php's.
   */
  params: MessageParams
  uuid: string | null
  /**
   * Reactions in the order they were set (b_im_reaction; im/lib/V2/Message/Reaction). Each reacting
   * user is also in params.LIKE, as ReactionService writes it.
   */
  reactions?: ReactionRec[]
}

export interface ReactionRec {
  userId: number
  /** ui/lib/Public/Enum/Reaction/ReactionName.php: like, kiss, laugh, wonder, cry, angry, facepalm, redHeart, ... */
  reaction: string
  /** unix seconds */
  date: number
}

export interface FileRec {
  id: number
  chatId: number
  name: string
  type: 'image' | 'file'
  extension: string
  size: number
  image: { width: number; height: number } | null
  authorId: number
  date: number
  /** Uploaded by a user (im.v2.File.upload): its bytes are in the data folder (file-blobs.ts), not generated. */
  uploaded?: boolean
}

export interface ResultRec {
  id: number
  taskId: number
  messageId: number | null
  authorId: number
  text: string
  fileIds: number[]
  createdAt: number
  updatedAt: number | null
}

export interface BotRec {
  id: number
  code: string
  name: string
}

export interface PlacementRec {
  placement: string
  handler: string
  title: string
  description: string
  options: Record<string, unknown> | unknown[]
  langAll: Record<string, unknown>
}

/**
 * Messages are kept per chat in ascending id order (ids are global and increasing, so an
 * append keeps the order) and indexed by id for REPLY_ID and result look-ups.
 */
export class Store {
  readonly users = new Map<number, UserRec>()
  readonly tasks = new Map<number, TaskRec>()
  readonly chats = new Map<number, ChatRec>()
  readonly files = new Map<number, FileRec>()
  readonly results = new Map<number, ResultRec>()
  readonly bots = new Map<number, BotRec>()
  placements: PlacementRec[] = []
  installed = false
  nextMessageId = 1
  nextFileId = 1
  nextResultId = 1
  /**
   * Unread messages: each member's last read message of a chat, keyed `chatId:userId`
   * (im.dialog.read moves it). A member with no entry has read through `readThrough`.
   */
  readonly readMarks = new Map<string, number>()
  /** Everyone had read every message up to this id when the seed finished. */
  readThrough = 0
  private readonly chatMessages = new Map<number, MessageRec[]>()
  private readonly messagesById = new Map<number, MessageRec>()
  /** Chats whose messages are generated on first use (the 100,000-message benchmark chat). */
  private readonly lazyChats = new Map<number, { firstId: number; lastId: number; fill: (store: Store, firstId: number) => void }>()

  addMessage(message: MessageRec): void {
    const list = this.chatMessages.get(message.chatId) ?? []
    const last = list[list.length - 1]
    if (last && last.id >= message.id) throw new Error(`message ${message.id} is not newer than ${last.id}`)
    list.push(message)
    this.chatMessages.set(message.chatId, list)
    this.messagesById.set(message.id, message)
    if (message.id >= this.nextMessageId) this.nextMessageId = message.id + 1
  }

  /** The id is a message's, or reserved for one of a lazily filled chat (found without filling it). */
  hasMessageId(id: number): boolean {
    if (this.messagesById.has(id)) return true
    for (const lazy of this.lazyChats.values()) if (id >= lazy.firstId && id <= lazy.lastId) return true
    return false
  }

  /** Reserve an id range for a chat filled lazily; new posts take ids above it. */
  reserveLazyChat(chatId: number, count: number, fill: (store: Store, firstId: number) => void): { firstId: number; lastId: number } {
    const firstId = this.nextMessageId
    const lastId = firstId + count - 1
    this.lazyChats.set(chatId, { firstId, lastId, fill })
    this.nextMessageId = lastId + 1
    return { firstId, lastId }
  }

  private materialize(chatId: number): void {
    const lazy = this.lazyChats.get(chatId)
    if (!lazy) return
    this.lazyChats.delete(chatId)
    // Posts made before the fill (journal replay) must stay after the generated history.
    const posted = this.chatMessages.get(chatId) ?? []
    this.chatMessages.delete(chatId)
    const next = this.nextMessageId
    lazy.fill(this, lazy.firstId)
    for (const message of posted) this.addMessage(message)
    this.nextMessageId = Math.max(this.nextMessageId, next)
  }

  messagesOf(chatId: number): readonly MessageRec[] {
    this.materialize(chatId)
    return this.chatMessages.get(chatId) ?? []
  }

  getMessage(id: number): MessageRec | undefined {
    const found = this.messagesById.get(id)
    if (found) return found
    for (const [chatId, lazy] of this.lazyChats) {
      if (id >= lazy.firstId && id <= lazy.lastId) {
        this.materialize(chatId)
        return this.messagesById.get(id)
      }
    }
    return undefined
  }

  /** The id of the last message `userId` has read in the chat (im-dialog-get.md `last_id`). */
  lastRead(chatId: number, userId: number): number {
    return this.readMarks.get(`${chatId}:${userId}`) ?? this.readThrough
  }

  taskOfChat(chatId: number): TaskRec | undefined {
    const chat = this.chats.get(chatId)
    return chat ? this.tasks.get(chat.taskId) : undefined
  }

  userName(id: number): string {
    const user = this.users.get(id)
    return user ? `${user.firstName} ${user.lastName}`.trim() : `User ${id}`
  }
}
