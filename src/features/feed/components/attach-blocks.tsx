import type { ReactNode } from 'react'
import { MessageText } from '../../../chat/bbcode/message-text'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import { safeColor, safeHref } from '../../../chat/bbcode/safe-url'
import type { Attach, AttachBlock, AttachGridItem, AttachLink } from '../../../chat/types'
import { formatBytes } from '../../../i18n/formatters'
import { useI18n } from '../../../i18n/i18n'
import './message-files.css'
import './attach-blocks.css'

/** An image's address: http(s) only (no `mailto:` picture, nor `data:`), relative ones on the portal. */
function safeSrc(raw: string | null, base: string | undefined): string | null {
  const href = raw ? safeHref(raw, base) : null
  return href && /^https?:/i.test(href) ? href : null
}

function External({ href, children }: { href: string | null; children: ReactNode }) {
  if (!href) return <span>{children}</span>
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  )
}

function LinkBlock({ item, rich, ctx }: { item: AttachLink; rich: boolean; ctx: RenderContext }) {
  const href = item.url ? safeHref(item.url, ctx.baseUrl) : null
  const preview = safeSrc(item.preview, ctx.baseUrl)
  const title = item.name || href || item.url || ''
  return (
    <div className={rich ? 'attach-link attach-link--rich' : 'attach-link'}>
      {preview && <img className="attach-link__preview" src={preview} alt={title} loading="lazy" decoding="async" />}
      <div className="attach-link__body">
        {title && (
          <p className="attach-link__name">
            <External href={href}>{title}</External>
          </p>
        )}
        {item.desc && <p className="attach-link__desc">{item.desc}</p>}
      </div>
    </div>
  )
}

function GridItem({ item, ctx }: { item: AttachGridItem; ctx: RenderContext }) {
  const href = item.url ? safeHref(item.url, ctx.baseUrl) : null
  const color = item.color ? safeColor(item.color) : null
  return (
    <div className={`attach-grid__item attach-grid__item--${item.display.toLowerCase()}`} style={item.width ? { maxWidth: item.width } : undefined}>
      {item.name && <dt>{item.name}</dt>}
      <dd style={color ? { color } : undefined}>
        {href ? <External href={href}>{item.value || href}</External> : <MessageText text={item.value} ctx={ctx} />}
      </dd>
    </div>
  )
}

function Block({ block, ctx }: { block: AttachBlock; ctx: RenderContext }) {
  const { t, locale } = useI18n()
  switch (block.kind) {
    case 'message':
      return <MessageText text={block.text} ctx={ctx} />
    case 'delimiter': {
      const color = block.color ? safeColor(block.color) : null
      return <hr className="attach-delimiter" style={{ ...(color && { borderColor: color }), ...(block.size && { maxWidth: block.size }) }} />
    }
    case 'link':
    case 'richLink':
      return block.items.map((item, i) => <LinkBlock key={i} item={item} rich={block.kind === 'richLink'} ctx={ctx} />)
    case 'grid':
      return (
        <dl className="attach-grid">
          {block.items.map((item, i) => (
            <GridItem key={i} item={item} ctx={ctx} />
          ))}
        </dl>
      )
    case 'image':
      return (
        <ul className="attach-images">
          {block.items.map((image, i) => {
            const src = safeSrc(image.preview ?? image.url, ctx.baseUrl) ?? safeSrc(image.url, ctx.baseUrl)
            if (!src) return null
            const img = (
              <img
                src={src}
                alt={image.name || t('attach.image')}
                loading="lazy"
                decoding="async"
                width={image.width ?? undefined}
                height={image.height ?? undefined}
              />
            )
            return <li key={i}>{<External href={safeHref(image.url, ctx.baseUrl)}>{img}</External>}</li>
          })}
        </ul>
      )
    case 'file':
      return (
        <ul className="message__files attach-files">
          {block.items.map((file, i) => {
            const name = file.name || file.url
            return (
              <li key={i} className="file-chip">
                <External href={safeHref(file.url, ctx.baseUrl)}>
                  <span className="file-chip__name">{name}</span>
                  {file.size && <span className="file-chip__size">{formatBytes(file.size, locale)}</span>}
                </External>
              </li>
            )
          })}
        </ul>
      )
    case 'user':
      return block.items.map((user, i) => {
        const avatar = safeSrc(user.avatar, ctx.baseUrl)
        return (
          <p key={i} className="attach-user">
            {avatar && <img className="attach-user__avatar" src={avatar} alt="" width={20} height={20} loading="lazy" />}
            <External href={user.url ? safeHref(user.url, ctx.baseUrl) : null}>{user.name}</External>
          </p>
        )
      })
  }
}

/**
 * A message's ATTACH blocks under its text, as the messenger draws them: the attach's colour as a
 * bar at its side, then its blocks in order. Text goes through the same BB-code renderer as the
 * message's, every address through the same allow-list; pictures only over http(s), lazily.
 */
export function AttachBlocks({ attach, ctx }: { attach: readonly Attach[] | undefined; ctx: RenderContext }) {
  if (!attach?.length) return null
  return attach.map((item, i) => {
    const color = item.color ? safeColor(item.color) : null
    // DESCRIPTION is often the first MESSAGE block again (PrepareAttach's FIRST_MESSAGE): shown once.
    const repeated = item.blocks.some((b) => b.kind === 'message' && b.text.trim() === item.description)
    return (
      <div key={i} className="attach" style={color ? { borderInlineStartColor: color } : undefined}>
        {item.description && !repeated && <MessageText text={item.description} ctx={ctx} />}
        {item.blocks.map((block, j) => (
          <Block key={j} block={block} ctx={ctx} />
        ))}
      </div>
    )
  })
}
