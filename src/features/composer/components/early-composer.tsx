import { useEffect, useLayoutEffect, useRef, useSyncExternalStore, type ClipboardEvent, type KeyboardEvent } from 'react'
import { useI18n } from '../../../i18n/i18n'
import { earlyInput } from '../api/early-input'
import { phaseMark } from '../../../platform/phase-mark'
import { fitHeight, useFitHeight } from './fit-height'
import './composer.css'

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true

/**
 * The message box shown before the composer's code has loaded (with the first frame, and in the
 * composer's place while it loads), so the first keystroke is never lost: it takes typing, pasted
 * text and files pasted or dropped anywhere in the frame, and the composer takes all of it over
 * (text, caret, focus, files) when it comes. Enter empties the box and says the message will be
 * sent: the composer sends it, once, as it comes (a reader who pressed Enter once believes it sent).
 * Tiny on purpose: it is on the first frame's path.
 */
export function EarlyComposer({ draft }: { draft?: string | null }) {
  const { t } = useI18n()
  const ref = useRef<HTMLTextAreaElement>(null)
  const files = useSyncExternalStore(earlyInput.subscribe, () => earlyInput.get().files)
  const sends = useSyncExternalStore(earlyInput.subscribe, () => earlyInput.get().sends)
  const focused = useSyncExternalStore(earlyInput.subscribe, () => earlyInput.get().focused)
  const placeholder = t('composer.placeholder')
  useFitHeight(ref, '', placeholder)

  // A box that takes typing is on screen: the bench's "composer taking typing".
  useLayoutEffect(() => phaseMark('tc:typing'), [])
  useLayoutEffect(() => {
    const el = ref.current!
    // What an earlier early box held, and the saved draft once the reader is known.
    if (draft != null) earlyInput.seed(draft)
    const held = earlyInput.get()
    if (held.text !== null && el.value !== held.text) {
      el.value = held.text
      fitHeight(el)
    }
    el.setSelectionRange(held.selectionStart, held.selectionEnd)
    if (held.focused) el.focus()
    return () => earlyInput.set({ selectionStart: el.selectionStart, selectionEnd: el.selectionEnd })
  }, [draft])

  // Focus asked for from elsewhere ("Write the first message") while the composer loads.
  useEffect(() => {
    if (focused && document.activeElement !== ref.current) ref.current?.focus()
  }, [focused])

  useEffect(() => {
    // A file dropped anywhere in the frame: kept for the composer (the browser would open it instead).
    const over = (event: DragEvent) => carriesFiles(event) && event.preventDefault()
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event)) return
      event.preventDefault()
      earlyInput.set({ files: [...earlyInput.get().files, ...(event.dataTransfer?.files ?? [])] })
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return
    // As the composer's Enter: the box empties and the text is on its way (sent as the composer comes).
    event.preventDefault()
    const el = event.currentTarget
    const { sends, files } = earlyInput.get()
    // Files alone may be sent, as in the composer; an empty box alone sends nothing.
    if (el.value.trim() === '' && files.length === 0) return
    earlyInput.set({ sends: [...sends, { text: el.value.trim() === '' ? '' : el.value, files }], files: [], text: '', selectionStart: 0, selectionEnd: 0 })
    el.value = ''
    fitHeight(el)
  }
  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = [...event.clipboardData.files]
    // As the composer decides: files alone (or with their own names as text) are files; else the text.
    const text = event.clipboardData.getData('text/plain').trim()
    if (pasted.length === 0 || (text !== '' && !pasted.some((file) => text.includes(file.name)))) return
    event.preventDefault()
    earlyInput.set({ files: [...earlyInput.get().files, ...pasted] })
  }

  return (
    <form className="composer composer--early" onSubmit={(event) => event.preventDefault()}>
      {(files.length > 0 || sends.length > 0) && (
        <p className="composer__waiting" role="status">
          {sends.length > 0 && t('composer.sendsWaiting', { count: sends.length })} {files.length > 0 && t('composer.filesWaiting', { count: files.length })}
        </p>
      )}
      <div className="composer__row">
        <textarea
          ref={ref}
          className="composer__input"
          aria-label={t('composer.label')}
          placeholder={placeholder}
          rows={1}
          onInput={(event) => {
            const el = event.currentTarget
            earlyInput.set({ text: el.value, selectionStart: el.selectionStart, selectionEnd: el.selectionEnd })
            fitHeight(el)
          }}
          onFocus={() => earlyInput.set({ focused: true })}
          onBlur={() => earlyInput.set({ focused: false })}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <button type="submit" className="composer__send" disabled>
          {t('composer.send')}
        </button>
      </div>
    </form>
  )
}
