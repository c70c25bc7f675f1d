/**
 * The app's bot: what im.dialog.get says the webhook user may do in the task's chat
 * (api-reference/chats/im-dialog-get.md: `role`, `permissions`, `restrictions`, with `leave_owner`
 * and `user_list` as the doc names them). The app offers "Send as <bot>" where the role reaches
 * `permissions.manage_users_add` and `restrictions.extend` is true (src/chat/conversation/viewer.ts).
 */
import * as v from 'valibot'
import type { Target } from './read-checks.ts'
import { judge, type Row } from './verdict.ts'
import type { WebhookClient } from './webhook-client.ts'

const Role = v.picklist(['owner', 'manager', 'member'])

/** im-dialog-get.md: role lowercase; permissions' values are roles (or none); restrictions are booleans. */
const DialogRights = v.looseObject({
  role: Role,
  permissions: v.looseObject({
    manage_users_add: v.picklist(['owner', 'manager', 'member', 'none']),
    manage_users_delete: v.string(),
    manage_ui: v.string(),
    manage_settings: v.string(),
    manage_messages: v.string(),
    can_post: v.string(),
  }),
  restrictions: v.looseObject({
    avatar: v.boolean(),
    rename: v.boolean(),
    extend: v.boolean(),
    call: v.boolean(),
    mute: v.boolean(),
    leave: v.boolean(),
    leave_owner: v.boolean(),
    send: v.boolean(),
    user_list: v.boolean(),
  }),
})

/** One row: the rights the app reads before offering "Send as <bot>". */
export async function runBotChecks(client: WebhookClient, target: Target): Promise<Row[]> {
  const outcome = await client.v2('im.dialog.get', { DIALOG_ID: `chat${target.chatId}` })
  return [
    judge(
      {
        method: 'im.dialog.get (v2, rights)',
        schema: DialogRights,
        required: false,
        reads: ['role', 'permissions.manage_users_add', 'restrictions.extend'],
        onSuccess: 'offers "Send as <bot>" where the user may add people (or the bot is in the chat)',
        onRefusal: 'offers "Send as <bot>" only where the bot is in the chat already',
      },
      outcome,
    ),
  ]
}
