import { expect, test } from '@playwright/test'
import { taskCard } from './feed-page'
import { markRead, resetPortal, rest } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

// What a hostile colleague could post. Each payload tries to run `alert` or to set
// document.title; each carries a marker word that must stay readable on screen.
const VECTORS = [
  '<script>alert("m01")</script> m01word',
  '<img src=x onerror=alert("m02")> m02word',
  '<svg/onload=alert("m03")> m03word',
  '"><script>document.title="pwned"</script> m04word',
  '[url=javascript:alert("m05")]m05word[/url]',
  '[URL="JaVaScRiPt:alert(1)"]m06word[/URL]',
  '[url=java\tscript:alert(1)]m07word[/url]',
  '[url]data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==[/url] m08word',
  '[url=vbscript:msgbox(1)]m09word[/url]',
  '[url="https://ok.example" onmouseover="alert(1)"]m10word[/url]',
  '[img size=small]javascript:alert(1) [/img] m11word',
  '[color=red;background:url(javascript:alert(1))]m12word[/color]',
  '[size=30;position:fixed;inset:0]m13word[/size]',
  '[user=1 onclick=alert(1)]m14word[/user]',
  '[b][i][u][s]m15word unclosed',
  '[/b][/i]]]][[[[ m16word',
  '[code]<script>alert(1)</script>[/code] m17word',
  '>>[url=javascript:alert(1)]m18word[/url]',
  '\u202Em19word gnp.exe',
  'm20\u200Bword\u200D with zero-width joiners',
  '[icon=javascript:alert(1) size=20 title=m21word]',
  '[send=/alert]m22word[/send] [put=javascript:alert(1)]m22b[/put]',
  'https://example.com/"onmouseover="alert(1) m23word',
  'mailto:someone@example.com m24word',
]
const LONG = `m25word ${'x'.repeat(20_000)}`

test('hostile messages render as text: nothing runs, no unsafe URL reaches the DOM, every word stays readable', async ({ page, request }) => {
  const ids: number[] = []
  for (const text of [...VECTORS, LONG]) ids.push(await rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, 2))
  const oldestHostile = Math.min(...ids)
  // The reader has read them (else the card opens at the first unread, above the walk's start at the newest).
  await markRead(request, 1, 1001, Math.max(...ids))
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()

  const seen = new Set<string>()
  // Walk up through the hostile messages (the feed renders only what is near the viewport), until
  // all are seen or the view has passed above the oldest of them.
  let passed = false
  while (seen.size < 25 && !passed) {
    const report = await card.scroller.evaluate((scroller) => {
      const problems: string[] = []
      for (const el of scroller.querySelectorAll('article *')) {
        const tag = el.tagName.toLowerCase()
        if (['script', 'iframe', 'object', 'embed', 'style', 'form', 'input'].includes(tag)) problems.push(`element <${tag}>`)
        // Previews of files the portal lists (params.FILE_ID) are images by design; their src is checked below like any URL.
        if (tag === 'img' && !el.classList.contains('avatar') && !el.closest('.message__images')) problems.push(`message image ${el.getAttribute('src')}`)
        for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) problems.push(`handler ${attr}`)
        for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
          const value = el.getAttribute(attr)
          if (value !== null && !/^(https?:|mailto:|\.?\/)/i.test(value.trim())) problems.push(`${attr}=${value}`)
        }
        const style = el.getAttribute('style')
        // Inline styles only from checked values: a colour (text, or an ATTACH's bar and delimiter) or a size in pixels.
        const safeDeclaration = /^((color|border-color|border-inline-start-color): (#[0-9a-f]{3,6}|rgb\(\d+, \d+, \d+\))|(font-size|max-width): \d+px)$/i
        const declarations = (style ?? '')
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
        if (!el.classList.contains('avatar') && declarations.some((d) => !safeDeclaration.test(d))) problems.push(`style ${style}`)
      }
      const words = [...(scroller.textContent ?? '').matchAll(/m(\d\d)(?:\u200B)?word/g)].map((m) => m[1]!)
      return { problems, words, overflow: scroller.scrollWidth - scroller.clientWidth }
    })
    expect(report.problems).toEqual([])
    expect(report.overflow, 'no message may push the feed wider than the card').toBeLessThanOrEqual(0)
    for (const word of report.words) seen.add(word)
    const top = await card.firstVisible()
    passed = top !== null && Number(top.id) < oldestHostile
    await card.scrollBy(-250)
  }
  expect([...seen].sort()).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(2, '0')))
  expect(dialogs).toEqual([])
  expect(await card.app.locator('title').evaluate(() => document.title)).toBe('Task chat')
  expect(await page.title()).not.toContain('pwned')
})
