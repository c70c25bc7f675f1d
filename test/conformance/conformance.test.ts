/**
 * The conformance CLI, run for real as a child process against the local portal through an
 * inbound webhook: the local portal must come out "same shape"; a portal that drops one field the
 * app reads must fail the run and be named; a --write run must report everything it left.
 */
import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { usePortal } from '../portal/contract/helpers.ts'
import type { LocalPortal } from '../portal/portal.ts'

const run = promisify(execFile)

/** Async on purpose: the portal answers from this same process while the CLI runs. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/conformance/main.ts', ...args], { timeout: 60_000 })
    return { code: 0, out: stdout + stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

type Body = { result?: { messages?: Record<string, unknown>[] } }

/** A portal that differs from the local one where `change` says: forwards to it and rewrites the answers of one method. */
function startProxy(target: string, method: string, change: (body: Body) => void): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const upstream = await fetch(target + (req.url ?? '/'), {
          method: req.method,
          headers: { 'Content-Type': String(req.headers['content-type'] ?? 'application/json') },
          body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
        })
        let text = await upstream.text()
        if ((req.url ?? '').includes(`/${method}`)) {
          const body = JSON.parse(text) as Body
          change(body)
          text = JSON.stringify(body)
        }
        res.writeHead(upstream.status, { 'Content-Type': 'application/json' })
        res.end(text)
      })()
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** Drops messages[].author_id from im.dialog.messages.get. */
const startDroppingProxy = (target: string): Promise<Server> =>
  startProxy(target, 'im.dialog.messages.get', (body) => {
    for (const message of body.result?.messages ?? []) delete message['author_id']
  })

/**
 * Puts the shapes the readers must carry (ATTACH, KEYBOARD, reactions, replies) at the newest end of a chat (1001 unless named) in the stored form, so the newest page
 * of both readers has them whatever the seed holds: an ATTACH + KEYBOARD message with reactions, and a reply.
 */
function putNewShapes(portal: LocalPortal, chatId = 1001): { quoted: number; reply: number } {
  const store = portal.store
  const quoted = store.nextMessageId
  const attach = [{ ID: 1, BLOCKS: [{ MESSAGE: 'attached [b]text[/b]' }], DESCRIPTION: '', COLOR: '#aac337', COLOR_TOKEN: 'base' }]
  const keyboard = [{ TEXT: 'Open', LINK: 'https://example.com/', TYPE: 'BUTTON', DISPLAY: 'LINE', BLOCK: 'N', DISABLED: 'N' }]
  const reactions = [
    { userId: 1, reaction: 'like', date: 1_790_000_000 },
    { userId: 2, reaction: 'fire', date: 1_790_000_001 },
  ]
  store.addMessage({
    id: quoted,
    chatId,
    authorId: 2,
    date: 1_790_000_000,
    text: 'with attach',
    params: { ATTACH: attach, KEYBOARD: keyboard, LIKE: [1, 2] },
    uuid: null,
    reactions,
  })
  const reply = quoted + 1
  store.addMessage({ id: reply, chatId, authorId: 1, date: 1_790_000_100, text: 'a reply', params: { REPLY_ID: quoted }, uuid: null })
  return { quoted, reply }
}

const p = usePortal()
let hook: string
beforeAll(async () => {
  hook = ((await p.raw('/__portal/webhook', { method: 'POST', body: JSON.stringify({ userId: 1 }) })).body as { url: string }).url
})

