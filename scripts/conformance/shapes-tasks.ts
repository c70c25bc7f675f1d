/**
 * The answers of the tasks methods (old `/rest/` and REST 3.0 `/rest/api/`) as the official docs
 * show them, and so as the local portal promises them; plus the v2 batch envelope.
 */
import * as v from 'valibot'

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/))
/** The old API sends most numbers as strings (tasks-task-get.md: `"id":"8017"`). */
const numericString = v.pipe(v.string(), v.regex(/^\d+$/))

/** api-reference/tasks/tasks-task-get.md: `{task:{id:"51", title, chatId: 2537, ...}}` (chatId a number). */
export const TaskGetV2 = v.looseObject({
  task: v.looseObject({ id: numericString, title: v.string(), chatId: v.number() }),
})

/** api-reference/tasks/tasks-task-list.md: `{tasks:[{id:"8017", title, ...}]}`; only used to find a task to check. */
export const TaskListV2 = v.looseObject({
  tasks: v.array(v.looseObject({ id: numericString, title: v.string() })),
})

/** api-reference/tasks/fields-rest-v3.md + tasks-task-get-rest-v3.md: `rights` is a plain field, selected whole. */
export const TaskGetV3 = v.looseObject({
  item: v.looseObject({
    id: v.number(),
    chatId: v.number(),
    rights: v.looseObject({ createResult: v.boolean(), removeResult: v.boolean(), resultRead: v.boolean() }),
  }),
})

/** api-reference/tasks/tasks-task-access-get.md: the actions as booleans directly in `result`. */
export const TaskAccess = v.looseObject({ read: v.boolean(), createResult: v.boolean(), resultEdit: v.boolean(), removeResult: v.boolean() })

/** api-reference/tasks/result/tasks-task-result-add.md#item, as selected by the app. */
const ResultItem = v.looseObject({
  id: v.number(),
  taskId: v.number(),
  text: v.string(),
  authorId: v.number(),
  createdAt: isoDate,
  messageId: v.nullable(v.number()),
})

/** api-reference/tasks/result/tasks-task-result-list-rest-v3.md */
export const ResultList = v.looseObject({ items: v.array(v.looseObject({ id: v.number(), authorId: v.number(), messageId: v.nullable(v.number()) })) })
/** api-reference/tasks/result/tasks-task-result-addfromchatmessage.md */
export const ResultMade = v.looseObject({ item: ResultItem })
/** api-reference/tasks/result/tasks-task-result-delete.md */
export const ResultDeleted = v.looseObject({ result: v.literal(true) })

/**
 * settings/how-to-call-rest-api/batch.md: per-key results and errors; PHP sends an empty map as `[]`.
 * The app's opening batch chains the page from the task row, so `page` must be in `result`.
 */
const perKey = v.union([v.record(v.string(), v.unknown()), v.array(v.unknown())])
export const BatchV2 = v.looseObject({
  result: v.looseObject({ task: v.looseObject({ task: v.looseObject({ chatId: v.number() }) }), page: v.looseObject({ messages: v.array(v.unknown()) }) }),
  result_error: perKey,
  result_total: perKey,
  result_next: perKey,
  result_time: perKey,
})
