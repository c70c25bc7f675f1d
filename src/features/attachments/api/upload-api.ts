import * as v from 'valibot'
import type { PortalClient } from '../../../b24/portal-client'
import { toChatFile } from '../../../chat/map-history'
import type { ChatFile } from '../../../chat/types'
import { Id, WireFile } from '../../../chat/wire'
import type { Transfer } from './attachment-queue'

/** `{file, messageId, chatId, dialogId}` (file-upload.md, "Returned Data"). */
const UploadAnswer = v.looseObject({ file: WireFile, messageId: Id, chatId: Id })

export interface Uploaded {
  messageId: number
  file: ChatFile
}

/** The file's bytes as Base64 without the `data:…;base64,` prefix, which the method refuses. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsDataURL(file)
  })
}

/** Slowest upload we wait for before calling it lost (bytes a second); the SDK's 30 s is for small calls. */
const SLOWEST_BYTES_PER_S = 20_000

/**
 * im.v2.File.upload (v2): puts the file in the chat as the user, with the message it makes; the
 * content travels as Base64 inside the JSON body, so the body is about 4/3 of the file.
 */
export async function uploadFile(client: PortalClient, chatId: number, file: File, transfer: Transfer): Promise<Uploaded> {
  const content = await readBase64(file)
  transfer.signal.throwIfAborted()
  const timeoutMs = 30_000 + Math.ceil((content.length / SLOWEST_BYTES_PER_S) * 1000)
  const raw = await client.sendV2('im.v2.File.upload', { dialogId: `chat${chatId}`, fields: { name: file.name, content } }, { ...transfer, timeoutMs })
  const answer = v.parse(UploadAnswer, raw)
  return { messageId: answer.messageId, file: toChatFile(answer.file) }
}
