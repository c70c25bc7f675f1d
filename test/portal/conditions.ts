/** The "reality switches" of the portal and the deterministic failure injector. */
import { createRng, type Rng } from './prng.ts'

export interface Conditions {
  latencyMs: number
  failureRate: number
  legacyIm: boolean
  tokenTtlS: number
  rateLimit: boolean
  /** The leaky bucket: how many requests it holds, and how many drain per second (Bitrix24: 50 and 2). */
  rateBurst: number
  rateDrainPerS: number
  /**
   * Whose bucket a request drains. 'address' (Bitrix24's): the request's source address, so every
   * tab, user and application behind one address shares it (settings/performance/limits.md: the limit
   * "considers the IP address of the request source. If several applications on a single server work
   * with the same Bitrix24, they share a common request rate limit"). Kinder readings for tests:
   * 'token' (each tab its own) and 'user' (all of a user's tabs together).
   */
  rateLimitScope: RateLimitScope
  /** Scopes the app was installed with; a method outside them answers insufficient_scope. */
  scopes: string[]
  /**
   * The task chats' entity options forbid EXTEND (CIMChat::GetChatOptions, as Bitrix24 sets them for
   * SONET_GROUP and the general chat): im.dialog.get says `restrictions.extend: false` and
   * im.chat.user.add answers 403 ACCESS_ERROR "It is forbidden to add users to this chat" (im_rest.php
   * chatUserAdd, Chat::isActionAllowed). See also "the app's bot in task chats" below for who may add.
   */
  taskChatMembersLocked: boolean
  /** How the undocumented im.v2.Chat.Message.tail answers; `legacyIm: true` forces 'missing'. */
  tail: TailMode
  /** Free-plan history limit: messages older than this many days are hidden (0 = off). */
  historyLimitDays: number
  /** Make one method answer one documented error, `times` calls long (absent = every call). */
  methodFaults: MethodFault[]
  /** tasks.task.access.get on a task the caller cannot read: 403 ACCESSDENIEDEXCEPTION, or every action false. */
  accessGetNoTask: 'error' | 'allFalse'
  /**
   * Seconds after posting during which a message may still be edited (and deleted: messageDeleteWindow), 0 = no limit.
   * api-reference/chats/messages/index.md: "the period is set by the Bitrix24 settings"; the im source
   * holds edits to 259,200 s (CIMMessenger::CheckPossibilityUpdateMessage), the default here, as
   * chat-bots/outdated/messages/imbot-message-update.md's three days.
   */
  messageEditWindowS: number
  /**
   * im.message.update with an empty MESSAGE (which deletes the message) by someone who is not its
   * author: refused, as the page's "Who can execute the method: message author" says ('author'), or
   * allowed with the delete's rights (the chat's administrator too), as the im source hands it to Delete ('deleters').
   */
  emptyUpdateBy: 'author' | 'deleters'
  /** im.message.like with an ACTION other than auto/plus/minus: refused (400 ACTION_ERROR), or read as `auto` as the im source does. */
  likeUnknownAction: 'refuse' | 'auto'
  /**
   * Unread messages: whether posting moves the author's read mark up to the post (so what others
   * wrote before it is read too). The docs are silent; off, the stricter reading: only im.dialog.read moves it.
   */
  readOnPost: boolean
  /**
   * im.v2.File.upload's limit on a file's decoded size (400 FILE_TOO_LARGE above it). The page says
   * "100 MB" without saying whose megabyte: the stricter 100,000,000 bytes by default; tests lower it.
   * The server (im/lib/V2/Service/FileService.php) allows 100 * 1024 * 1024 bytes, measured as a Base64
   * text of at most 139,810,133 characters, so 104,857,599 bytes at most: 104857599 here is Bitrix24's own.
   */
  fileUploadMaxBytes: number
  /**
   * `fields.content` must be "a Base64 string" (file-upload.md): 'strict' takes the standard alphabet
   * with its padding and nothing else; 'lenient' also what PHP's base64_decode lets by (whitespace,
   * missing padding). A `data:` prefix is refused either way, as the page says to leave it out.
   */
  fileUploadBase64: 'strict' | 'lenient'
  // --- Files behind the login cookie, and portals before task chats ---
  /**
   * The portal's file pages (urlPreview, urlShow, urlDownload) answer only a browser logged in to
   * the portal (its PHPSESSID cookie, set by the task card page): disk's download and showImage
   * actions run `new Authentication(true)` (disk/lib/controller/file.php), which redirects anyone
   * else to `/auth/?backurl=...` (main/lib/engine/actionfilter/authentication.php). Off: they answer anyone.
   */
  fileLoginGate: boolean
  /**
   * The tasks module has task chats (the new task card, tasks 25.700.0+: api-reference/tasks/tasks-new.md).
   * Off, an older portal: tasks.task.get knows no CHAT_ID (no `chatId` in its answer) and the REST 3.0
   * tasks methods (/rest/api/tasks.*) do not exist yet.
   */
  taskChats: boolean
  /**
   * The name v2 tasks.task.get gives the task's chat id ('chatId' as the tasks module writes it); another
   * name imitates a portal that names it differently, for the conformance check's report.
   */
  taskChatIdField: string
  // --- the app's bot in task chats ---
  /**
   * The task chat's MANAGE_USERS_ADD (im-dialog-get.md `permissions.manage_users_add`): the least role
   * that may add people. Bitrix24's default is 'member' (im/lib/V2/Chat.php getDefaultManageUsersAdd;
   * the tasks module sets none); the chat's owner may narrow it to 'manager' or 'owner'.
   */
  taskChatUsersAdd: 'member' | 'manager' | 'owner'
  /**
   * How a refused add answers: 'source' 400 WRONG_REQUEST "You don't have access or user already member
   * in chat" (im_rest.php chatUserAdd turns CIMChat::AddUser's ACCESS_DENIED_EXTEND into it), 'doc' 403
   * ACCESS_DENIED_EXTEND as im-chat-user-add.md lists it.
   */
  taskChatAddRefusal: 'source' | 'doc'
  /**
   * Strict (false, the default): a TASKS_TASK chat keeps only people with access to the task
   * (ExternalChatRelations filters its members through tasks' onFilterUsersByAccess,
   * TaskAccessService::filterUsersWithAccess: task members, admins, heads): the app's bot, added,
   * answers `true` but is not kept, so it still cannot post. true: the kinder reading, a portal whose
   * task chats keep whoever is added (the older TASKS group chats).
   */
  taskChatKeepsAnyone: boolean
  // --- Batch references, read order, edit window, results paging ---
  /**
   * The order of im.dialog.messages.get's messages when FIRST_ID is given (also the unread part of a
   * page without a cursor). The doc gives none, and the im source asks for none (im/lib/chat.php
   * getMessages: `order` is empty for FIRST_ID, both for the ids, which are still the nearest ones
   * newer than the cursor, and for the messages): 'scrambled', the stricter reading, lists them in
   * a fixed but meaningless order; 'ascending' and 'descending' are the two a database may give.
   */
  firstIdOrder: FirstIdOrder
  /**
   * Whether deleting is held to the edit window too. chats/messages/index.md: "editing and deleting a
   * message are limited in time" ('edit', the default); the im source checks the time for updates only
   * (CIMMessenger::CheckPossibilityUpdateMessage: `$type != IM_CHECK_DELETE && DATE_CREATE + 259200 < time()`) ('none').
   */
  messageDeleteWindow: 'edit' | 'none'
  /**
   * The most items a page of tasks.task.result.list (REST 3.0) holds, whatever `pagination.limit`
   * asks: rest/lib/V3/Structure/PaginationStructure.php caps it at 1000 (default 50); the method's page
   * documents no size, so tests lower it to prove the app reads every page.
   */
  resultsPageMax: number
  // --- Writes never repeated: the Idempotency-Key across origins ---
  /**
   * Whether the CORS preflight for /rest/ lets a page of another origin send `Idempotency-Key`.
   * Off (the server source): CRestUtil::sendHeaders answers `Access-Control-Allow-Headers: origin,
   * content-type, accept` (rest/classes/general/rest_util.php, sent for OPTIONS by rest/include.php),
   * so the browser stops such a request before it leaves. api-reference/rest-v3.md is silent on CORS.
   */
  idempotencyKeyCors: boolean
}

