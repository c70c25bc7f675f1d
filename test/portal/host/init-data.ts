import type { Portal } from '../portal'
import type { InitData } from './parent-protocol'

export interface CardRequest {
  userId: number
  taskId: number
  lang: string
  /** 'TASK_VIEW_TAB' normally; 'DEFAULT' when the app is opened from its own menu item. */
  placement: string
  /** Overrides PLACEMENT_OPTIONS as sent (a JSON string, or '' as some portals send). */
  rawOptions?: string
  /** Placement options as an object, for placements other than the task card. */
  options?: Record<string, string>
  /** The first opening by an admin: the install page (INSTALL and FIRST_RUN). */
  install?: boolean
}

/** What applayout.js would hand the app for this user and task (a fresh token each time). */
export function buildInitData(portal: Portal, host: string, card: CardRequest): InitData {
  const token = portal.issueToken(card.userId)
  const user = portal.getUser(card.userId)
  let options: unknown = {
    taskId: String(card.taskId),
    URI: `/company/personal/user/${card.userId}/tasks/task/view/${card.taskId}/`,
  }
  if (card.rawOptions !== undefined) {
    try {
      options = card.rawOptions === '' ? '' : JSON.parse(card.rawOptions)
    } catch {
      options = card.rawOptions
    }
  }
  if (card.placement === 'DEFAULT' && card.rawOptions === undefined) options = []
  if (card.options) options = card.options
  return {
    AUTH_ID: token.AUTH_ID,
    REFRESH_ID: token.REFRESH_ID,
    AUTH_EXPIRES: String(token.AUTH_EXPIRES),
    MEMBER_ID: token.MEMBER_ID,
    IS_ADMIN: user?.isAdmin ?? false,
    DOMAIN: host,
    PROTOCOL: 0,
    PATH: '/rest/',
    LANG: card.lang,
    PLACEMENT: card.placement,
    PLACEMENT_OPTIONS: options,
    USER_OPTIONS: [],
    APP_OPTIONS: [],
    INSTALL: card.install === true,
    FIRST_RUN: card.install === true,
  }
}
