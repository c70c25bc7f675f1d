/**
 * Who may do what in a task chat, as Bitrix24 decides it (im/lib/V2/Chat.php canDo): the caller's
 * role must reach both the chat's own right for the action's group (MANAGE_USERS_ADD for adding
 * people) and the chat type's right (tasks' onRegisterType: EXTEND for members of a TASKS_TASK
 * chat), compared in the order guest < member < manager < owner (im/lib/V2/Permission.php compareRole).
 */
import type { Conditions } from '../conditions.ts'
import type { ChatRec } from '../state.ts'

type ChatRole = 'owner' | 'manager' | 'member' | 'guest'

const ASCENDING: readonly ChatRole[] = ['guest', 'member', 'manager', 'owner']

/** The caller's role (im/lib/chat.php getRole, lowercased as im.dialog.get gives it): the author owns the chat. */
export function roleOf(chat: ChatRec, userId: number): ChatRole {
  if (chat.ownerId === userId) return 'owner'
  return chat.memberIds.has(userId) ? 'member' : 'guest'
}

const reaches = (role: ChatRole, need: ChatRole): boolean => ASCENDING.indexOf(role) >= ASCENDING.indexOf(need)

/** Action::Extend: the chat's MANAGE_USERS_ADD and the TASKS_TASK type's right (member). */
export function mayAddUsers(conditions: Conditions, chat: ChatRec, userId: number): boolean {
  const role = roleOf(chat, userId)
  return reaches(role, conditions.taskChatUsersAdd) && reaches(role, 'member')
}

/**
 * im.dialog.get `restrictions`: the chat options of its entity type (CIMChat::GetChatOptions, a
 * TASKS_TASK chat has none of its own and gets DEFAULT), keys lowercased as Im\Common::toJson(…, false)
 * writes them: `leave_owner`, `user_list` (im-dialog-get.md).
 */
export function restrictionsOf(conditions: Conditions): Record<string, boolean> {
  return {
    avatar: true,
    rename: true,
    extend: !conditions.taskChatMembersLocked,
    call: true,
    mute: true,
    leave: true,
    leave_owner: true,
    send: true,
    user_list: true,
  }
}

/** im.dialog.get `permissions` (im/lib/chat.php formatChatData, lowercased; manage_messages and can_post are both CAN_POST). */
export function permissionsOf(conditions: Conditions): Record<string, string> {
  return {
    manage_users_add: conditions.taskChatUsersAdd,
    manage_users_delete: 'manager',
    manage_ui: 'member',
    manage_settings: 'owner',
    manage_messages: 'member',
    can_post: 'member',
  }
}