describe('npm run conformance', () => {
  it('finds the local portal the same shape as the docs, every method', async () => {
    const { code, out } = await cli(hook, '--task', '1')
    expect(out).not.toMatch(/differs|refused/)
    for (const method of [
      'tasks.task.get (v2)',
      'im.dialog.messages.search (v2)',
      'im.dialog.messages.get (v2)',
      'batch (v2, opening)',
      'im.user.list.get (v2)',
      'imbot.v2.Bot.list (v2)',
      'tasks.task.access.get (v3)',
      'tasks.task.result.list (v3)',
    ]) {
      expect(out).toMatch(new RegExp(`${method.replace(/[().]/g, '\\$&')}\\s+\\| same shape`))
    }
    // Where the docs are silent (checks-b-batch.ts): chained ids resolve; an unresolved whole reference is the deepest
    // value reached (an array: a row error), not ""; FIRST_ID reads in no order; results pages without next.
    expect(out).toMatch(
      /batch references \(v2, chained ids\)\s+\| resolved: yes; unresolved whole: row error LAST_ID_STRING; unresolved "0\$result": row error LAST_ID_STRING/,
    )
    expect(out).toMatch(/batch references \(v2, opening CHAT_ID\)\s+\| resolved: 50 message\(s\)/)
    expect(out).toMatch(/im\.dialog\.messages\.get FIRST_ID order \(v2\)\s+\| in no order/)
    expect(out).toMatch(/tasks\.task\.result\.list paging \(v3\)\s+\| limit 1 answered 1 item\(s\); result holds items; no next/)
    expect(code).toBe(0)
  }, 60_000)

  it('without --task finds the newest task with a chat through tasks.task.list and checks the new shapes', async () => {
    p.portal.reset()
    const portal = p.portal as LocalPortal
    // The task the CLI should pick: user 1's newest with a chat.
    const newest = [...portal.store.tasks.values()].filter((t) => t.memberIds.includes(1) && t.chatId !== null).sort((a, b) => b.id - a.id)[0]
    if (!newest?.chatId) throw new Error('user 1 has no task with a chat')
    putNewShapes(portal, newest.chatId)
    const { code, out } = await cli(hook)
    expect(out).toContain(`task ${newest.id}, chat ${newest.chatId}`)
    expect(out).not.toMatch(/differs|refused|Cannot start/)
    expect(out).toMatch(/im\.dialog\.messages\.search \(v2\)\s+\| same shape/)
    expect(out).toMatch(/replies in each reader\s+\| same shape/)
    expect(code).toBe(0)
    p.portal.reset()
  }, 60_000)

  it('names a REPLY_ID in im.dialog.messages.get, a numeric REPLY_ID or malformed reactions in search', async () => {
    p.portal.reset()
    const { reply } = putNewShapes(p.portal as LocalPortal)
    const withReply = await startProxy(p.origin, 'im.dialog.messages.get', (body) => {
      for (const message of body.result?.messages ?? []) if (message['id'] === reply) message['params'] = { REPLY_ID: reply - 1 }
    })
    const intSearch = await startProxy(p.origin, 'im.dialog.messages.search', (body) => {
      const result = body.result as Record<string, unknown> & { messages: Record<string, unknown>[] }
      for (const message of result.messages) if (message['id'] === reply) message['params'] = { REPLY_ID: reply - 1 }
      result['reactions'] = [{ messageId: reply - 1, reactionCounters: { like: 1 } }]
    })
    try {
      const via = (server: Server) => hook.replace(p.origin, `http://127.0.0.1:${(server.address() as AddressInfo).port}`)
      const legacy = await cli(via(withReply), '--task', '1')
      expect(legacy.out).toMatch(/im\.dialog\.messages\.get \(v2\)\s+\| differs: messages\[\]\.params\.REPLY_ID/)
      expect(legacy.out).toMatch(/replies in each reader\s+\| differs: \[\]\.get/)
      const search = await cli(via(intSearch), '--task', '1')
      expect(search.out).toMatch(/im\.dialog\.messages\.search \(v2\)\s+\| differs: .*messages\[\]\.params\.REPLY_ID/)
      expect(search.out).toMatch(/im\.dialog\.messages\.search \(v2\)\s+\| differs: .*reactions\[\]\.reactionUsers \(missing\)/)
    } finally {
      withReply.close()
      intSearch.close()
      p.portal.reset()
    }
  }, 90_000)

  it('reports a portal whose tasks.task.get names the chat id otherwise as a difference, not as a task without a chat', async () => {
    p.portal.setConditions({ taskChatIdField: 'chat_id' })
    try {
      for (const args of [[hook, '--task', '1'], [hook]]) {
        const { code, out } = await cli(...args)
        expect(out).toMatch(/tasks\.task\.get differs: chatId/)
        expect(out).not.toMatch(/has no chat/)
        expect(code).toBe(1)
      }
    } finally {
      p.portal.setConditions({ taskChatIdField: 'chatId' })
    }
  }, 90_000)

  it('fails, naming the method and the field, when a portal drops a field the app reads', async () => {
    const proxy = await startDroppingProxy(p.origin)
    try {
      const { port } = proxy.address() as AddressInfo
      const { code, out } = await cli(hook.replace(p.origin, `http://127.0.0.1:${port}`), '--task', '1')
      expect(out).toMatch(/im\.dialog\.messages\.get \(v2\)\s+\| differs: messages\[\]\.author_id \(missing\)/)
      expect(out).toMatch(/BREAKS: the app reads messages\[\]\.author_id/)
      expect(code).toBe(1)
    } finally {
      proxy.close()
    }
  }, 60_000)

  it('--write posts, makes and removes a result, and names whatever it left', async () => {
    await p.v2('imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat' } } })
    // A portal whose task chats keep the bot once added (the kinder reading of the docs): the post as the bot succeeds.
    p.portal.setConditions({ taskChatKeepsAnyone: true })
    const results = async (): Promise<number> =>
      ((await p.v3('tasks.task.result.list', { filter: [['taskId', 1]], select: ['id'], pagination: { limit: 50 } })).body.result.items as unknown[]).length
    const newest = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 1 })).body.result.messages[0].id as number
    const resultsBefore = await results()

    const { code, out } = await cli(hook, '--task', '1', '--write')
    expect(out).toMatch(/im\.message\.add \(v2\)\s+\| same shape/)
    expect(out).toMatch(/tasks\.task\.result\.addfromchatmessage \(v3\)\s+\| same shape/)
    expect(out).toMatch(/tasks\.task\.result\.delete \(v3\)\s+\| same shape/)
    expect(out).toMatch(/imbot\.v2\.Chat\.Message\.send \(v2\)\s+\| same shape/)
    expect(out).toMatch(/im\.v2\.File\.upload \(v2\)\s+\| same shape/)
    expect(out).toMatch(/Idempotency-Key twice\)\s+\| replays the first answer/)
    expect(out).toMatch(/CORS preflight of \/rest\/api\/ \(Idempotency-Key\)\s+\| stops the key/)
    expect(code).toBe(0)

    expect(await results()).toBe(resultsBefore)
    const added = ((await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: newest, LIMIT: 50 })).body.result.messages as { id: number }[]).map(
      (m) => m.id,
    )
    const leftLine = /Left behind: (.*)/.exec(out)?.[1] ?? ''
    // What the kit posted is deleted (soft: marked deleted, as Bitrix24 keeps it); what the portal
    // posted by itself in reply (the "marked as result" notice) is named, not touched.
    const after = (await p.v2('im.dialog.messages.get', { DIALOG_ID: 'chat1001', FIRST_ID: newest, LIMIT: 50 })).body.result.messages as {
      id: number
      author_id: number
      params: Record<string, unknown> | []
    }[]
    const kept = after.filter((m) => !(m.params as Record<string, unknown>)['IS_DELETED'])
    expect(kept.every((m) => m.author_id === 0)).toBe(true)
    for (const m of kept) expect(leftLine).toContain(`message ${m.id} (posted by the portal`)
    expect(leftLine).not.toMatch(/in chat 1001/)
    expect(added.length).toBeGreaterThanOrEqual(2)
  }, 60_000)
})
