/**
 * The 50-ARTICLE FLOOR (issue #23): the least app that shows a task chat. It boots React, connects
 * to the task card with the SDK, makes ONE `im.dialog.messages.get` of the newest 50 messages of a
 * chat it knows in advance, through a TanStack `useQuery`, and puts each message's text in an
 * `<article>` inside a `role=feed`. No virtualizer, no formatting, no validation: whatever the app
 * needs beyond this before its first message is what the benchmark holds against it.
 *
 * The chat is known in advance: the bench reads the chat id of its first-paint task from the seed
 * and passes it as `DIALOG_ID` in the placement options of the card it opens (servers.ts), so the
 * floor needs no `tasks.task.get` first.
 */
import { initializeB24Frame } from '@bitrix24/b24jssdk'
import { QueryClient, QueryClientProvider, queryOptions, useQuery } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'

// The handshake comes first, as in the app: nothing can be asked of the portal before it.
const b24 = await initializeB24Frame()
const options = b24.placement.options as { DIALOG_ID?: unknown } | undefined
const dialogId = typeof options?.DIALOG_ID === 'string' ? options.DIALOG_ID : 'chat1001'

interface WireMessage {
  id: number
  text: string
}

const newest = queryOptions({
  queryKey: ['floor-feed', dialogId],
  queryFn: async () => {
    const answer = await b24.actions.v2.call.make({ method: 'im.dialog.messages.get', params: { DIALOG_ID: dialogId, LIMIT: 50 } })
    const result = answer.getData()?.result as { messages?: WireMessage[] } | undefined
    // Newest first on the wire; a feed reads oldest first.
    return [...(result?.messages ?? [])].reverse()
  },
})

function Feed() {
  const messages = useQuery(newest)
  return (
    <div role="feed" aria-busy={messages.isPending}>
      {messages.data?.map((m, i) => (
        <article key={m.id} data-message-id={m.id} aria-posinset={i + 1} aria-setsize={messages.data.length}>
          {m.text}
        </article>
      ))}
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <Feed />
  </QueryClientProvider>,
)
