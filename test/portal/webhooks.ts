/**
 * Inbound webhooks (local-integrations/local-webhooks.md): `/rest/<userId>/<secret>/<method>` and
 * `/rest/api/<userId>/<secret>/<method>`, auth in the path. A call runs as the webhook's owner through
 * the same dispatch as an app's call (rate limit, scopes, methods), so each webhook holds one access
 * token of its owner, re-issued when the portal's token lifetime has passed: a webhook does not expire.
 */
import { randomBytes } from 'node:crypto'
import { RestError } from './envelope.ts'
import type { LocalPortal } from './portal.ts'

interface WebhookPath {
  userId: number
  secret: string
  method: string
}

/**
 * Methods that need the application context; a webhook gets 403 WRONG_AUTH_TYPE
 * (api-reference/widgets/placement-bind.md, placement-get.md, placement-unbind.md, placement-list.md).
 */
const APP_CONTEXT_ONLY = new Set(['placement.bind', 'placement.unbind', 'placement.get', 'placement.list'])

export class WebhookRegistry {
  /** `<userId>/<secret>` → the owner's current access token ('' until first used). */
  private readonly hooks = new Map<string, string>()

  /** `12/abc/im.user.get` → its parts; a plain method name (no slashes) is not a webhook path. */
  static parsePath(tail: string): WebhookPath | null {
    const match = /^(\d+)\/([^/]+)\/([^/]+)$/.exec(tail)
    if (!match) return null
    return { userId: Number(match[1]), secret: match[2] ?? '', method: match[3] ?? '' }
  }

  create(userId: number): string {
    const secret = randomBytes(8).toString('hex')
    this.hooks.set(`${userId}/${secret}`, '')
    return secret
  }

  /**
   * Bad credentials: 401 INVALID_CREDENTIALS "Invalid request credentials", "no active webhook with
   * the specified user identifier and secret code" (_includes/system-errors.md; the error example of
   * api-reference/chats/im-chat-get.md shows HTTP 401). App-only methods: 403 WRONG_AUTH_TYPE.
   */
  refusal(portal: LocalPortal, hook: WebhookPath, method: string): RestError | null {
    if (!this.hooks.has(`${hook.userId}/${hook.secret}`) || !portal.getUser(hook.userId)) {
      return new RestError(401, 'INVALID_CREDENTIALS', 'Invalid request credentials')
    }
    if (APP_CONTEXT_ONLY.has(method.toLowerCase())) {
      return new RestError(403, 'WRONG_AUTH_TYPE', 'Current authorization type is denied for this method Application context required')
    }
    return null
  }

  /** The owner's token for dispatch; one per webhook, so the rate limit counts the webhook as one caller. */
  tokenFor(portal: LocalPortal, hook: WebhookPath): string {
    const key = `${hook.userId}/${hook.secret}`
    const current = this.hooks.get(key) ?? ''
    if (current !== '' && portal.tokens.check(current, portal.conditions.tokenTtlS).ok) return current
    const fresh = portal.issueToken(hook.userId).AUTH_ID
    this.hooks.set(key, fresh)
    return fresh
  }
}
