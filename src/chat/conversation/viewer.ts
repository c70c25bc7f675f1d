import * as v from 'valibot'
import type { BatchRow } from '../../b24/portal-client'
import type { Viewer } from '../types'
import { WireBotList, WireDialogRights, WireUser } from '../wire'

/** The code the app registers its bot under (install page); any other bot is not ours. */
export const APP_BOT_CODE = 'task_chat_bot'

/** Chat roles, least first, as Bitrix24 compares them (im/lib/V2/Permission.php compareRole). */
const ROLES = ['guest', 'member', 'manager', 'owner']

/**
 * Whether im.dialog.get lets the viewer add people: their role reaches `manage_users_add` and a
 * member's (the least role any chat lets add), and the chat takes new people (`restrictions.extend`).
 * Anything missing or unknown reads as no: the stricter reading.
 */
export function mayAddMembers(dialog: BatchRow | undefined): boolean {
  const parsed = dialog?.ok ? v.safeParse(WireDialogRights, dialog.data) : null
  if (!parsed?.success) return false
  const { role, permissions, restrictions } = parsed.output
  const rank = ROLES.indexOf(role?.toLowerCase() ?? '')
  const need = ROLES.indexOf(permissions?.manage_users_add?.toLowerCase() ?? '')
  return restrictions?.extend === true && need >= 0 && rank >= Math.max(need, 1)
}

/**
 * The viewer from the opening batch's `me` (im.user.get, v2) and `bots` (imbot.v2.Bot.list, v2)
 * rows, and what `dialog` (im.dialog.get, v2) says they may do. All are optional extras: a failed
 * row (e.g. no imbot scope) just means "unknown" or "no bot".
 */
export function toViewer(me: BatchRow | undefined, bots: BatchRow | undefined, dialog?: BatchRow): Viewer {
  const user = me?.ok ? v.safeParse(WireUser, me.data) : null
  const list = bots?.ok ? v.safeParse(WireBotList, bots.data) : null
  const bot = list?.success ? list.output.bots.find((b) => b.code === APP_BOT_CODE) : undefined
  const botUser = bot && list?.success ? list.output.users.find((u) => u.id === bot.id) : undefined
  return {
    userId: user?.success ? user.output.id : 0,
    bot: bot ? { id: bot.id, name: botUser?.name?.trim() || bot.properties?.name?.trim() || APP_BOT_CODE } : null,
    mayAddMembers: mayAddMembers(dialog),
  }
}
