import * as v from 'valibot'
import type { Attach, AttachBlock, AttachGridItem, AttachLink } from './types'
import { upperKeys } from './wire-content'

// params.ATTACH as both readers give it: CIMMessageParamAttach::GetArray after PrepareAttach
// (im/classes/general/im_message_param.php), which im/lib/V2/Message/Param/Attach.php passes on as
// it is: `[{ID, COLOR, DESCRIPTION, BLOCKS: [{MESSAGE: "bb"}, {LINK: [{NAME, LINK, DESC, PREVIEW}]}, ...]}]`.
// A single attach may come as the object itself. Keys are read in upper case whatever came, and a
// block that does not fit is skipped; the message and its other blocks stay.

const Text = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((value) => String(value)),
)
const Num = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/))]),
  v.transform((value) => Number(value)),
)
const str = (value: string | undefined | null) => value?.trim() ?? ''
const num = (value: number | undefined | null) => (value && value > 0 ? value : null)

const WireLink = v.looseObject({
  NAME: v.nullish(Text),
  LINK: v.nullish(v.string()),
  DESC: v.nullish(Text),
  HTML: v.nullish(v.string()),
  PREVIEW: v.nullish(v.string()),
  EXTRA_IMAGE: v.nullish(v.string()),
})
const WireGrid = v.looseObject({
  DISPLAY: v.nullish(v.string()),
  NAME: v.nullish(Text),
  VALUE: v.nullish(Text),
  COLOR: v.nullish(v.string()),
  WIDTH: v.nullish(Num),
  LINK: v.nullish(v.string()),
})
const WireImage = v.looseObject({
  NAME: v.nullish(Text),
  LINK: v.string(),
  PREVIEW: v.nullish(v.string()),
  WIDTH: v.nullish(Num),
  HEIGHT: v.nullish(Num),
})
const WireFile = v.looseObject({ NAME: v.nullish(Text), LINK: v.string(), SIZE: v.nullish(Num) })
const WireUser = v.looseObject({ NAME: Text, AVATAR: v.nullish(v.string()), LINK: v.nullish(v.string()) })
const WireDelimiter = v.looseObject({ SIZE: v.nullish(Num), COLOR: v.nullish(v.string()) })
const WireAttach = v.looseObject({ COLOR: v.nullish(v.string()), DESCRIPTION: v.nullish(Text), BLOCKS: v.array(v.unknown()) })

/** The rows of a list block that fit; one object instead of a list is read as a list of one. */
function rows<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S>[] {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []
  return list.flatMap((row) => {
    const parsed = v.safeParse(schema, row)
    return parsed.success ? [parsed.output] : []
  })
}

function toLink(wire: v.InferOutput<typeof WireLink>): AttachLink {
  return { name: str(wire.NAME), url: wire.LINK || null, desc: str(wire.DESC) || str(wire.HTML), preview: wire.PREVIEW || wire.EXTRA_IMAGE || null }
}

const DISPLAYS = { LINE: 'LINE', CARD: 'LINE', BLOCK: 'BLOCK', ROW: 'ROW', COLUMN: 'ROW', TABLE: 'TABLE' } as const

function toGridItem(wire: v.InferOutput<typeof WireGrid>): AttachGridItem {
  const display = DISPLAYS[(wire.DISPLAY ?? '').toUpperCase() as keyof typeof DISPLAYS] ?? 'BLOCK'
  return { display, name: str(wire.NAME), value: str(wire.VALUE), color: wire.COLOR || null, width: num(wire.WIDTH), url: wire.LINK || null }
}

function toBlock(raw: unknown): AttachBlock | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null
  const [[key, value] = []] = Object.entries(raw as Record<string, unknown>)
  switch (key) {
    case 'MESSAGE':
    case 'HTML': // PrepareAttach has already turned HTML into BB-code
      return typeof value === 'string' || typeof value === 'number' ? { kind: 'message', text: String(value) } : null
    case 'DELIMITER': {
      const parsed = v.safeParse(WireDelimiter, value ?? {})
      return parsed.success ? { kind: 'delimiter', color: parsed.output.COLOR || null, size: num(parsed.output.SIZE) } : null
    }
    case 'LINK':
    case 'RICH_LINK': {
      const items = rows(WireLink, value).map(toLink)
      return items.length ? { kind: key === 'LINK' ? 'link' : 'richLink', items } : null
    }
    case 'GRID': {
      const items = rows(WireGrid, value).map(toGridItem)
      return items.length ? { kind: 'grid', items } : null
    }
    case 'IMAGE': {
      const items = rows(WireImage, value).map((w) => ({
        name: str(w.NAME),
        url: w.LINK,
        preview: w.PREVIEW || null,
        width: num(w.WIDTH),
        height: num(w.HEIGHT),
      }))
      return items.length ? { kind: 'image', items } : null
    }
    case 'FILE': {
      const items = rows(WireFile, value).map((w) => ({ name: str(w.NAME), url: w.LINK, size: num(w.SIZE) }))
      return items.length ? { kind: 'file', items } : null
    }
    case 'USER': {
      const items = rows(WireUser, value).map((w) => ({ name: str(w.NAME), avatar: w.AVATAR || null, url: w.LINK || null }))
      return items.length ? { kind: 'user', items } : null
    }
    default:
      return null
  }
}

/** params.ATTACH as the app shows it; [] for none or for what does not fit. */
export function toAttach(raw: unknown): Attach[] {
  const upper = upperKeys(raw)
  let list: unknown[] = Array.isArray(upper) ? upper : upper && typeof upper === 'object' ? [upper] : []
  // im.message.add takes the blocks alone too (attachments.md's short form); read so, they are one attach.
  if (list.length > 0 && list.every((item) => !(item && typeof item === 'object' && 'BLOCKS' in item))) list = [{ BLOCKS: list }]
  return list.flatMap((item) => {
    const parsed = v.safeParse(WireAttach, item)
    if (!parsed.success) return []
    const blocks = parsed.output.BLOCKS.map(toBlock).filter((b): b is AttachBlock => b !== null)
    const description = str(parsed.output.DESCRIPTION)
    if (blocks.length === 0 && !description) return []
    const color = parsed.output.COLOR && /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(parsed.output.COLOR) ? parsed.output.COLOR : null
    return [{ color, description, blocks }]
  })
}
