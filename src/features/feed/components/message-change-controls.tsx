import { useEffect, useLayoutEffect, useRef } from 'react'
import { useI18n } from '../../../i18n/i18n'
import type { Message } from '../../../chat/types'
import { ActionButton } from './action-icon'
import { useFeedActions, type MessageChangeView } from './feed-actions'

/** "Like" (pressed when the viewer likes it), "Edit" and "Delete" where the viewer may: with the other message actions. */
export function ChangeButtons({ message, view, likesId }: { message: Message; view: MessageChangeView; likesId: string | undefined }) {
  const { t } = useI18n()
  const actions = useFeedActions()
  return (
    <>
      <ActionButton icon="like" label={t('message.like')} pressed={view.liked} describedBy={likesId} onClick={() => actions.like(message)} />
      {view.canEdit && <ActionButton icon="edit" label={t('message.edit')} onClick={() => actions.edit(message)} />}
      {view.canDelete && <ActionButton icon="delete" label={t('message.delete')} onClick={() => actions.remove(message)} />}
    </>
  )
}

/**
 * A message the viewer has just deleted: shown as deleted, with Undo until it is sent. Undo takes
 * the focus when the focus was lost (the Delete button it came from is gone), so the keyboard can undo too.
 */
export function DeletingLine({ id }: { id: number }) {
  const { t } = useI18n()
  const { undoRemove } = useFeedActions()
  const undoRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const active = document.activeElement
    if (!active || active === document.body) undoRef.current?.focus()
  }, [])
  // Undo goes when it is used or when the deletion is sent: the focus it had goes to the message
  // (restored, or shown deleted), not to the page's start.
  useLayoutEffect(() => {
    const undo = undoRef.current
    const article = undo?.closest('article')
    return () => {
      if (!undo || document.activeElement !== undo) return
      requestAnimationFrame(() => {
        const lost = !document.activeElement || document.activeElement === document.body
        if (lost && article?.isConnected) article.focus()
      })
    }
  }, [])
  return (
    <p className="message__text message__text--deleted">
      {t('feed.deleted')}{' '}
      <button ref={undoRef} type="button" className="message__undo" onClick={() => undoRemove(id)}>
        {t('message.undoDelete')}
      </button>
    </p>
  )
}

/** Why the portal refused the last change to the message. */
export function ChangeError({ sentence }: { sentence: string }) {
  return (
    <p className="message__change-error" role="alert">
      {sentence}
    </p>
  )
}
