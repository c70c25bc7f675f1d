import { useId, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { useI18n } from '../../../i18n/i18n'
import { withMentionCodes } from '../api/mention-trigger'
import type { DraftMention } from '../api/outbox-store'
import { MAX_MESSAGE_LENGTH } from '../api/use-send'
import { useOfferedBot } from '../api/use-offered-bot'
import { MentionPicker } from './mention-picker'
import { useMentions } from './use-mentions'
import { useFitHeight } from './fit-height'
import { useEarlyHandoff } from './use-early-handoff'
import './composer.css'

/** The counter shows once a message gets this close to the portal's limit. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 1_000

interface Props {
  draft: string
  /** People chosen from the `@` picker: shown as `@Name` in the box, sent as mention codes. */
  mentions: readonly DraftMention[]
  onDraft(text: string, mentions?: DraftMention[]): void
  replyTo: { name: string; excerpt: string } | null
  onCancelReply(): void
  onSend(text: string, asBot: boolean): void
  /** The app's bot, when one is registered and not refused in this chat. */
  bot: { id: number; name: string } | null
  /** The viewer may add people to the chat (im.dialog.get): they could add the bot. */
  botMayJoin?: boolean
  chatId: number | null
  inputRef: RefObject<HTMLTextAreaElement | null>
  /** Editing a posted message instead of writing a new one: the draft waits meanwhile. */
  edit?: EditSession | null
  /** Up in the empty box: edits the user's last message; answers whether there was one. */
  onEditLast?(): boolean
  /** Attaching files, composed by the screen (a feature does not import another): the button beside the box, the chosen files above it. */
  attach?: ReactNode
  attachments?: ReactNode
  /** Files are chosen and waiting: Send sends them even without text (then with `text` empty). */
  hasAttachments?: boolean
  /** Files pasted into the box (an image copied from elsewhere, files copied in a file manager). */
  onPasteFiles?(files: File[]): void
}

/** A message being edited in the composer: its text (with mentions picked meanwhile), Save and Cancel. */
export interface EditSession {
  text: string
  mentions: readonly DraftMention[]
  onText(text: string, mentions?: DraftMention[]): void
  /** The text as it would be sent (mention codes in); empty when the user cleared it. */
  onSave(text: string): void
  onCancel(): void
}

/**
 * Writing to the task chat: a textbox that grows with its text, Enter sends and Shift+Enter adds a
 * line (never mid-IME-composition), `@` mentions, replies, and the portal's 20,000-character limit
 * enforced here rather than letting the portal cut the message.
 */
