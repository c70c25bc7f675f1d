import { render, screen } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { I18nProvider } from '../../i18n/i18n'
import { ensureLanguage } from '../../i18n/languages'
import { MessageText } from './message-text'
import type { RenderContext } from './render-bbcode'

const ctx: RenderContext = { userName: (id) => ({ 5: 'Emily Zhang' })[id], allLabel: 'all' }
const show = (text: string, lang = 'en', extra: Partial<RenderContext> = {}) =>
  render(
    <I18nProvider lang={lang}>
      <MessageText text={text} ctx={{ ...ctx, ...extra }} />
    </I18nProvider>,
  ).container

// 2026-01-01 12:00 UTC: the same calendar day in every zone from UTC-11 to UTC+11.
const NOON = 1767268800

beforeAll(() => ensureLanguage('de'))

describe('[TIMESTAMP] as the messenger shows it: a date in the reader’s language and zone', () => {
  it('says the date in the named format, in English and in German', () => {
    show(`Deadline: [TIMESTAMP=${NOON} FORMAT=LONG_DATE_FORMAT]`)
    const en = screen.getByText('January 1, 2026')
    expect(en.tagName).toBe('TIME')
    expect(en).toHaveAttribute('datetime', '2026-01-01T12:00:00.000Z')
    show(`Frist: [TIMESTAMP=${NOON} FORMAT=LONG_DATE_FORMAT]`, 'de')
    expect(screen.getByText('1. Januar 2026').tagName).toBe('TIME')
  })

  it('says a time as the reader’s clock does: 12-hour in English, two-digit 24-hour in German', () => {
    const en = show(`[TIMESTAMP=${NOON} FORMAT=SHORT_TIME_FORMAT]`)
    expect(en.querySelector('time')?.textContent).toMatch(/^\d{1,2}:00\s?[AP]M$/)
    const de = show(`[TIMESTAMP=${NOON} FORMAT=SHORT_TIME_FORMAT]`, 'de')
    expect(de.querySelector('time')?.textContent).toMatch(/^\d{2}:00$/)
  })

  it('reads the tasks module’s deadline notice whole, in any case, and a missing or unknown format as date and time', () => {
    const root = show(`Deadline set to [timestamp=${NOON} format=full_date_format], [TIMESTAMP=${NOON}] and [TIMESTAMP=${NOON} FORMAT=NO_SUCH_FORMAT]`)
    expect(root.textContent).toContain('Thursday, January 1, 2026')
    expect(root.querySelectorAll('time')).toHaveLength(3)
    for (const time of root.querySelectorAll('time')) expect(time.textContent).toMatch(/2026/)
    expect(root.textContent).not.toMatch(/\[|TIMESTAMP/i)
  })

  it('says the date inside a quote too', () => {
    const dashes = '-'.repeat(54)
    const root = show(`${dashes}\nJohn Carter [03.11.2026 10:00]\nDue [TIMESTAMP=${NOON} FORMAT=DAY_MONTH_FORMAT]\n${dashes}\nOK`)
    expect(root.querySelector('blockquote')).toHaveTextContent('Due January 1')
  })
})

describe('codes the app cannot fully show read as words, never as the code', () => {
  it.each([
    ['[DISK=128]', 'File'],
    ['[ICON=https://cdn.example/like.png title=Thumbs up size=20]', 'Thumbs up'],
    ['[PCH=77]Call with Emily[/PCH]', 'Call with Emily'],
    ['[PCH=77][/PCH]', 'Call'],
    ['[RATING=5]', 'Rating: 5'],
    ['[LIKE] [DISLIKE]', 'Like Dislike'],
    ['[CHAT=12]Launch[/CHAT]', 'Launch'],
    ['[CALL=+1 555 0100][/CALL]', '+1 555 0100'],
    ['[SEND=/deploy]Deploy now[/SEND] [PUT=/status][/PUT]', 'Deploy now /status'],
    ['[CONTEXT=chat9/5]that message[/CONTEXT]', 'that message'],
    ['[DATE=2026-01-01T12:00:00+00:00]New year[/DATE]', 'New year'],
    ['[USER=5 REPLACE]Emily Z.[/USER] and [USER=5][/USER]', '@Emily Zhang and @Emily Zhang'],
    ['[ATTACH=1]Report', 'Report'],
  ])('%s reads as “%s”', (code, words) => {
    const root = show(`${code}.`)
    expect(root.textContent?.trim()).toBe(`${words}.`)
  })

  it('names a file in the reader’s language', () => {
    expect(show('[DISK=128]', 'de').textContent).toBe('Datei')
  })

  it('shows an icon without a title as nothing', () => {
    expect(show('Hi [ICON=https://cdn.example/x.png size=20]').textContent).toBe('Hi ')
  })

  it('shows an http(s) image lazily, linked to itself; anything else stays text', () => {
    show('[IMG SIZE=large]https://cdn.example/chart.png [/IMG] [img]javascript:alert(1)[/img]')
    const image = screen.getByRole('img', { name: 'Image' })
    expect(image).toHaveAttribute('src', 'https://cdn.example/chart.png')
    expect(image).toHaveAttribute('loading', 'lazy')
    expect(screen.getByRole('link', { name: 'Image' })).toHaveAttribute('href', 'https://cdn.example/chart.png')
    expect(screen.getAllByRole('img')).toHaveLength(1)
    expect(screen.getByText(/javascript:alert\(1\)/)).not.toHaveAttribute('href')
  })

  it('shows an image whose address the legacy reader wrapped in [URL] (Im\\Text::parse), closed in either order', () => {
    const root = show('[IMG][URL]https://cdn.example/a.png[/IMG][/URL] and [IMG SIZE=small][URL]https://cdn.example/b.png[/URL][/IMG]')
    expect(screen.getAllByRole('img', { name: 'Image' }).map((img) => img.getAttribute('src'))).toEqual([
      'https://cdn.example/a.png',
      'https://cdn.example/b.png',
    ])
    expect(root.textContent).not.toMatch(/\[\/?(URL|IMG)/i)
  })

  it('in a search preview shows the image as its word, not the image', () => {
    show('[IMG SIZE=medium]https://cdn.example/chart.png[/IMG]', 'en', { preview: true })
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.getByText('Image')).toBeInTheDocument()
  })

  it('styles /me and /loud as the messenger does', () => {
    const root = show('/me waves')
    expect(root.querySelector('em')).toHaveTextContent('waves')
    expect(root.textContent).not.toContain('/me')
  })
})
