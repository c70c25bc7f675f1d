/** Installation: placement.bind/unbind/get/list (§1.3) and app.info (§1.4). */
import { RestError } from '../../envelope.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { isPresent, isRecord, param } from '../params.ts'

const PLACEMENTS = [
  'TASK_VIEW_TAB',
  'TASK_VIEW_SIDEBAR',
  'TASK_VIEW_TOP_PANEL',
  'TASK_LIST_CONTEXT_MENU',
  'TASK_USER_LIST_TOOLBAR',
  'TASK_GROUP_LIST_TOOLBAR',
  'TASK_ROBOT_DESIGNER_TOOLBAR',
  'IM_CONTEXT_MENU',
  'IM_TEXTAREA',
  'IM_SIDEBAR',
  'IM_NAVIGATION',
]

function requireAdmin(ctx: CallContext): void {
  if (!ctx.store.users.get(ctx.userId)?.isAdmin) {
    throw new RestError(403, 'ACCESS_DENIED', 'Access denied! Application management rights required')
  }
}

function argument(name: string): RestError {
  return new RestError(400, 'ERROR_ARGUMENT', `Argument '${name}' is null or empty`, undefined, { argument: name })
}

/** Display contexts of IM_CONTEXT_MENU, `;`-separated (`api-reference/widgets/im/context-menu.md`, "OPTIONS When Registering"). */
const IM_CONTEXTS = ['ALL', 'USER', 'CHAT', 'LINES', 'CRM']

/**
 * OPTIONS as stored: IM_CONTEXT_MENU gets its documented defaults (extranet N, context ALL, role
 * USER), and "an invalid value will cause a registration error" (the page names no code: 400
 * ERROR_ARGUMENT, the stricter reading). Other placements keep what they were given, `[]` when nothing.
 */
function placementOptions(placement: string, raw: unknown): Record<string, unknown> | unknown[] {
  if (placement !== 'IM_CONTEXT_MENU') return isRecord(raw) ? raw : []
  const options: Record<string, unknown> = { extranet: 'N', context: 'ALL', role: 'USER', ...(isRecord(raw) ? raw : {}) }
  const contexts = String(options['context']).toUpperCase().split(';')
  if (contexts.some((c) => !IM_CONTEXTS.includes(c)))
    throw new RestError(400, 'ERROR_ARGUMENT', "Argument 'OPTIONS[context]' has an invalid value", undefined, { argument: 'OPTIONS' })
  options['context'] = contexts.includes('ALL') ? 'ALL' : contexts.join(';')
  return options
}

function bind(ctx: CallContext, params: Params): unknown {
  requireAdmin(ctx)
  const placement = String(param(params, 'PLACEMENT') ?? '').toUpperCase()
  const handler = String(param(params, 'HANDLER') ?? '')
  if (placement === '') throw argument('PLACEMENT')
  if (handler === '') throw new RestError(400, 'EMPTY_ERROR_HANDLER_URL', 'Handler URL is empty')
  if (!PLACEMENTS.includes(placement)) throw new RestError(400, 'ERROR_PLACEMENT_NOT_FOUND', 'Placement not found')
  if (isPresent(param(params, 'USER_ID'))) throw new RestError(400, 'ERROR_PLACEMENT_USER_MODE', 'User mode is available only for PAGE_BACKGROUND_WORKER')
  if (ctx.store.placements.some((p) => p.placement === placement && p.handler === handler)) {
    throw new RestError(400, 'ERROR_CORE', 'Unable to set placement handler: Handler already binded')
  }
  const options = placementOptions(placement, param(params, 'OPTIONS'))
  const langAll = param(params, 'LANG_ALL')
  ctx.mutate({
    op: 'placementBind',
    placement: {
      placement,
      handler,
      title: String(param(params, 'TITLE') ?? ''),
      description: String(param(params, 'DESCRIPTION') ?? ''),
      options,
      langAll: isRecord(langAll) ? langAll : {},
    },
  })
  return true
}

function unbind(ctx: CallContext, params: Params): unknown {
  requireAdmin(ctx)
  const placement = String(param(params, 'PLACEMENT') ?? '').toUpperCase()
  if (placement === '') throw argument('PLACEMENT')
  const handler = isPresent(param(params, 'HANDLER')) ? String(param(params, 'HANDLER')) : null
  const count = ctx.store.placements.filter((p) => p.placement === placement && (handler === null || p.handler === handler)).length
  if (count > 0) ctx.mutate({ op: 'placementUnbind', placement, handler })
  return { count }
}

function get(ctx: CallContext): unknown {
  return ctx.store.placements.map((p) => ({
    placement: p.placement,
    handler: p.handler,
    title: p.title,
    description: p.description,
    options: p.options,
    langAll: p.langAll,
  }))
}

function appInfo(ctx: CallContext): unknown {
  return {
    ID: 7,
    CODE: 'local.task-chat',
    VERSION: 1,
    STATUS: 'L',
    INSTALLED: ctx.store.installed,
    PAYMENT_EXPIRED: 'N',
    DAYS: null,
    LANGUAGE_ID: 'en',
    LICENSE: 'en_project',
    LICENSE_TYPE: 'project',
    LICENSE_FAMILY: 'project',
  }
}

export const v2App: Record<string, MethodDef> = {
  'placement.bind': { handler: bind },
  'placement.unbind': { handler: unbind },
  'placement.get': { handler: get },
  'placement.list': { handler: () => PLACEMENTS },
  'app.info': { handler: appInfo },
}
