import { RuleTester } from 'eslint'
import { describe, it } from 'vitest'
import house from '../../eslint/feature-boundaries.js'

// RuleTester reports through describe/it: wire it to Vitest's.
RuleTester.describe = describe
RuleTester.it = it
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } })
const inFeed = '/repo/src/features/feed/components/feed-list.tsx'
const inChat = '/repo/src/chat/conversation/use-read-more.ts'
const inPlatform = '/repo/src/platform/bound-queries.ts'
const inScreen = '/repo/src/screens/task-chat/task-chat.tsx'
const inShell = '/repo/src/app/app.tsx'
const inB24 = '/repo/src/b24/portal-client.ts'
const inI18n = '/repo/src/i18n/i18n.tsx'
const upward = [{ messageId: 'upward' }]

tester.run('feature-boundaries', house.rules['feature-boundaries'], {
  valid: [
    { filename: inFeed, code: "import { x } from '../api/build-rows'" },
    { filename: inFeed, code: "import { Message } from '../../../chat/types'" },
    { filename: inFeed, code: "import { useI18n } from '../../../i18n/i18n'" },
    { filename: '/repo/src/screens/task-chat/screen.tsx', code: "import { Composer } from '../../features/composer/components/composer'" },
    // Each layer may import those below it.
    { filename: inFeed, code: "import { usePortalClient } from '../../../platform/portal-context'" },
    { filename: inFeed, code: "import { isPortalError } from '../../../b24/portal-error'" },
    { filename: inChat, code: "import { usePortalClient } from '../../platform/portal-context'" },
    { filename: inChat, code: "import { readNewer } from './history-api'" },
    { filename: inChat, code: "import { PortalClient } from '../../b24/portal-client'" },
    { filename: inChat, code: "import { useI18n } from '../../i18n/i18n'" },
    { filename: inPlatform, code: "import { PortalClient } from '../b24/portal-client'" },
    { filename: inPlatform, code: "import { Translator } from '../i18n/i18n'" },
    { filename: inPlatform, code: "import { usePortalClient } from './portal-context'" },
    { filename: inScreen, code: "import { useSettled } from '../../platform/use-settled'" },
    { filename: inScreen, code: "import { runOf } from '../../chat/conversation/runs'" },
    { filename: inScreen, code: "import { FirstFrame } from './first-frame'" },
    { filename: inShell, code: "import { TaskChat } from '../screens/task-chat/task-chat'" },
    { filename: inShell, code: "import { BootShell } from './boot-shell'" },
    { filename: inShell, code: "import { createQueryClient } from '../platform/query-client'" },
    { filename: '/repo/src/main.tsx', code: "import { App } from './app/app'" },
    { filename: '/repo/src/main.tsx', code: "import { prefetchOpening } from './screens/task-chat/prefetch-opening'" },
    { filename: inB24, code: "import { Pacer } from './pacer'" },
    { filename: inI18n, code: "import { numberFormat } from './formatters'" },
    // Outside src (a test harness) is no layer's business.
    { filename: '/repo/src/app/app.test.tsx', code: "import { renderApp } from '../../test/dom/render-app'" },
    { filename: inChat, code: "import { useQuery } from '@tanstack/react-query'" },
  ],
  invalid: [
    { filename: inFeed, code: "import { Composer } from '../../composer/components/composer'", errors: [{ messageId: 'other' }] },
    { filename: inFeed, code: "export { x } from '../../results/api/results-api'", errors: [{ messageId: 'other' }] },
    { filename: inFeed, code: "const m = import('../../composer/components/composer')", errors: [{ messageId: 'other' }] },
    { filename: inFeed, code: "import { Screen } from '../../../screens/task-chat/task-chat-screen'", errors: [{ messageId: 'other' }] },
    { filename: inFeed, code: "export * from '../../search/api/search-api'", errors: [{ messageId: 'other' }] },
    // A feature does not reach the shell.
    { filename: inFeed, code: "import { mountPage } from '../../../app/mount-page'", errors: upward },
    // src/chat imports no feature, no screen, no shell.
    { filename: inChat, code: "import { buildRows } from '../../features/feed/api/build-rows'", errors: upward },
    { filename: inChat, code: "import { OutboxItem } from '../../features/composer/api/outbox-store'", errors: upward },
    { filename: inChat, code: "import { withOutbox } from '../../screens/task-chat/outbox-rows'", errors: upward },
    { filename: inChat, code: "import { App } from '../../app/app'", errors: upward },
    { filename: inChat, code: "const m = import('../../features/composer/components/composer')", errors: upward },
    { filename: '/repo/src/chat/types.ts', code: "export * from '../features/feed/api/build-rows'", errors: upward },
    // The platform imports only the SDK edge and i18n.
    { filename: inPlatform, code: "import { Message } from '../chat/types'", errors: upward },
    { filename: inPlatform, code: "import { useSend } from '../features/composer/api/use-send'", errors: upward },
    { filename: inPlatform, code: "import { TaskChat } from '../screens/task-chat/task-chat'", errors: upward },
    { filename: inPlatform, code: "import { sessionReady } from '../app/session-ready'", errors: upward },
    // Screens do not reach the shell that mounts them.
    { filename: inScreen, code: "import { mountPage } from '../../app/mount-page'", errors: upward },
    { filename: '/repo/src/screens/install/main.tsx', code: "import { NoticeScreen } from '../../app/notice-screen'", errors: upward },
    // The SDK edge and i18n import nothing above them, nor each other.
    { filename: inB24, code: "import { usePortalClient } from '../platform/portal-context'", errors: upward },
    { filename: inB24, code: "import { Message } from '../chat/types'", errors: upward },
    { filename: inB24, code: "import { useI18n } from '../i18n/i18n'", errors: upward },
    { filename: inI18n, code: "import { isPortalError } from '../b24/portal-error'", errors: upward },
    { filename: inI18n, code: "import { errorSentence } from '../platform/error-sentence'", errors: upward },
  ],
})
