/**
 * Every change to the portal's state is one of these entries. Live calls build an entry,
 * write it to the journal, then apply it; a restart replays the journal through the same
 * `applyEntry`, so the state after a restart is exactly the state before it.
 */
import { DELETED_TEXT } from './seed/demo-chat.ts'
import type { FileRec, MessageParams, PlacementRec, Store } from './state.ts'

export type Mutation =
  | { op: 'message'; id: number; chatId: number; authorId: number; date: number; text: string; params: MessageParams; uuid: string | null }
  | { op: 'chat'; chatId: number; taskId: number; memberIds: number[]; createdAt: number }
  | { op: 'result'; id: number; taskId: number; messageId: number; authorId: number; text: string; fileIds: number[]; createdAt: number }
  | { op: 'resultDelete'; id: number }
  | { op: 'bot'; id: number; code: string; name: string }
  | { op: 'chatUsers'; chatId: number; userIds: number[]; startId: number | null }
  | { op: 'placementBind'; placement: PlacementRec }
  | { op: 'placementUnbind'; placement: string; handler: string | null }
  | { op: 'installed'; value: boolean }
  | { op: 'messageDelete'; id: number }
  /** `text` null keeps the text; `edited` null keeps the mark, false takes it away (im.message.update IS_EDITED=N with ATTACH). */
  | { op: 'messageUpdate'; id: number; text: string | null; edited: boolean | null }
  /** The whole list after the change, so a replay lands on the same state whatever came before. */
  | { op: 'messageLike'; id: number; userIds: number[]; reaction?: { userId: number; set: boolean; date: number } }
  /** A user's read mark in a chat set to `messageId` (im.dialog.read, or the control API). */
  | { op: 'read'; chatId: number; userId: number; messageId: number }
  /** A file uploaded to a chat (im.v2.File.upload); its bytes are already in the data folder. */
  | { op: 'file'; file: FileRec }

/**
 * Refuses, before changing anything, a record that would make the state inconsistent: an id given out
 * twice, a message in no chat. Live writes never meet these (ids come from the store); a journal written
 * by two portals at once did (#24), and its replay skips such a record (journal.ts) instead of stopping.
 */
function conflict(store: Store, m: Mutation): string | null {
  switch (m.op) {
    case 'message':
      if (!store.chats.has(m.chatId)) return `message ${m.id} is in chat ${m.chatId}, which does not exist`
      return store.hasMessageId(m.id) ? `message ${m.id} already exists` : null
    case 'chat':
      return store.chats.has(m.chatId) ? `chat ${m.chatId} already exists` : null
    case 'result':
      return store.results.has(m.id) ? `result ${m.id} already exists` : null
    case 'file':
      return store.files.has(m.file.id) ? `file ${m.file.id} already exists` : null
    case 'bot':
      return store.users.has(m.id) ? `user ${m.id} already exists` : null
    default:
      return null
  }
}

export function applyEntry(store: Store, m: Mutation): void {
  const refused = conflict(store, m)
  if (refused !== null) throw new Error(refused)
  switch (m.op) {
    case 'message':
      store.addMessage({ id: m.id, chatId: m.chatId, authorId: m.authorId, date: m.date, text: m.text, params: m.params, uuid: m.uuid })
      return
    case 'chat': {
      const task = store.tasks.get(m.taskId)
      if (!task) return
      task.chatId = m.chatId
      store.chats.set(m.chatId, {
        id: m.chatId,
        taskId: m.taskId,
        title: task.title,
        ownerId: task.createdBy,
        memberIds: new Set(m.memberIds),
        createdAt: m.createdAt,
      })
      return
    }
    case 'result':
      store.results.set(m.id, {
        id: m.id,
        taskId: m.taskId,
        messageId: m.messageId,
        authorId: m.authorId,
        text: m.text,
        fileIds: m.fileIds,
        createdAt: m.createdAt,
        updatedAt: null,
      })
      store.nextResultId = Math.max(store.nextResultId, m.id + 1)
      return
    case 'resultDelete':
      store.results.delete(m.id)
      return
    case 'bot': {
      const [firstName, ...rest] = m.name.split(' ')
      store.users.set(m.id, {
        id: m.id,
        firstName: firstName ?? m.name,
        lastName: rest.join(' '),
        hasAvatar: false,
        color: '#2fc6f6',
        isAdmin: false,
        bot: true,
        gender: 'M',
        workPosition: 'Chat bot',
        email: '',
      })
      store.bots.set(m.id, { id: m.id, code: m.code, name: m.name })
      // A new bot is in no chat: it is added like any user (im.chat.user.add).
      return
    }
    case 'chatUsers': {
      const chat = store.chats.get(m.chatId)
      if (!chat) return
      for (const id of m.userIds) {
        chat.memberIds.add(id)
        if (m.startId !== null) (chat.startIds ??= new Map()).set(id, m.startId)
      }
      return
    }
    case 'placementBind':
      store.placements.push(m.placement)
      return
    case 'placementUnbind':
      store.placements = store.placements.filter((p) => !(p.placement === m.placement && (m.handler === null || p.handler === m.handler)))
      return
    case 'installed':
      store.installed = m.value
      return
    case 'messageDelete': {
      // A soft delete, as Bitrix24 keeps it: the message stays in its place, marked and emptied.
      const message = store.getMessage(m.id)
      if (!message) return
      message.text = DELETED_TEXT
      message.params = { ...message.params, IS_DELETED: 'Y' }
      return
    }
    case 'messageUpdate': {
      const message = store.getMessage(m.id)
      if (!message) return
      if (m.text !== null) message.text = m.text
      const rest = { ...message.params }
      delete rest['IS_EDITED']
      if (m.edited === true) message.params = { ...rest, IS_EDITED: 'Y' }
      // Bitrix24 sends no IS_EDITED on messages that are not marked, so the key goes rather than turning 'N'.
      else if (m.edited === false) message.params = rest
      return
    }
    case 'file':
      store.files.set(m.file.id, { ...m.file })
      store.nextFileId = Math.max(store.nextFileId, m.file.id + 1)
      return
    case 'messageLike': {
      const message = store.getMessage(m.id)
      if (!message) return
      const rest = { ...message.params }
      delete rest['LIKE']
      // An empty list leaves no LIKE key, as on a message nobody ever liked (im-dialog-messages-get.md shows `params: []`).
      message.params = m.userIds.length > 0 ? { ...rest, LIKE: [...m.userIds] } : rest
      // im.message.like's 'like' reaction (CIMMessenger::Like through ReactionService), kept in b_im_reaction's order.
      if (m.reaction) {
        const { userId, set, date } = m.reaction
        const others = (message.reactions ?? []).filter((r) => !(r.userId === userId && r.reaction === 'like'))
        message.reactions = set ? [...others, { userId, reaction: 'like', date }] : others
      }
      return
    }
    case 'read':
      store.readMarks.set(`${m.chatId}:${m.userId}`, m.messageId)
      return
  }
}
