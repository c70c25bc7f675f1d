/** Small helpers the seed uses to append messages, files and results to a chat. */
import type { FileRec, MessageParams, MessageRec, Store } from '../state.ts'
import type { Rng } from '../prng.ts'
import type { Notice } from './notices.ts'

function seedUuid(rng: Rng): string {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rng.next() * 4)).toString(16)}${hex(3)}-${hex(12)}`
}

export class ChatWriter {
  constructor(
    readonly store: Store,
    readonly chatId: number,
    private readonly rng: Rng,
  ) {}

  post(authorId: number, date: number, text: string, params: MessageParams = {}): MessageRec {
    const message: MessageRec = {
      id: this.store.nextMessageId,
      chatId: this.chatId,
      authorId,
      date,
      text,
      params,
      uuid: authorId === 0 ? null : seedUuid(this.rng),
    }
    this.store.addMessage(message)
    return message
  }

  /** A tasks-module notice (notices.ts): author 0, its text and params as MessageSender stores them. */
  notice(date: number, notice: Notice): MessageRec {
    return this.post(0, date, notice.text, { ...notice.params })
  }

  /** A system message that is not the tasks module's (the automation chat's robot lines): NOTIFY 'N', nothing invented. */
  system(date: number, text: string): MessageRec {
    return this.post(0, date, text, { NOTIFY: 'N' })
  }

  file(authorId: number, date: number, name: string): FileRec {
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase()
    const isImage = ['png', 'jpg', 'jpeg', 'gif', 'webp'].includes(extension)
    const file: FileRec = {
      id: this.store.nextFileId++,
      chatId: this.chatId,
      name,
      type: isImage ? 'image' : 'file',
      extension,
      size: this.rng.int(12_000, 2_400_000),
      image: isImage ? { width: this.rng.pick([640, 800, 1200, 1600]), height: this.rng.pick([400, 600, 900]) } : null,
      authorId,
      date,
    }
    this.store.files.set(file.id, file)
    return file
  }

  /** A result written in the task card (no message): ResultService::add without a messageId. */
  cardResult(authorId: number, createdAt: number, text: string, fileIds: number[]): void {
    const task = this.store.taskOfChat(this.chatId)
    if (!task) throw new Error('result for a chat without a task')
    const id = this.store.nextResultId++
    this.store.results.set(id, { id, taskId: task.id, messageId: null, authorId, text, fileIds, createdAt, updatedAt: null })
  }

  result(messageId: number, authorId: number, createdAt: number): void {
    const message = this.store.getMessage(messageId)
    const task = this.store.taskOfChat(this.chatId)
    if (!message || !task) throw new Error('result for an unknown message')
    const id = this.store.nextResultId++
    const fileIds = Array.isArray(message.params['FILE_ID']) ? (message.params['FILE_ID'] as number[]) : []
    this.store.results.set(id, { id, taskId: task.id, messageId, authorId, text: message.text, fileIds, createdAt, updatedAt: null })
  }
}
