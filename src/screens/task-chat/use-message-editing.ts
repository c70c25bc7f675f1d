import { likedByViewer } from '../../chat/reactions'
import { useCallback, useMemo, useState, type RefObject } from 'react'
import type { ConversationHandle } from '../../chat/conversation/conversation-handle'
import type { Message } from '../../chat/types'
import type { OutboxStore } from '../../features/composer/api/outbox-store'
import type { EditSession } from '../../features/composer/components/composer'
import type { MessageChangeView } from '../../features/feed/components/feed-actions'
import { isChangeable, isEditable } from '../../features/message-changes/api/changed-message'
import { useMessageChanges } from '../../features/message-changes/api/use-message-changes'

interface Wiring {
  conversation: ConversationHandle
  messagesById: ReadonlyMap<number, Message>
  /** The live run's messages, oldest first: Up in the empty composer edits the viewer's last one there. */
  liveMessages: readonly Message[]
  store: OutboxStore
  inputRef: RefObject<HTMLTextAreaElement | null>
}

/** What the delete confirmation is asking about. */
export interface DeleteQuestion {
  message: Message
  /** The user emptied the message while editing it. */
  emptied: boolean
}

/**
 * Editing, deleting and liking, wired between the feed (the message actions), the composer (the
 * edit itself) and the message-changes feature (the portal calls): the features never meet.
 */
export function useMessageEditing({ conversation, messagesById, liveMessages, store, inputRef }: Wiring) {
  const { userId } = conversation.viewer
  // A refused edit goes back into an empty composer, so the text typed is not lost.
  const keepRefusedText = useCallback(
    (text: string) => {
      let kept = false
      store.update((s) => {
        if (s.draft.trim() !== '') return s
        kept = true
        return { ...s, draft: text, mentions: [] }
      })
      return kept
    },
    [store],
  )
  const changes = useMessageChanges(conversation, keepRefusedText)
  const [editing, setEditing] = useState<{ id: number; text: string; mentions: EditSession['mentions'] } | null>(null)
  const [question, setQuestion] = useState<DeleteQuestion | null>(null)
  const { refused, deleting, errors } = changes
  const editingId = editing?.id ?? null

  const canChange = useCallback(
    (message: Message) => isChangeable(message, userId) && !refused.has(message.id) && !deleting.has(message.id),
    [userId, refused, deleting],
  )
  const canEdit = useCallback((message: Message) => canChange(message) && isEditable(message, userId), [canChange, userId])
  const changeOf = useCallback(
    (message: Message): MessageChangeView => {
      const may = canChange(message)
      return {
        canEdit: canEdit(message),
        canDelete: may,
        liked: likedByViewer(message, userId),
        deleting: deleting.has(message.id),
        editing: message.id === editingId,
        error: errors.get(message.id) ?? null,
      }
    },
    [canChange, canEdit, userId, deleting, editingId, errors],
  )

  const startEdit = useCallback(
    (message: Message) => {
      setEditing({ id: message.id, text: message.text, mentions: [] })
      const input = inputRef.current
      input?.focus()
      // Once the text is in the box: the caret at its end.
      requestAnimationFrame(() => input?.setSelectionRange(input.value.length, input.value.length))
    },
    [inputRef],
  )
  const editLast = useCallback(() => {
    // A message of files alone has no text to correct: Up goes to the last one with words.
    const last = liveMessages.findLast((m) => m.authorId === userId && !m.isDeleted && !deleting.has(m.id) && m.text.trim() !== '')
    if (!last || !canEdit(last)) return false
    startEdit(last)
    return true
  }, [liveMessages, userId, deleting, canEdit, startEdit])

  const session: EditSession | null = editing && {
    text: editing.text,
    mentions: editing.mentions,
    onText: (text, mentions) => setEditing((e) => e && { ...e, text, mentions: mentions ?? e.mentions }),
    onSave(text) {
      const message = messagesById.get(editing.id)
      if (!message || !canChange(message)) return setEditing(null)
      // Unchanged (a file's message left without words included): nothing to send.
      if (text.trim() === message.text.trim()) return setEditing(null)
      // An empty MESSAGE would delete it (im-message-update.md): that is the user's to decide, so ask.
      if (text === '') return setQuestion({ message, emptied: true })
      changes.edit(message, text)
      setEditing(null)
    },
    onCancel: () => setEditing(null),
  }

  const answer = {
    confirm() {
      if (!question) return
      changes.remove(question.message)
      if (question.emptied) setEditing(null)
      setQuestion(null)
    },
    cancel: () => setQuestion(null),
  }
  const askDelete = useCallback((message: Message) => setQuestion({ message, emptied: false }), [])
  const feed = useMemo(
    () => ({ changeOf, edit: startEdit, remove: askDelete, undoRemove: changes.undoRemove, like: changes.like }),
    [changeOf, startEdit, askDelete, changes.undoRemove, changes.like],
  )
  return { feed, session, editLast, question, answer }
}
