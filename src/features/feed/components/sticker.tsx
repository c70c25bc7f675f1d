import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import { safeHref } from '../../../chat/bbcode/safe-url'
import type { Sticker } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'

/** The largest a sticker is drawn. */
const MAX = 128

/**
 * A sticker (params.STICKER_PARAMS): its picture from the page's `stickers` over http(s); where the
 * reader gave none (im.dialog.messages.get), the word "Sticker", as the messenger's own previews say.
 */
export function StickerView({ sticker, ctx }: { sticker: Sticker; ctx: RenderContext }) {
  const { t } = useI18n()
  const label = t('sticker.label')
  const href = sticker.url ? safeHref(sticker.url, ctx.baseUrl) : null
  const src = href && /^https?:/i.test(href) ? href : null
  if (!src) return <p className="message__sticker message__sticker--text">{label}</p>
  const scale = sticker.width && sticker.height ? Math.min(1, MAX / sticker.width, MAX / sticker.height) : null
  return (
    <p className="message__sticker">
      <img
        src={src}
        alt={label}
        loading="lazy"
        decoding="async"
        width={scale ? Math.round(sticker.width! * scale) : MAX}
        height={scale ? Math.round(sticker.height! * scale) : MAX}
      />
    </p>
  )
}
