import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { usePortalClient } from '../../../platform/portal-context'
import { errorSentence } from '../../../platform/error-sentence'
import { isPortalError } from '../../../b24/portal-error'
import type { ConversationHandle } from '../../../chat/conversation/conversation-handle'
import { likedByViewer } from '../../../chat/reactions'
import type { Message } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'
import { applyChange, rolledBack, type Change } from './changed-message'
import { deleteMessage, likeMessage, updateMessage } from './changes-api'

/** How long a deletion can be undone before it is sent. */
const UNDO_DELETE_MS = 5_000

/** Without one id: the same set when it has none, so nothing re-renders. */
function withoutId(all: ReadonlySet<number>, id: number): ReadonlySet<number> {
  if (!all.has(id)) return all
  const next = new Set(all)
  next.delete(id)
  return next
}

interface Attempt {
  message: Message
  change: Change
}

interface AttemptContext {
  previous: Message
  optimistic: Message
  /** A refused edit's text went back into the composer: its sentence says so. */
  kept: boolean
}

const cantEdit = (error: unknown) => isPortalError(error) && error.code === 'CANT_EDIT_MESSAGE'

/**
 * What the attempts say, from TanStack's mutation state: why the latest change of each message
 * failed (a newer attempt clears it), and the messages the portal refused to change (CANT_EDIT_MESSAGE:
 * past its edit window, or not the user's), which are not offered for editing again.
 */
function useAttemptOutcomes(mutationKey: readonly unknown[]) {
  const translator = useI18n()
  const attempts = useMutationState({
    filters: { mutationKey },
    select: (m) => ({
      ...(m.state.variables as Attempt),
      status: m.state.status,
      error: m.state.error,
      kept: (m.state.context as AttemptContext | undefined)?.kept === true,
    }),
  })
  const outcomes = useMemo(() => {
    const errors = new Map<number, string>()
    const refused = new Set<number>()
    for (const { message, change, status, error, kept } of attempts) {
      if (status !== 'error') {
        errors.delete(message.id)
        continue
      }
      if (cantEdit(error)) refused.add(message.id)
      const sentence = cantEdit(error)
        ? translator.t(change.kind === 'delete' ? 'change.error.cantDelete' : 'change.error.cantEdit')
        : errorSentence(error, translator)
      errors.set(message.id, kept ? `${sentence} ${translator.t('change.editKept')}` : sentence)
    }
    return { errors: errors as ReadonlyMap<number, string>, refused: refused as ReadonlySet<number> }
  }, [attempts, translator])
  // Every attempt (each like) changes the list; the outcomes, and so every message's actions, stay the same objects while they say the same.
  const same = JSON.stringify([[...outcomes.errors], [...outcomes.refused]])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => outcomes, [same])
}

/**
 * Editing, deleting and liking: each change is written into the conversation at once and sent,
 * one at a time in the order made; a refusal puts the message back and says why on it. A message
 * the portal refused to change (CANT_EDIT_MESSAGE: past its edit window, or not the user's) is not
 * offered for editing again. A deletion waits UNDO_DELETE_MS first, and is sent only if not undone.
 */
export function useMessageChanges(conversation: ConversationHandle, onEditRefused?: (text: string) => boolean) {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  // The Undo window of a deletion: the user's, before anything is sent.
  const [deleting, setDeleting] = useState<ReadonlySet<number>>(new Set())
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())
  const { taskId, cachedMessage: cached, writeChanged } = conversation
  const viewerId = conversation.viewer.userId

  const mutationKey = useMemo(() => ['message-changes', taskId], [taskId])
  const { errors, refused } = useAttemptOutcomes(mutationKey)
  const { mutate } = useMutation({
    mutationKey,
    scope: { id: `message-changes:${taskId}` },
    retry: false,
    // Kept while the page lives: a refusal is said on its message until a newer attempt, however long that takes.
    gcTime: Infinity,
    onMutate: ({ message, change }: Attempt): AttemptContext => {
      const previous = cached(message.id) ?? message
      const optimistic = applyChange(previous, change)
      writeChanged(optimistic)
      return { previous, optimistic, kept: false }
    },
    mutationFn: async ({ message, change }: Attempt) => {
      if (change.kind === 'edit') return updateMessage(client, message.id, change.text)
      if (change.kind === 'delete') return deleteMessage(client, message.id)
      try {
        await likeMessage(client, message.id, change.like)
      } catch (error) {
        // WITHOUT_CHANGES: "the reaction state was already the same", which is what the user asked for.
        if (!(isPortalError(error) && error.code === 'WITHOUT_CHANGES')) throw error
      }
    },
    onSuccess: () => {
      // A read of the newest page confirms the change (and brings what others did meanwhile); not while
      // more changes wait their turn, as it would show the portal's state from before them for a moment.
      if (queryClient.isMutating({ mutationKey }) <= 1) conversation.pollSoon()
    },
    onError: (_error, { message, change }, context) => {
      if (!context) return
      const current = cached(message.id)
      if (current) writeChanged(rolledBack(current, context.optimistic, context.previous, change))
      // What the user typed is not lost: the screen puts it back in the composer when that is empty.
      // Noted in the attempt's own context, which its error state carries to the sentence.
      context.kept = change.kind === 'edit' && onEditRefused?.(change.text) === true
    },
  })

  const actions = useMemo(() => {
    const forget = (id: number) => {
      clearTimeout(timers.current.get(id))
      timers.current.delete(id)
      setDeleting((all) => withoutId(all, id))
    }
    return {
      edit: (message: Message, text: string) => mutate({ message, change: { kind: 'edit', text } }),
      // Toggles what is cached now, not what the button last rendered: two quick clicks are a like and its undo.
      like(message: Message) {
        const now = cached(message.id) ?? message
        mutate({ message, change: { kind: 'like', userId: viewerId, like: !likedByViewer(now, viewerId) } })
      },
      /** Shown as deleted at once; sent once the Undo has passed. */
      remove(message: Message) {
        if (timers.current.has(message.id)) return
        // The reason a change failed goes with the message's deletion: its failed attempts are done with.
        const cache = queryClient.getMutationCache()
        const failed = cache.findAll({ mutationKey, status: 'error', predicate: (m) => (m.state.variables as Attempt).message.id === message.id })
        for (const attempt of failed) if (!cantEdit(attempt.state.error)) cache.remove(attempt)
        setDeleting((all) => new Set(all).add(message.id))
        const timer = setTimeout(() => {
          forget(message.id)
          mutate({ message, change: { kind: 'delete' } })
        }, UNDO_DELETE_MS)
        timers.current.set(message.id, timer)
      },
      undoRemove: forget,
    }
  }, [mutate, viewerId, cached, queryClient, mutationKey])

  // Leaving the card within the Undo time sends nothing: the deletion never reached the portal, and the message stays.
  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach((timer) => clearTimeout(timer))
  }, [])

  return useMemo(() => ({ ...actions, errors, refused, deleting }), [actions, errors, refused, deleting])
}