export type FirstIdOrder = 'scrambled' | 'ascending' | 'descending'
const FIRST_ID_ORDERS: readonly FirstIdOrder[] = ['scrambled', 'ascending', 'descending']
type RateLimitScope = 'address' | 'token' | 'user'
const RATE_LIMIT_SCOPES: readonly RateLimitScope[] = ['address', 'token', 'user']

type TailMode = 'present' | 'missing' | 'scope' | 'badRequest'
const TAIL_MODES: readonly TailMode[] = ['present', 'missing', 'scope', 'badRequest']

/** Error codes a method fault may answer with (settings/performance/limits.md, _includes/system-errors.md). */
const FAULT_ERRORS = [
  'OPERATION_TIME_LIMIT',
  'QUERY_LIMIT_EXCEEDED',
  'OVERLOAD_LIMIT',
  'INTERNAL_SERVER_ERROR',
  'ERROR_UNEXPECTED_ANSWER',
  'insufficient_scope',
  'ERROR_METHOD_NOT_FOUND',
  'expired_token',
  // --- Writes answered with a server error ---
  // imbot.v2 chat-message-send.md lists `SENDING_FAILED` "Sending failed" (im/lib/V2/Message/MessageError.php);
  // answered here with 500, a server failure of a write: the status the SDK 2.2.0 would have retried.
  'SENDING_FAILED',
] as const
export type FaultError = (typeof FAULT_ERRORS)[number]

