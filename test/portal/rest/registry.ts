/** Every method the portal knows, by version. Names are matched in lower case. */
import type { MethodDef } from './context.ts'
import { v2App } from './v2/app.ts'
import { v2ImChat } from './v2/im-chat.ts'
import { v2ImDialogRead } from './v2/im-dialog-read.ts'
import { v2ImEdit } from './v2/im-edit.ts'
import { v2ImFile } from './v2/im-file.ts'
import { v2ImRead } from './v2/im-read.ts'
import { v2ImSearch } from './v2/im-search.ts'
import { v2ImWrite } from './v2/im-write.ts'
import { v2Imbot } from './v2/imbot.ts'
import { v2Tasks } from './v2/tasks.ts'
import { v2Users } from './v2/users.ts'
import { v3Results } from './v3/results.ts'
import { v3Tasks } from './v3/tasks.ts'

function lowerKeys(...groups: Record<string, MethodDef>[]): Map<string, MethodDef> {
  const map = new Map<string, MethodDef>()
  for (const group of groups) for (const [name, def] of Object.entries(group)) map.set(name.toLowerCase(), def)
  return map
}

export const V2_METHODS = lowerKeys(v2Tasks, v2ImRead, v2ImSearch, v2ImChat, v2ImWrite, v2ImEdit, v2ImDialogRead, v2ImFile, v2Users, v2Imbot, v2App)
export const V3_METHODS = lowerKeys(v3Tasks, v3Results)
