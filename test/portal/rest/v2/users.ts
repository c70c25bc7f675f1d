/** Users for rendering authors (§6): im.user.get, im.user.list.get, user.current, profile. */
import { RestError } from '../../envelope.ts'
import type { CallContext, MethodDef, Params } from '../context.ts'
import { avatarUrl, userSnake } from '../format.ts'
import { intOf, isPresent, listParam, param } from '../params.ts'

function userGet(ctx: CallContext, params: Params): unknown {
  const raw = param(params, 'ID')
  const id = isPresent(raw) ? (intOf(raw) ?? 0) : ctx.userId
  if (id <= 0) throw new RestError(400, 'ID_EMPTY', "User ID can't be empty")
  const user = ctx.store.users.get(id)
  if (!user) throw new RestError(400, 'USER_NOT_EXISTS', 'User not exists')
  return userSnake(user, ctx.origin)
}

function userListGet(ctx: CallContext, params: Params): unknown {
  // ID may also come as a JSON string: "[1,2]".
  const list = listParam(params, 'ID')
  const ids = list?.map(intOf)
  if (!ids || ids.length === 0 || ids.some((id) => id === undefined || id <= 0)) {
    throw new RestError(400, 'INVALID_FORMAT', 'A wrong format for the ID field is passed')
  }
  const users = [...new Set(ids as number[])].flatMap((id) => {
    const user = ctx.store.users.get(id)
    return user ? [userSnake(user, ctx.origin)] : []
  })
  if (String(param(params, 'RESULT_TYPE') ?? '').toLowerCase() === 'array') return users
  return Object.fromEntries(users.map((user) => [String(user['id']), user]))
}

function userCurrent(ctx: CallContext): unknown {
  const user = ctx.store.users.get(ctx.userId)
  if (!user) throw new RestError(400, 'USER_NOT_EXISTS', 'User not exists')
  return {
    ID: String(user.id),
    XML_ID: null,
    ACTIVE: true,
    NAME: user.firstName,
    LAST_NAME: user.lastName,
    SECOND_NAME: '',
    EMAIL: user.email,
    LAST_LOGIN: '2026-10-30T09:00:00+03:00',
    DATE_REGISTER: '2024-01-01T00:00:00+03:00',
    IS_ONLINE: 'Y',
    TIME_ZONE: 'Europe/Moscow',
    TIME_ZONE_OFFSET: '10800',
    TIMESTAMP_X: '2026-01-01T00:00:00+03:00',
    PERSONAL_GENDER: user.gender,
    PERSONAL_PHOTO: avatarUrl(user, ctx.origin),
    WORK_POSITION: user.workPosition,
    UF_DEPARTMENT: [1],
    USER_TYPE: 'employee',
  }
}

function profile(ctx: CallContext): unknown {
  const user = ctx.store.users.get(ctx.userId)
  if (!user) throw new RestError(400, 'USER_NOT_EXISTS', 'User not exists')
  return {
    ID: String(user.id),
    ADMIN: user.isAdmin,
    NAME: user.firstName,
    LAST_NAME: user.lastName,
    PERSONAL_GENDER: user.gender,
    PERSONAL_PHOTO: avatarUrl(user, ctx.origin),
    TIME_ZONE: 'Europe/Moscow',
    TIME_ZONE_OFFSET: 10800,
  }
}

export const v2Users: Record<string, MethodDef> = {
  'im.user.get': { handler: userGet },
  'im.user.list.get': { handler: userListGet },
  'user.current': { handler: userCurrent },
  profile: { handler: profile },
}
