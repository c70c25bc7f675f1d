import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { safeHref } from '../../../chat/bbcode/safe-url'
import type { ChatFile } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'
import { useFileLinkQueries } from '../api/file-link-query'

/** The largest a preview is drawn; an image keeps its proportions inside it. */
const BOX = { width: 280, height: 200 }
/** The box for an image whose size the portal did not give. */
const UNKNOWN = { width: 200, height: 150 }

/** The preview's size, known before the image loads, so the feed keeps its place while it does. */
function previewSize(file: Pick<ChatFile, 'width' | 'height'>): { width: number; height: number } {
  if (!file.width || !file.height) return UNKNOWN
  const scale = Math.min(1, BOX.width / file.width, BOX.height / file.height)
  return { width: Math.max(1, Math.round(file.width * scale)), height: Math.max(1, Math.round(file.height * scale)) }
}

/**
 * An image of a message, lazy. The portal's preview URL is tried first; it needs the portal's
 * login cookie, which a browser does not send from a frame of another site, so when it fails the
 * preview asks im.v2.File.download for this one file (only now: the image is on screen) and shows
 * it from there. A file seen failing before starts from the link. The full-size page opens in a tab
 * of its own, top-level on the portal's site, where the browser does send the portal's cookie.
 */
export function ImagePreview({ file, chatId }: { file: ChatFile; chatId: number }) {
  const { t } = useI18n()
  const queries = useFileLinkQueries()
  const linkQuery = queries.link(chatId, file.id)
  const known = useQueryClient().getQueryData(linkQuery.queryKey) !== undefined
  const [viaLink, setViaLink] = useState(known)
  const [broken, setBroken] = useState(false)
  const link = useQuery({ ...linkQuery, enabled: viaLink })
  const full = safeHref(file.showUrl ?? '')
  const portalSource = safeHref(file.previewUrl ?? file.showUrl ?? '')
  if (!full || !portalSource) return null
  const { width, height } = previewSize(file)
  const boxed = file.width && file.height ? 'image-preview__img' : 'image-preview__img image-preview__img--boxed'

  if (broken || link.isError) {
    const retry = () => {
      setBroken(false)
      void link.refetch()
    }
    return (
      <li className="image-preview">
        <div role="group" aria-label={file.name} className="image-preview__failed" style={{ width, height }}>
          <span>{t('feed.fileUnavailable')}</span>
          <button type="button" onClick={retry} disabled={link.isFetching}>
            {t('feed.fileRetry')}
          </button>
        </div>
      </li>
    )
  }
  const source = viaLink ? link.data : portalSource
  return (
    <li className="image-preview">
      {/* Full size on the portal's page: a tab of its own is the portal's site, where its login cookie goes. */}
      <a href={full} target="_blank" rel="noopener noreferrer" title={t('feed.openImage', { name: file.name })}>
        <img
          // A new link is a new image: one that failed is tried again. Without a source yet (the link is on its way) it keeps its box.
          key={viaLink ? link.dataUpdatedAt : 'portal'}
          src={source}
          alt={file.name}
          width={width}
          height={height}
          loading="lazy"
          decoding="async"
          className={boxed}
          aria-busy={source ? undefined : true}
          onError={() => (viaLink ? setBroken(true) : setViaLink(true))}
        />
      </a>
    </li>
  )
}
