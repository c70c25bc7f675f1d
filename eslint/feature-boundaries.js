import path from 'node:path'

/**
 * A feature never imports another feature, nor the screens that compose features (bulletproof-react
 * does this with `import/no-restricted-paths`; that plugin does not run on ESLint 10, so this is the
 * same check in a few lines). Relative imports are resolved against the importing file.
 */
const FEATURES = `${path.sep}src${path.sep}features${path.sep}`
const SCREENS = `${path.sep}src${path.sep}screens${path.sep}`

function featureOf(file) {
  const at = file.indexOf(FEATURES)
  return at < 0 ? null : file.slice(at + FEATURES.length).split(path.sep)[0]
}

export default {
  rules: {
    'feature-boundaries': {
      meta: { type: 'problem', messages: { other: 'Feature "{{from}}" imports {{what}}: move what both need into src/chat, or compose them in src/screens.' } },
      create(context) {
        const file = context.filename
        const own = featureOf(file)
        if (!own) return {}
        const check = (node, spec) => {
          if (typeof spec !== 'string' || !spec.startsWith('.')) return
          const target = path.resolve(path.dirname(file), spec)
          const other = featureOf(target)
          if (other && other !== own) context.report({ node, messageId: 'other', data: { from: own, what: `feature "${other}"` } })
          else if (target.includes(SCREENS)) context.report({ node, messageId: 'other', data: { from: own, what: 'a screen' } })
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
