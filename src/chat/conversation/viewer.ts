import * as v from 'valibot'
import type { BatchRow } from '../../b24/portal-client'
import type { Viewer } from '../types'
import { WireBotList, WireUser } from '../wire'

/** The code the app registers its bot under (install page); any other bot is not ours. */
export const APP_BOT_CODE = 'task_chat_bot'

/**
 * The viewer from the opening batch's `me` (im.user.get, v2) and `bots` (imbot.v2.Bot.list, v2)
 * rows. Both are optional extras: a failed row (e.g. no imbot scope) just means "unknown" or "no bot".
 */
export function toViewer(me: BatchRow | undefined, bots: BatchRow | undefined): Viewer {
  const user = me?.ok ? v.safeParse(WireUser, me.data) : null
  const list = bots?.ok ? v.safeParse(WireBotList, bots.data) : null
  const bot = list?.success ? list.output.bots.find((b) => b.code === APP_BOT_CODE) : undefined
  const botUser = bot && list?.success ? list.output.users.find((u) => u.id === bot.id) : undefined
  return {
    userId: user?.success ? user.output.id : 0,
    bot: bot ? { id: bot.id, name: botUser?.name?.trim() || bot.properties?.name?.trim() || APP_BOT_CODE } : null,
  }
}