export interface MethodFault {
  method: string
  version?: 'v2' | 'v3'
  error: FaultError
  times?: number
  /**
   * The call IS carried out (the message posted, the result made) and only then answered with the
   * error: a lost answer, what makes a repeated write visible as a duplicate. The answer
   * is not stored for its Idempotency-Key: rest-v3.md stores successful answers only.
   */
  carriedOut?: boolean
}

const ALL_SCOPES = ['task', 'tasks', 'im', 'imbot', 'placement', 'user_brief'] as const

export const DEFAULT_CONDITIONS: Readonly<Conditions> = {
  latencyMs: 0,
  failureRate: 0,
  legacyIm: false,
  tokenTtlS: 3600,
  rateLimit: true,
  rateBurst: 50,
  rateDrainPerS: 2,
  rateLimitScope: 'address',
  scopes: [...ALL_SCOPES],
  taskChatMembersLocked: false,
  tail: 'present',
  historyLimitDays: 0,
  methodFaults: [],
  accessGetNoTask: 'error',
  messageEditWindowS: 259_200,
  likeUnknownAction: 'refuse',
  readOnPost: false,
  emptyUpdateBy: 'author',
  fileUploadMaxBytes: 100_000_000,
  fileUploadBase64: 'strict',
  fileLoginGate: true,
  taskChats: true,
  taskChatIdField: 'chatId',
  // --- the app's bot in task chats ---
  taskChatUsersAdd: 'member',
  taskChatAddRefusal: 'source',
  taskChatKeepsAnyone: false,
  // --- Batch references, read order, edit window, results paging ---
  firstIdOrder: 'scrambled',
  messageDeleteWindow: 'edit',
  resultsPageMax: 1000,
  idempotencyKeyCors: false,
}

function faultOf(value: unknown): MethodFault | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  if (typeof v['method'] !== 'string' || v['method'] === '') return undefined
  if (!(FAULT_ERRORS as readonly unknown[]).includes(v['error'])) return undefined
  if (v['version'] !== undefined && v['version'] !== 'v2' && v['version'] !== 'v3') return undefined
  if (v['times'] !== undefined && !(typeof v['times'] === 'number' && Number.isInteger(v['times']) && v['times'] >= 0)) return undefined
  const fault: MethodFault = { method: v['method'], error: v['error'] as FaultError }
  if (v['version'] !== undefined) fault.version = v['version'] as 'v2' | 'v3'
  if (v['times'] !== undefined) fault.times = v['times'] as number
  if (v['carriedOut'] !== undefined && typeof v['carriedOut'] !== 'boolean') return undefined
  if (v['carriedOut'] === true) fault.carriedOut = true
  return fault
}

