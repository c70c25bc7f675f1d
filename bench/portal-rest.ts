/**
 * The portal's REST called from node as one of its users, the way the SDK calls it (POST, JSON body
 * with `auth`): for what others do while the app watches (post, edit) and for setting up a result.
 */
import { request } from 'node:http'

/**
 * The bench's calls stand for other people, whose requests come from addresses of their own. The
 * portal keys its rate limit by source address, as Bitrix24 does, so they leave from another
 * loopback address and never take from the bucket of the app under test (127.0.0.1).
 */
const OTHERS_ADDRESS = '127.0.0.2'

/** POSTs a JSON body from OTHERS_ADDRESS; answers the HTTP status and the parsed body. */
function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress: OTHERS_ADDRESS,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) })
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        })
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

const tokens = new Map<string, Promise<string>>()

/** A token for the user, from the local portal's control API; one per portal and user is enough. */
function authFor(portal: string, userId: number): Promise<string> {
  const key = `${portal} ${userId}`
  let token = tokens.get(key)
  if (!token) {
    token = postJson(`${portal}/__portal/token`, { userId }).then((answer) => (answer.body as { AUTH_ID: string }).AUTH_ID)
    tokens.set(key, token)
  }
  return token
}

class RestFailure extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    description: string,
  ) {
    super(`${method}: ${code} ${description}`)
  }
}

/** A v2 method (`/rest/<method>`), or v3 with `api/` in front of the method; answers `result`. */
export async function callAs<T>(portal: string, userId: number, method: string, params: Record<string, unknown> = {}): Promise<T> {
  const response = await postJson(`${portal}/rest/${method}`, { ...params, auth: await authFor(portal, userId) })
  const body = response.body as { result?: T; error?: string | { code: string; message: string }; error_description?: string }
  if (body.error !== undefined || response.status >= 400) {
    const code = typeof body.error === 'object' ? body.error.code : String(body.error ?? response.status)
    const description = typeof body.error === 'object' ? body.error.message : (body.error_description ?? '')
    throw new RestFailure(method, code, description)
  }
  return body.result as T
}

export async function chatIdOf(portal: string, taskId: number): Promise<number> {
  const chat = await callAs<{ ID: number } | null>(portal, 1, 'im.chat.get', { ENTITY_TYPE: 'TASKS_TASK', ENTITY_ID: taskId })
  if (!chat) throw new Error(`task ${taskId} has no chat`)
  return chat.ID
}

interface WireMessage {
  id: number
  author_id: number
  text: string
}

export async function newestId(portal: string, chatId: number): Promise<number> {
  return (await callAs<{ last_id: number }>(portal, 1, 'im.dialog.get', { DIALOG_ID: `chat${chatId}` })).last_id
}

/** A message by a person (the feed may hide system messages), about `back` messages behind the newest. */
export async function messageBack(portal: string, chatId: number, back: number): Promise<WireMessage> {
  // Ids in a seeded chat are consecutive, so the id `back` below the newest is `back` messages back.
  const page = await callAs<{ messages: WireMessage[] }>(portal, 1, 'im.dialog.messages.get', {
    DIALOG_ID: `chat${chatId}`,
    LAST_ID: (await newestId(portal, chatId)) - back + 1,
    LIMIT: 20,
  })
  const found = page.messages.sort((a, b) => b.id - a.id).find((m) => m.author_id !== 0)
  if (!found) throw new Error(`no message by a person near ${back} back in chat ${chatId}`)
  return found
}

/** Makes the message a task result as user 1 (tasks.task.result.addfromchatmessage, REST v3). */
export async function makeResult(portal: string, messageId: number): Promise<void> {
  await callAs(portal, 1, 'api/tasks.task.result.addfromchatmessage', { fields: { messageId } })
}

/** Posts as the user; answers the new message's id. */
export function postAs(portal: string, userId: number, chatId: number, text: string): Promise<number> {
  return callAs<number>(portal, userId, 'im.message.add', { DIALOG_ID: `chat${chatId}`, MESSAGE: text })
}

/** Edits the user's own message (im.message.update). */
export async function editAs(portal: string, userId: number, messageId: number, text: string): Promise<void> {
  await callAs(portal, userId, 'im.message.update', { MESSAGE_ID: messageId, MESSAGE: text })
}

/** Deletes the user's own message (im.message.delete: the portal keeps it, marked deleted). */
export async function deleteAs(portal: string, userId: number, messageId: number): Promise<void> {
  await callAs(portal, userId, 'im.message.delete', { MESSAGE_ID: messageId })
}

/** Likes a message as the user (im.message.like, the reaction the docs give users). */
export async function likeAs(portal: string, userId: number, messageId: number): Promise<void> {
  await callAs(portal, userId, 'im.message.like', { MESSAGE_ID: messageId, ACTION: 'plus' })
}
