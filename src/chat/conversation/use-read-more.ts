import { useMutation } from '@tanstack/react-query'
import { usePortalClient } from '../../platform/portal-context'
import type { ConversationHandle } from './conversation-handle'
import { fetchNewerPage, fetchOlderPage, fetchWindowAround } from './history-api'
import type { Read } from './reads'

type ReadRequest = { kind: 'older'; before: number } | { kind: 'newer'; after: number } | { kind: 'window'; around: number }

/**
 * Reads more of the chat into the conversation: older than a run, newer than a run, or the window
 * around a message. A mutation rather than a query of its own: what it reads has no cache entry of
 * its own (it lands in the conversation), and the mutation gives the loading, error and retry state
 * of this one request. `onRead` sees each read after it landed.
 */
export function useReadMore(conversation: ConversationHandle, onRead?: (read: Read, request: ReadRequest) => void) {
  const client = usePortalClient()
  const { chatId } = conversation
  return useMutation({
    mutationFn: (request: ReadRequest): Promise<Read> => {
      if (chatId === null) throw new Error('The task has no chat')
      if (request.kind === 'older') return fetchOlderPage(client, chatId, request.before)
      if (request.kind === 'newer') return fetchNewerPage(client, chatId, request.after)
      return fetchWindowAround(client, chatId, request.around)
    },
    onSuccess: (read, request) => {
      conversation.land(read)
      onRead?.(read, request)
    },
  })
}