export function Composer(props: Props) {
  const { edit, onEditLast, replyTo, onCancelReply, onSend, chatId, inputRef, hasAttachments = false, onPasteFiles } = props
  // "Send as" only where the bot is in the chat or the viewer may add it: elsewhere the portal refuses.
  const bot = useOfferedBot(props.bot, chatId, props.botMayJoin === true)
  // While editing, the box holds the message's text; the draft is kept as it was.
  const draft = edit ? edit.text : props.draft
  const chosen = edit ? edit.mentions : props.mentions
  const onDraft = edit ? edit.onText : props.onDraft
  const { t } = useI18n()
  const [asBot, setAsBot] = useState(false)
  const mentions = useMentions(chatId, draft, chosen, onDraft, inputRef)
  const outgoing = withMentionCodes(draft, chosen)
  const listId = useId()
  const counterId = useId()
  // The portal's limit counts what is sent, mention codes included.
  const length = outgoing.length
  const over = length - MAX_MESSAGE_LENGTH
  // An edit emptied is not refused here: Save asks whether to delete the message instead. Files alone may be sent.
  const canSend = (edit || draft.trim() !== '' || hasAttachments) && over <= 0

  const placeholder = t('composer.placeholder')
  useFitHeight(inputRef, draft, placeholder)
  // What was typed, pasted or dropped before this loaded (early-composer.tsx): the draft's own.
  useEarlyHandoff(inputRef, draft, props.onDraft, (text) => onSend(text, false), onPasteFiles)

  function submit(event?: FormEvent) {
    event?.preventDefault()
    if (!canSend) return
    if (edit) edit.onSave(draft.trim() === '' ? '' : outgoing)
    else onSend(outgoing, asBot && bot !== null)
    mentions.close()
    inputRef.current?.focus()
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = [...event.clipboardData.files]
    if (files.length === 0 || !onPasteFiles || edit) return
    // Office apps put a picture of copied text beside the text: then the text is what was meant. A
    // file copied in a file manager may come with its name as text: then the file is.
    const text = event.clipboardData.getData('text/plain').trim()
    if (text !== '' && !files.some((file) => text.includes(file.name))) return
    event.preventDefault()
    onPasteFiles(files)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mentions.onKeyDown(event)) return
    if (event.key === 'Escape' && edit) {
      event.preventDefault()
      edit.onCancel()
      return
    }
    if (event.key === 'ArrowUp' && !edit && draft === '' && onEditLast?.()) {
      event.preventDefault()
      return
    }
    if (event.key === 'Escape' && replyTo) {
      onCancelReply()
      return
    }
    // keyCode 229: some browsers report Enter that confirms an IME candidate this way.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229) {
      event.preventDefault()
      submit()
    }
  }

  return (
    <form className="composer" onSubmit={submit}>
      {edit && (
        <div className="composer__reply composer__edit">
          <strong className="composer__reply-text">{t('composer.editing')}</strong>
          <button type="button" className="composer__edit-cancel" onClick={edit.onCancel}>
            {t('composer.cancelEdit')}
          </button>
        </div>
      )}
      {replyTo && !edit && (
        <div className="composer__reply">
          <span className="composer__reply-text">
            <strong>{t('composer.replyingTo', { name: replyTo.name })}</strong> {replyTo.excerpt}
          </span>
          <button type="button" className="composer__reply-cancel" onClick={onCancelReply} aria-label={t('composer.cancelReply')}>
            ×
          </button>
        </div>
      )}
      {props.attachments}
      {mentions.open && <MentionPicker id={listId} people={mentions.people} active={mentions.active} onPick={mentions.pick} />}
      <div className="composer__row">
        <textarea
          ref={inputRef}
          className="composer__input"
          aria-label={t('composer.label')}
          placeholder={placeholder}
          rows={1}
          value={draft}
          aria-invalid={over > 0}
          aria-describedby={length >= COUNTER_FROM ? counterId : undefined}
          aria-autocomplete="list"
          aria-controls={mentions.open ? listId : undefined}
          aria-activedescendant={mentions.open && mentions.people[mentions.active] ? `${listId}-${mentions.people[mentions.active]!.id}` : undefined}
          onChange={(event) => {
            onDraft(event.target.value)
            mentions.track(event.target.value, event.target.selectionStart)
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        {/* After the box: Tab goes from the feed to the message first, as before files could be attached. */}
        {/* An edit changes a posted message's words; files go with a new message, so not while editing. */}
        {!edit && props.attach}
        <button type="submit" className="composer__send" disabled={!canSend}>
          {t(edit ? 'composer.save' : 'composer.send')}
        </button>
      </div>
      {(length >= COUNTER_FROM || (bot && !edit)) && (
        <div className="composer__meta">
          {length >= COUNTER_FROM && (
            <span id={counterId} className={over > 0 ? 'composer__counter composer__counter--over' : 'composer__counter'} role={over > 0 ? 'alert' : undefined}>
              {over > 0 ? t('composer.charsOver', { count: over }) : t('composer.charsLeft', { count: -over })}
            </span>
          )}
          {bot && chatId !== null && !edit && (
            <label className="composer__as-bot">
              <input type="checkbox" checked={asBot} onChange={(e) => setAsBot(e.target.checked)} />
              {t('composer.sendAs', { name: bot.name })}
            </label>
          )}
        </div>
      )}
    </form>
  )
}
