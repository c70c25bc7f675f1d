import path from 'node:path'

/**
 * The house's layers, top to bottom: the shell (src/app and the entries directly in src, which
 * mount the screens), screens (compose features into a page), features, chat (the shared core:
 * types, wire, the conversation), platform (what React code stands on: the portal client's
 * context, the query client, error sentences), and at the bottom the SDK edge (src/b24) beside the
 * message catalogues (src/i18n), neither of which imports the other. A layer imports only those
 * below it, so no arrow runs back up; and a feature never imports another feature (bulletproof-react
 * does this with `import/no-restricted-paths`; that plugin does not run on ESLint 10, so this is the
 * same check in a few lines). Relative imports are resolved against the importing file.
 */
const SRC = `${path.sep}src${path.sep}`
const LAYERS = { shell: 5, screens: 4, features: 3, chat: 2, platform: 1, b24: 0, i18n: 0 }
const FOLDERS = { app: 'shell', screens: 'screens', features: 'features', chat: 'chat', platform: 'platform', b24: 'b24', i18n: 'i18n' }
const ORDER = 'shell (src/app, src/*.tsx), screens, features, chat, platform, then src/b24 and src/i18n'

/** The layer of a file (and its feature, for features); null outside src or in a folder of no layer. */
function placeOf(file) {
  const at = file.lastIndexOf(SRC)
  if (at < 0) return null
  const parts = file.slice(at + SRC.length).split(path.sep)
  if (parts.length === 1) return { layer: 'shell', feature: null }
  const layer = FOLDERS[parts[0]]
  if (!layer) return null
  return { layer, feature: layer === 'features' ? parts[1] : null }
}

export default {
  rules: {
    'feature-boundaries': {
      meta: {
        type: 'problem',
        messages: {
          other: 'Feature "{{from}}" imports {{what}}: move what both need into src/chat, or compose them in src/screens.',
          upward: 'The {{from}} layer imports the {{what}} layer: a layer imports only those below it ({{order}}).',
        },
      },
      create(context) {
        const file = context.filename
        const own = placeOf(file)
        if (!own) return {}
        const check = (node, spec) => {
          if (typeof spec !== 'string' || !spec.startsWith('.')) return
          const target = placeOf(path.resolve(path.dirname(file), spec))
          if (!target) return
          if (own.feature && target.feature && target.feature !== own.feature)
            return context.report({ node, messageId: 'other', data: { from: own.feature, what: `feature "${target.feature}"` } })
          if (own.feature && target.layer === 'screens') return context.report({ node, messageId: 'other', data: { from: own.feature, what: 'a screen' } })
          const upward = LAYERS[target.layer] > LAYERS[own.layer]
          // The two at the bottom stand side by side: neither imports the other.
          const beside = LAYERS[target.layer] === 0 && LAYERS[own.layer] === 0 && target.layer !== own.layer
          if (upward || beside) context.report({ node, messageId: 'upward', data: { from: own.layer, what: target.layer, order: ORDER } })
        }
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        }
      },
    },
  },
}
