/** The task the card was opened for, or why we cannot tell. */
type PlacementTask = { ok: true; taskId: number } | { ok: false; reason: 'no-task-id' }

/**
 * TASK_VIEW_TAB passes `{ taskId: "31", URI: … }` (taskId is a string); some portals pass '' as the
 * options, and the list context menu passes `ID` instead of `taskId`.
 */
export function readPlacementTask(options: unknown): PlacementTask {
  const record = options && typeof options === 'object' ? (options as Record<string, unknown>) : {}
  const raw = record['taskId'] ?? record['ID']
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (!/^\d+$/.test(text)) return { ok: false, reason: 'no-task-id' }
  const taskId = Number(text)
  return Number.isSafeInteger(taskId) && taskId > 0 ? { ok: true, taskId } : { ok: false, reason: 'no-task-id' }
}
