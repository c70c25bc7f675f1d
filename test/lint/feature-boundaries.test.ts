import { RuleTester } from 'eslint'
import { describe, it } from 'vitest'
import house from '../../eslint/feature-boundaries.js'

// RuleTester reports through describe/it: wire it to Vitest's.
RuleTester.describe = describe
RuleTester.it = it
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } })
const inFeed = '/repo/src/features/feed/components/feed-list.tsx'

tester.run('feature-boundaries', house.rules['feature-boundaries'], {
  valid: [
    { filename: inFeed, code: "import { x } from '../api/build-rows'" },
    { filename: inFeed, code: "import { Message } from '../../../chat/types'" },
    { filename: inFeed, code: "import { useI18n } from '../../../i18n/i18n'" },
    { filename: '/repo/src/screens/task-chat/screen.tsx', code: "import { Composer } from '../../features/composer/components/composer'" },
  ],
  invalid: [
    { filename: inFeed, code: "import { Composer } from '../../composer/components/composer'", errors: [{ messageId: 'other' }] },
    { filename: inFeed, code: "export { x } from '../../results/api/results-api'", errors: [{ messageId: 'other' }] },
    { filename: inFeed, code: "const m = import('../../composer/components/composer')", errors: [{ messageId: 'other' }] },
    { filename: inFeed, code: "import { Screen } from '../../../screens/task-chat/task-chat-screen'", errors: [{ messageId: 'other' }] },
  ],
})
