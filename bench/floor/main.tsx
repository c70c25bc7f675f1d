/**
 * The FLOOR page: the least a Task Chat could ship with the same dependencies. It boots React,
 * connects to the task card with the SDK, creates a TanStack QueryClient, uses the virtualizer
 * (so it is bundled, not tree-shaken away), makes ONE REST call and paints one line. The budgets'
 * floor before issue #23 (the 50-article floor, bench/floor-feed/, is now): its rows stay in the
 * table as info.
 */
import { initializeB24Frame } from '@bitrix24/b24jssdk'
import { QueryClient, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { createRoot } from 'react-dom/client'

// The handshake comes first, as in the app: nothing can be asked of the portal before it.
const b24 = await initializeB24Frame()
const options = b24.placement.options as { taskId?: unknown } | undefined
const taskId = typeof options?.taskId === 'string' || typeof options?.taskId === 'number' ? String(options.taskId) : '1'

const titleQuery = queryOptions({
  queryKey: ['floor-title', taskId],
  queryFn: async () => {
    const answer = await b24.actions.v2.call.make({ method: 'tasks.task.get', params: { taskId, select: ['ID', 'TITLE'] } })
    const result = answer.getData()?.result as { task?: { title?: string } } | undefined
    return result?.task?.title ?? '(no title)'
  },
})

function FloorLine() {
  const scroller = useRef<HTMLDivElement>(null)
  const title = useQuery(titleQuery)
  // One virtual row: the virtualizer must run, or the bundler would drop it from the floor.
  const virtualizer = useVirtualizer({ count: title.data ? 1 : 0, getScrollElement: () => scroller.current, estimateSize: () => 24 })
  return (
    <div ref={scroller} style={{ height: 200, overflow: 'auto' }}>
      {virtualizer.getVirtualItems().map((item) => (
        <p key={item.key} data-floor-painted="">
          {title.data}
        </p>
      ))}
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <FloorLine />
  </QueryClientProvider>,
)
