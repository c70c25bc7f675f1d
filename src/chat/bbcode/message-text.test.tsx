import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { MessageText } from './message-text'
import type { RenderContext } from './render-bbcode'

const ctx: RenderContext = {
  userName: (id) => ({ 2: 'Мария Иванова', 5: 'Emily Zhang' })[id],
  baseUrl: 'http://127.0.0.1:8080',
  allLabel: 'all',
}
const show = (text: string) => render(<MessageText text={text} ctx={ctx} />).container

describe('MessageText renders Bitrix BB-code', () => {
  it('formats bold, italic, underline and strike, in any tag case', () => {
    const root = show('[b]bold[/b] [I]it[/i] [u]under[/u] [s]gone[/s]')
    expect(root.querySelector('strong')).toHaveTextContent('bold')
    expect(root.querySelector('em')).toHaveTextContent('it')
    expect(root.querySelector('u')).toHaveTextContent('under')
    expect(root.querySelector('s')).toHaveTextContent('gone')
  })

  it('makes links from both url forms and from bare addresses, opening in a new tab', () => {
    show('[url=https://example.com/a?x=1&y=2]the brief[/url], [URL]http://example.org[/URL] and https://bitrix24.com/x.')
    expect(screen.getByRole('link', { name: 'the brief' })).toHaveAttribute('href', 'https://example.com/a?x=1&y=2')
    expect(screen.getByRole('link', { name: 'http://example.org' })).toHaveAttribute('href', 'http://example.org/')
    const bare = screen.getByRole('link', { name: 'https://bitrix24.com/x' })
    expect(bare).toHaveAttribute('target', '_blank')
    expect(bare).toHaveAttribute('rel', 'noopener noreferrer')
  })

  it('shows mentions in both forms, and names an id-only mention from the page’s users', () => {
    const root = show('[USER=2 REPLACE]Мария Иванова[/USER], [user=5][/user] and [USER=all]')
    expect(root).toHaveTextContent('@Мария Иванова, @Emily Zhang and @all')
  })

  it('quotes both ways: >> lines and the dashed block', () => {
    const dashes = '-'.repeat(54)
    const root = show(`>>Can we ship on Friday?\nYes.\n${dashes}\nJohn Carter [03.11.2026 10:00]\nDraft is ready\n${dashes}\nThanks!`)
    const quotes = root.querySelectorAll('blockquote')
    expect(quotes).toHaveLength(2)
    expect(quotes[0]).toHaveTextContent('Can we ship on Friday?')
    expect(quotes[1]).toHaveTextContent('Draft is ready')
    expect(root).toHaveTextContent('Thanks!')
  })

  it('shows a quoted message’s header as its author and date, and its own >> lines as a quote, never as text', () => {
    const dashes = '-'.repeat(54)
    const root = show(`${dashes}\nJohn Carter [03.11.2026 10:00]\n>>Can we ship?\nDraft is ready\n${dashes}\nThanks!`)
    const outer = root.querySelector('blockquote')!
    expect(outer.querySelector('.bb-quote__author')).toHaveTextContent('John Carter')
    expect(outer.querySelector('blockquote')).toHaveTextContent('Can we ship?')
    expect(root.textContent).not.toContain('>>')
    expect(root.textContent).not.toContain('[03.11.2026')
    // The portal's zone is unknown here: the day only, not a clock time from another zone.
    expect(outer.querySelector('time')).toHaveAttribute('datetime', '2026-11-03')
    expect(outer.querySelector('time')?.textContent).not.toMatch(/10:00/)
  })

  it('with the portal’s offset, a quote header’s time is the instant it names', () => {
    const dashes = '-'.repeat(54)
    const { container } = render(
      <MessageText text={`${dashes}\nJohn Carter [03.11.2026 10:00]\nDraft\n${dashes}`} ctx={{ ...ctx, portalUtcOffsetMinutes: 180 }} />,
    )
    expect(container.querySelector('time')).toHaveAttribute('datetime', '2026-11-03T07:00:00.000Z')
  })

  it('keeps code literal, and colour and size only when safe', () => {
    const root = show('[code][b]not bold[/b][/code] [color=#ff0000]red[/color] [size=40]big[/size] [color=red;background:url(x)]plain[/color]')
    expect(root.querySelector('code')).toHaveTextContent('[b]not bold[/b]')
    expect(root.querySelector('code strong')).toBeNull()
    // The author's red, darkened to AA on the light backgrounds (#ff0000 is 3.3:1 on the light bubble).
    expect(screen.getByText('red')).toHaveStyle({ color: '#bf0000' })
    expect(screen.getByText('big')).toHaveStyle({ fontSize: '24px' })
    expect(screen.getByText('plain', { exact: false }).getAttribute('style')).toBeNull()
  })

  it('shows unknown tags as the plain text they were written as, and keeps the text of unclosed tags', () => {
    const root = show('[foo=bar]x[/foo] [b]unclosed [i]nest')
    expect(root).toHaveTextContent('[foo=bar]x[/foo] unclosed nest')
  })

  it('keeps line breaks, both newlines and [br]', () => {
    const root = show('one\ntwo[br]three')
    expect(root.querySelectorAll('br')).toHaveLength(1)
    expect(root.textContent).toContain('one\ntwo')
  })

  describe('quotes made in the web messenger (`Name [date] #chat<id>/<message>`)', () => {
    const dashes = '-'.repeat(54)
    const quote = (header: string) => `${dashes}\n${header}\nDraft is ready\n${dashes}\nThanks!`

    it('shows the author and the date as the messenger wrote it, and jumps to a message of this chat', async () => {
      const jumpTo = vi.fn()
      const { container } = render(<MessageText text={quote('John Carter [today, 2:05 pm] #chat9/5555')} ctx={{ ...ctx, chatId: 9, jumpTo }} />)
      const button = screen.getByRole('button', { name: 'Quote of John Carter: go to the message' })
      expect(button).toHaveTextContent('John Carter')
      expect(container.querySelector('blockquote')).toHaveTextContent('today, 2:05 pm')
      expect(container.textContent).not.toContain('#chat')
      await userEvent.click(button)
      expect(jumpTo).toHaveBeenCalledWith(5555)
    })

    it('reads a portal date with seconds or am/pm as the instant it names', () => {
      render(<MessageText text={quote('John Carter [12/31/2025 11:36:49 pm] #chat9/5')} ctx={{ ...ctx, chatId: 9, portalUtcOffsetMinutes: 0 }} />)
      expect(screen.getByText('John Carter').parentElement?.querySelector('time')).toHaveAttribute('datetime', '2025-12-31T23:36:00.000Z')
    })

    it('shows another chat’s quote, a private dialog’s, and a header naming no message, without a jump', () => {
      const jumpTo = vi.fn()
      const text = [quote('Ann Lee [03.11.2026 10:00] #chat8/5'), quote('Bob Stone [03.11.2026 10:00] #1:2/5'), quote('Cid Moss [03.11.2026 10:00]')].join('\n')
      const { container } = render(<MessageText text={text} ctx={{ ...ctx, chatId: 9, jumpTo }} />)
      expect(screen.queryByRole('button')).toBeNull()
      const authors = [...container.querySelectorAll('.bb-quote__author')].map((a) => a.textContent)
      expect(authors).toEqual(['Ann Lee', 'Bob Stone', 'Cid Moss'])
      expect(container.textContent).not.toMatch(/#chat|#1:2/)
    })

    it('offers no jump inside a search preview', () => {
      render(<MessageText text={quote('John Carter [today, 2:05 pm] #chat9/5555')} ctx={{ ...ctx, chatId: 9, jumpTo: vi.fn(), preview: true }} />)
      expect(screen.queryByRole('button')).toBeNull()
    })
  })
})