/** Merge only well-typed, in-range values; anything else keeps its previous value. */
export function mergeConditions(current: Conditions, patch: Partial<Record<keyof Conditions, unknown>>): Conditions {
  const next = { ...current }
  const num = (value: unknown, min: number, max: number): number | undefined =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined
  next.latencyMs = num(patch.latencyMs, 0, 60_000) ?? next.latencyMs
  next.failureRate = num(patch.failureRate, 0, 1) ?? next.failureRate
  next.tokenTtlS = num(patch.tokenTtlS, 0, 86_400 * 365) ?? next.tokenTtlS
  if (typeof patch.legacyIm === 'boolean') next.legacyIm = patch.legacyIm
  if (typeof patch.rateLimit === 'boolean') next.rateLimit = patch.rateLimit
  next.rateBurst = num(patch.rateBurst, 0, 10_000) ?? next.rateBurst
  next.rateDrainPerS = num(patch.rateDrainPerS, 0, 10_000) ?? next.rateDrainPerS
  if ((RATE_LIMIT_SCOPES as readonly unknown[]).includes(patch.rateLimitScope)) next.rateLimitScope = patch.rateLimitScope as RateLimitScope
  if (Array.isArray(patch.scopes) && patch.scopes.every((x) => typeof x === 'string')) next.scopes = [...(patch.scopes as string[])]
  if (typeof patch.taskChatMembersLocked === 'boolean') next.taskChatMembersLocked = patch.taskChatMembersLocked
  if ((TAIL_MODES as readonly unknown[]).includes(patch.tail)) next.tail = patch.tail as TailMode
  next.historyLimitDays = num(patch.historyLimitDays, 0, 36_500) ?? next.historyLimitDays
  if (Array.isArray(patch.methodFaults)) {
    const faults = patch.methodFaults.map(faultOf)
    // All or nothing: one malformed fault keeps the previous list.
    if (faults.every((f) => f !== undefined)) next.methodFaults = faults as MethodFault[]
  }
  if (patch.accessGetNoTask === 'error' || patch.accessGetNoTask === 'allFalse') next.accessGetNoTask = patch.accessGetNoTask
  next.messageEditWindowS = num(patch.messageEditWindowS, 0, 86_400 * 36_500) ?? next.messageEditWindowS
  if (patch.likeUnknownAction === 'refuse' || patch.likeUnknownAction === 'auto') next.likeUnknownAction = patch.likeUnknownAction
  if (typeof patch.readOnPost === 'boolean') next.readOnPost = patch.readOnPost
  if (patch.emptyUpdateBy === 'author' || patch.emptyUpdateBy === 'deleters') next.emptyUpdateBy = patch.emptyUpdateBy
  next.fileUploadMaxBytes = num(patch.fileUploadMaxBytes, 1, 1_000_000_000) ?? next.fileUploadMaxBytes
  if (patch.fileUploadBase64 === 'strict' || patch.fileUploadBase64 === 'lenient') next.fileUploadBase64 = patch.fileUploadBase64
  if (typeof patch.fileLoginGate === 'boolean') next.fileLoginGate = patch.fileLoginGate
  if (typeof patch.taskChats === 'boolean') next.taskChats = patch.taskChats
  if (typeof patch.taskChatIdField === 'string' && /^[A-Za-z_]{1,40}$/.test(patch.taskChatIdField)) next.taskChatIdField = patch.taskChatIdField
  // --- the app's bot in task chats ---
  if (patch.taskChatUsersAdd === 'member' || patch.taskChatUsersAdd === 'manager' || patch.taskChatUsersAdd === 'owner')
    next.taskChatUsersAdd = patch.taskChatUsersAdd
  if (patch.taskChatAddRefusal === 'source' || patch.taskChatAddRefusal === 'doc') next.taskChatAddRefusal = patch.taskChatAddRefusal
  if (typeof patch.taskChatKeepsAnyone === 'boolean') next.taskChatKeepsAnyone = patch.taskChatKeepsAnyone
  // --- Batch references, read order, edit window, results paging ---
  if ((FIRST_ID_ORDERS as readonly unknown[]).includes(patch.firstIdOrder)) next.firstIdOrder = patch.firstIdOrder as FirstIdOrder
  if (patch.messageDeleteWindow === 'edit' || patch.messageDeleteWindow === 'none') next.messageDeleteWindow = patch.messageDeleteWindow
  next.resultsPageMax = num(patch.resultsPageMax, 1, 1000) ?? next.resultsPageMax
  if (typeof patch.idempotencyKeyCors === 'boolean') next.idempotencyKeyCors = patch.idempotencyKeyCors
  return next
}

/** The tail mode in effect: a legacy portal has no tail at all. */
export function tailMode(c: Conditions): TailMode {
  return c.legacyIm ? 'missing' : c.tail
}

/** Decides which calls fail; seeded so a failing run can be replayed. */
export class FailureInjector {
  private rng: Rng = createRng(0xfa11)

  reset(): void {
    this.rng = createRng(0xfa11)
  }

  shouldFail(rate: number): boolean {
    if (rate <= 0) return false
    return this.rng.next() < rate
  }
}
