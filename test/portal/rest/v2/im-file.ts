/**
 * im.v2.File.upload (api-reference/chat-bots/chat-bots-v2/im.v2/files/file-upload.md): one call
 * puts a file on Drive, attaches it to the chat and posts the message, as the token's user.
 * `dialogId` + `fields {name, content (Base64, no data: prefix), message?}`; the answer is
 * `{file, messageId, chatId, dialogId}`. Errors are the page's codes with its descriptions, HTTP 400,
 * and 403 for ACCESS_DENIED. Where the page is silent the check is the stricter one: the chat is
 * checked before the fields (the controller's access prefilter runs first), an empty file is
 * FILE_EMPTY, and the size and Base64 readings are switches (Conditions.fileUploadMaxBytes, fileUploadBase64).
 * im.v2.File.download: below.
 */
import { downloadUrl } from '../../download-links.ts'
import { RestError } from '../../envelope.ts'
import { imageSize } from '../../image-size.ts'
import type { ChatRec, FileRec } from '../../state.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { decodedLength, encodedLength, isStrictBase64, lenientBase64 } from '../base64.ts'
import { fileCamel } from '../format.ts'
import { isChatMember, normalizeText, postMessage } from '../ops.ts'
import { chatIdFromDialog, intOf, isRecord, param } from '../params.ts'

const chatNotFound = () => new RestError(400, 'CHAT_NOT_FOUND', 'CHAT_NOT_FOUND')
const accessDenied = () => new RestError(403, 'ACCESS_DENIED', 'Access denied')
const fileEmpty = () => new RestError(400, 'FILE_EMPTY', 'File name and content are required')
const invalidContent = () => new RestError(400, 'FILE_INVALID_CONTENT', 'Invalid base64 content')
/**
 * The server's words (im/lib/V2/Service/FileService.php); file-upload.md's table says "File is too
 * large" and its example "File too large", so the page does not settle it and the source does.
 */
export const fileTooLarge = () => new RestError(400, 'FILE_TOO_LARGE', 'File size exceeds maximum allowed')

/** `chat{id}` of a chat the caller is in. A bare user id is a personal dialog, which this portal has none of. */
function targetChat(ctx: CallContext, dialogId: unknown): ChatRec {
  const text = typeof dialogId === 'string' || typeof dialogId === 'number' ? String(dialogId).trim() : ''
  const chatId = chatIdFromDialog(text)
  if (chatId === undefined) {
    const userId = intOf(text)
    if (userId !== undefined && userId > 0 && ctx.store.users.has(userId)) throw accessDenied()
    throw chatNotFound()
  }
  const chat = ctx.store.chats.get(chatId)
  if (!chat) throw chatNotFound()
  if (!isChatMember(chat, ctx.userId)) throw accessDenied()
  return chat
}

/** The Base64 text as the switch reads it; undefined when it is not Base64 at all. */
function base64Text(ctx: CallContext, content: string): string | undefined {
  if (ctx.conditions.fileUploadBase64 === 'strict') return isStrictBase64(content) ? content : undefined
  return lenientBase64(content)
}

function fileUpload(ctx: CallContext, params: Params): unknown {
  const chat = targetChat(ctx, param(params, 'dialogId'))
  const fields = param(params, 'fields')
  if (!isRecord(fields)) throw fileEmpty()
  const rawName = param(fields, 'name')
  const content = param(fields, 'content')
  const name = typeof rawName === 'string' || typeof rawName === 'number' ? String(rawName).trim() : ''
  if (name === '' || typeof content !== 'string' || content === '') throw fileEmpty()
  // The server measures the Base64 text before it reads it (FileService::uploadFileToChat): too long a
  // text is FILE_TOO_LARGE whether it is Base64 or not.
  if (content.length > encodedLength(ctx.conditions.fileUploadMaxBytes)) throw fileTooLarge()
  const text = base64Text(ctx, content)
  if (text === undefined) throw invalidContent()
  // Measured before decoding: a file over the limit is refused without being read into memory twice.
  if (decodedLength(text) > ctx.conditions.fileUploadMaxBytes) throw fileTooLarge()
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length === 0) throw fileEmpty()
  const rawMessage = param(fields, 'message')
  if (rawMessage !== undefined && rawMessage !== null && typeof rawMessage === 'object') throw new RestError(400, 'SEND_FAILED', 'Failed to send message')
  const message = rawMessage === undefined || rawMessage === null ? '' : normalizeText(ctx.store, String(rawMessage))

  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  const image = imageSize(extension, bytes)
  const file: FileRec = {
    id: ctx.store.nextFileId,
    chatId: chat.id,
    name,
    type: image ? 'image' : 'file',
    extension,
    size: bytes.length,
    image,
    authorId: ctx.userId,
    date: Math.floor(ctx.now()),
    uploaded: true,
  }
  ctx.blobs.write(file.id, bytes)
  ctx.mutate({ op: 'file', file })
  const posted = postMessage(ctx, chat.id, ctx.userId, message, { FILE_ID: [file.id] })
  return { file: fileCamel(file, ctx.store, ctx.origin), messageId: posted.id, chatId: chat.id, dialogId: `chat${chat.id}` }
}

/**
 * im.v2.File.download (chat-bots-v2/im.v2/files/file-download.md): `dialogId` + `fileId` →
 * `{downloadUrl}`, a link that works with the app's token alone (download-links.ts). The page's
 * errors: FILE_NOT_FOUND (400) and ACCESS_DENIED (403, "No access to the chat"). Both parameters are
 * required by the page, so the chat is checked first (the im source checks only the file's disk
 * rights, im/lib/V2/Controller/File.php): a dialog the caller is not in is ACCESS_DENIED whether the
 * file exists or not, and a file outside that dialog is FILE_NOT_FOUND.
 */
function fileDownload(ctx: CallContext, params: Params): unknown {
  const dialog = param(params, 'dialogId')
  const chatId = chatIdFromDialog(typeof dialog === 'string' || typeof dialog === 'number' ? String(dialog).trim() : '')
  const chat = chatId === undefined ? undefined : ctx.store.chats.get(chatId)
  if (!chat || !isChatMember(chat, ctx.userId)) throw accessDenied()
  const fileId = intOf(param(params, 'fileId'))
  const file = fileId === undefined ? undefined : ctx.store.files.get(fileId)
  if (!file || file.chatId !== chat.id) throw new RestError(400, 'FILE_NOT_FOUND', 'File not found')
  return { downloadUrl: downloadUrl(ctx.origin, file.id, ctx.userId, ctx.conditions.tokenTtlS) }
}

export const v2ImFile: Record<string, MethodDef> = {
  'im.v2.File.upload': { handler: fileUpload },
  'im.v2.File.download': { handler: fileDownload },
}
