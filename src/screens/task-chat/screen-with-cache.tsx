import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { PortalClient } from '../../b24/portal-client'
import { conversationQueries } from '../../chat/conversation/conversation-queries'
import type { QueryCacheHolder } from '../../platform/query-cache-holder'
import { createQueryClient } from '../../platform/query-client'
import { TaskChatScreen } from './task-chat-screen'

/**
 * The page's query cache (made once, here: TanStack Query loads with the screen) with the opening
 * batch in it, before the screen renders: the batch the first frame was shown from is adopted
 * (opening.ts), so the screen opens on the same messages, never a skeleton in between.
 */
export async function prepareScreen(holder: QueryCacheHolder, client: PortalClient, taskId: number): Promise<QueryClient> {
  const queryClient = (holder.client ??= createQueryClient())
  await queryClient.prefetchQuery(conversationQueries(client).conversation(taskId))
  return queryClient
}

/** The whole screen, inside the page's query cache. */
export function ScreenWithCache({ queryClient, taskId }: { queryClient: QueryClient; taskId: number }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TaskChatScreen taskId={taskId} />
    </QueryClientProvider>
  )
}
