import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MessageText } from './message-text'

// OWASP filter-evasion style vectors put into every place a message can carry a URL or an
// attribute, plus nesting, unclosed tags and sheer size. Whatever the input, the DOM must hold no
// script, no event handler, no foreign element, no style beyond our two, and no unsafe URL.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><script>alert(1)</script>',
  "'';!--\"<XSS>=&{()}",
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  ' &#14; javascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  'https://ok.example" onmouseover="alert(1)',
  "https://ok.example' onclick='alert(1)",
  'expression(alert(1))',
  '\u202Egnp.exe',
  'a\u200Bb\u200Dc',
]

const wrap = (p: string) => [
  p,
  `[url]${p}[/url]`,
  `[url=${p}]label[/url]`,
  `[URL="${p}"]label[/URL]`,
  `[img size=small]${p} [/img]`,
  `[color=${p}]c[/color]`,
  `[size=${p}]s[/size]`,
  `[user=${p}]u[/user]`,
  `[icon=${p} size=20 title=t]`,
  `[send=${p}]go[/send]`,
  `>>${p}`,
  `[b][i][u]${p}`,
  `[code]${p}[/code]`,
  // The messenger's own codes: none may carry a URL or an attribute through.
  `[IMG SIZE=medium]${p}[/IMG]`,
  `[img]${p}[/img]`,
  `[IMG SIZE=${p}]https://ok.example/a.png[/IMG]`,
  `[ICON=${p} title=${p}]`,
  `[TIMESTAMP=${p} FORMAT=${p}]`,
  `[TIMESTAMP=1767268800 FORMAT=${p}]`,
  `[DISK=${p}] [ATTACH=${p}] [RATING=${p}]`,
  `[PCH=${p}]${p}[/PCH]`,
  `[CONTEXT=${p}]x[/CONTEXT] [CONTEXT=chat1/2]${p}[/CONTEXT]`,
  `[CALL=${p}][/CALL] [SEND=${p}][/SEND] [PUT=${p}]p[/PUT] [CHAT=${p}][/CHAT]`,
  `${'-'.repeat(54)}\n${p} [${p}] #chat1/2\n${p}\n${'-'.repeat(54)}`,
]

const CORPUS = [
  ...PAYLOADS.flatMap(wrap),
  '[b][b][b][b][b][b][b][b][b][b]deep'.repeat(20),
  '[/b][/i][/url]]]][[[[',
  '[url=[url=javascript:alert(1)]x[/url]]y[/url]',
  '[' + 'x'.repeat(10_000),
  ('[b]' + 'word '.repeat(10) + '[/b] https://example.com/' + 'a'.repeat(50) + ' ').repeat(150),
]

const SAFE_TAGS = new Set(['DIV', 'SPAN', 'STRONG', 'EM', 'U', 'S', 'A', 'BR', 'CODE', 'BLOCKQUOTE', 'TIME', 'IMG', 'BUTTON'])
const SAFE_ATTRS = ['class', 'href', 'target', 'rel', 'style', 'datetime', 'src', 'alt', 'loading', 'referrerpolicy', 'type', 'aria-label']

describe('the BB-code renderer against hostile input', () => {
  it.each(CORPUS.map((text, i) => [i, text]))('input %i renders nothing executable', (_, text) => {
    const { container } = render(<MessageText text={text} ctx={{ userName: () => undefined, allLabel: 'all', chatId: 1, jumpTo: () => {} }} />)
    for (const el of container.querySelectorAll('*')) {
      expect(SAFE_TAGS.has(el.tagName), `unexpected <${el.tagName}>`).toBe(true)
      for (const attr of el.getAttributeNames()) {
        expect(attr.startsWith('on'), `event handler ${attr}`).toBe(false)
        expect(SAFE_ATTRS).toContain(attr)
      }
      const style = el.getAttribute('style')
      if (style) expect(style).toMatch(/^(color: (#[0-9a-f]{3,6}|rgb\(\d+, \d+, \d+\)); --bb-dark: #[0-9a-f]{6}|font-size: \d+px);$/i)
      if (el.tagName === 'A') expect(new URL(el.getAttribute('href')!).protocol).toMatch(/^(https?|mailto):$/)
      // An image only from the web, never a script, data or file URL.
      if (el.tagName === 'IMG') expect(new URL(el.getAttribute('src')!).protocol).toMatch(/^https?:$/)
    }
    // Readable: every visible word of the input survives as text.
    const words = text
      .replace(/\[[^\]]*\]/g, ' ')
      .split(/\s+/)
      .filter((w) => /^[a-z]{4,}$/i.test(w))
    for (const word of words.slice(0, 5)) expect(container.textContent).toContain(word)
  })

  it('makes no image and no link of a script, data or file address in [IMG] or [ICON]', () => {
    const text =
      '[IMG SIZE=large]javascript:alert(1)[/IMG] [img]data:image/png;base64,AAAA[/img] [img]file:///etc/passwd[/img] [ICON=javascript:alert(1) title=Smile]'
    const { container } = render(<MessageText text={text} ctx={{ userName: () => undefined, allLabel: 'all' }} />)
    expect(container.querySelector('img, a')).toBeNull()
    expect(container.textContent).toBe('javascript:alert(1) data:image/png;base64,AAAA file:///etc/passwd Smile')
  })

  it('renders 10,000 characters of text completely', () => {
    const text = 'Lorem ipsum dolor sit amet. '.repeat(358)
    const { container } = render(<MessageText text={text} ctx={{ userName: () => undefined, allLabel: 'all' }} />)
    expect(container.textContent).toBe(text)
  })
})
