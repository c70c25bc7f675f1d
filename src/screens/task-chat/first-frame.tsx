import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { runOf } from '../../chat/conversation/runs'
import { useConversation } from '../../chat/conversation/use-conversation'
import { buildRows, type FeedRow } from '../../features/feed/api/build-rows'
import { useShowSystemPreference } from '../../features/feed/api/system-filter-preference'
import { DaySeparator } from '../../features/feed/components/day-separator'
import { FeedSkeleton } from '../../features/feed/components/feed-states'
import { MessageItem } from '../../features/feed/components/message-item'
import { useI18n } from '../../i18n/i18n'
import { useTextContext } from './use-text-context'

/** FeedList's row above the oldest message. */
const TOP_HEIGHT_PX = 76

/** As FeedList estimates rows: enough of the newest to fill the window, whatever their real height. */
const estimate = (row: FeedRow) => (row.continued ? 28 : 64) + (row.nextDay ? 36 : 0)

function newestThatFill(rows: FeedRow[], height: number): number {
  let from = rows.length
  for (let filled = 0; from > 0 && filled < height;) filled += estimate(rows[--from]!)
  return from
}

/**
 * The first thing the task card shows once the opening batch has answered: the newest messages,
 * laid out as the feed lays them out (the same rows, the same message markup, scrolled to the end)
 * but not yet interactive. The screen (virtualized feed, composer, search, results, live updates)
 * is loaded only after this has painted, and replaces it with the same rows in place; until then
 * this is `inert` and busy, so nothing can be clicked that is about to be replaced. Anything but
 * messages to show (still loading: the skeleton; an error, no chat, an empty chat) waits for the screen.
 */
export function FirstFrame({ taskId, onShown }: { taskId: number; onShown(): void }) {
  const { t } = useI18n()
  const { query, conversation, authors } = useConversation(taskId)
  const [showSystem] = useShowSystemPreference()
  const run = conversation && runOf(conversation.runs, null)
  const { rows } = useMemo(() => buildRows(run?.messages ?? [], showSystem), [run, showSystem])
  const from = newestThatFill(rows, window.innerHeight)
  const textContext = useTextContext(authors, conversation?.portalUtcOffsetMinutes)
  const scroller = useRef<HTMLDivElement>(null)
  const settled = !query.isPending

  useLayoutEffect(() => {
    const el = scroller.current
    if (el) el.scrollTop = el.scrollHeight
  }, [rows])
  useEffect(() => {
    if (!settled) return
    // After the frame that shows the messages has painted: nothing competes with it.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(onShown)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [settled, onShown])

  if (rows.length === 0) return <FeedSkeleton />
  // Above the rows: as FeedList's top row when they are all shown, else only the day they begin.
  const above =
    from === 0 ? (
      <div className="feed-row feed-row--top" style={{ height: TOP_HEIGHT_PX }}>
        <div className="feed-top" aria-hidden="true" />
        <DaySeparator date={rows[0]!.message.date} />
      </div>
    ) : (
      rows[from - 1]!.nextDay && <DaySeparator date={rows[from - 1]!.nextDay!} />
    )
  return (
    <div className="task-chat">
      <div className="task-chat__toolbar task-chat__toolbar--placeholder" />
      <div className="feed-frame" inert>
        <div ref={scroller} className="feed-scroller">
          <div role="feed" aria-label={t('feed.label')} aria-busy="true" className="feed feed--first-frame">
            {above}
            {rows.slice(from).map((row, i) => (
              <div key={row.key} className="feed-row">
                <MessageItem
                  {...{ authors, textContext, message: row.message, continued: row.continued, rowKey: row.key }}
                  files={conversation?.files ?? new Map()}
                  author={authors.get(row.message.authorId)}
                  position={from + i + 1}
                  setSize={-1}
                  tabStop={false}
                  entered={false}
                />
                {row.nextDay && <DaySeparator date={row.nextDay} />}
              </div>
            ))}
          </div>
        </div>
      </div>
      <div className="composer composer--loading" />
    </div>
  )
}
