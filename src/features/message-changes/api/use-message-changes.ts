import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { usePortalClient } from '../../../app/portal-context'
import { errorSentence } from '../../../app/error-sentence'
import { isPortalError } from '../../../b24/portal-error'
import type { Conversation } from '../../../chat/conversation/conversation'
import { conversationKey, writeChanged } from '../../../chat/conversation/conversation-queries'
import { findMessage } from '../../../chat/conversation/runs'
import { pollSoon } from '../../../chat/conversation/use-live-poll'
import { likedByViewer } from '../../../chat/reactions'
import type { Message } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'
import { applyChange, rolledBack, type Change } from './changed-message'
import { deleteMessage, likeMessage, updateMessage } from './changes-api'

/** How long a deletion can be undone before it is sent. */
const UNDO_DELETE_MS = 5_000

/** Without one id: the same map or set when it has none, so nothing re-renders. */
function withoutKey<T>(all: ReadonlyMap<number, T>, id: number): ReadonlyMap<number, T> {
  if (!all.has(id)) return all
  const next = new Map(all)
  next.delete(id)
  return next
}
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

/**
 * Editing, deleting and liking: each change is written into the conversation at once and sent,
 * one at a time in the order made; a refusal puts the message back and says why on it. A message
 * the portal refused to change (CANT_EDIT_MESSAGE: past its edit window, or not the user's) is not
 * offered for editing again. A deletion waits UNDO_DELETE_MS first, and is sent only if not undone.
 */
export function useMessageChanges(taskId: number, chatId: number | null, viewerId: number, onEditRefused?: (text: string) => boolean) {
  const client = usePortalClient()
  const queryClient = useQueryClient()
  const translator = useI18n()
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map())
  const [refused, setRefused] = useState<ReadonlySet<number>>(new Set())
  const [deleting, setDeleting] = useState<ReadonlySet<number>>(new Set())
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())
  const cached = (id: number) => findMessage(queryClient.getQueryData<Conversation>(conversationKey(taskId))?.runs ?? [], id)
  const setError = (id: number, sentence: string | null) => setErrors((all) => (sentence === null ? withoutKey(all, id) : new Map(all).set(id, sentence)))

  const mutationKey = ['message-changes', taskId]
  const { mutate } = useMutation({
    mutationKey,
    scope: { id: `message-changes:${taskId}` },
    retry: false,
    onMutate: ({ message, change }: Attempt) => {
      const previous = cached(message.id) ?? message
      const optimistic = applyChange(previous, change)
      writeChanged(queryClient, taskId, optimistic)
      setError(message.id, null)
      return { previous, optimistic }
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
      if (chatId !== null && queryClient.isMutating({ mutationKey }) <= 1) pollSoon(chatId)
    },
    onError: (error, { message, change }, context) => {
      if (context) {
        const current = cached(message.id)
        if (current) writeChanged(queryClient, taskId, rolledBack(current, context.optimistic, context.previous, change))
      }
      const cantEdit = isPortalError(error) && error.code === 'CANT_EDIT_MESSAGE'
      if (cantEdit) setRefused((all) => new Set(all).add(message.id))
      const sentence = cantEdit
        ? translator.t(change.kind === 'delete' ? 'change.error.cantDelete' : 'change.error.cantEdit')
        : errorSentence(error, translator)
      // What the user typed is not lost: the screen puts it back in the composer when that is empty.
      const kept = change.kind === 'edit' && onEditRefused?.(change.text) === true
      setError(message.id, kept ? `${sentence} ${translator.t('change.editKept')}` : sentence)
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
        const now = findMessage(queryClient.getQueryData<Conversation>(conversationKey(taskId))?.runs ?? [], message.id) ?? message
        mutate({ message, change: { kind: 'like', userId: viewerId, like: !likedByViewer(now, viewerId) } })
      },
      /** Shown as deleted at once; sent once the Undo has passed. */
      remove(message: Message) {
        if (timers.current.has(message.id)) return
        setErrors((all) => withoutKey(all, message.id))
        setDeleting((all) => new Set(all).add(message.id))
        const timer = setTimeout(() => {
          forget(message.id)
          mutate({ message, change: { kind: 'delete' } })
        }, UNDO_DELETE_MS)
        timers.current.set(message.id, timer)
      },
      undoRemove: forget,
    }
  }, [mutate, viewerId, queryClient, taskId])

  // Leaving the card within the Undo time sends nothing: the deletion never reached the portal, and the message stays.
  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach((timer) => clearTimeout(timer))
  }, [])

  return useMemo(() => ({ ...actions, errors, refused, deleting }), [actions, errors, refused, deleting])
}
