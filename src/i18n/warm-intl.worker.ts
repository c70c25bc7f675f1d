/// <reference lib="webworker" />
import { languageCodeFor } from './language-codes'
import { warmIntl } from './warm-intl-formats'

// Started by warm-intl.ts with the portal's LANG: builds the first frame's kinds of formatters in
// the reader's language, which loads the engine's data for the whole process, then says so.
self.onmessage = (event: MessageEvent<string>) => {
  warmIntl(languageCodeFor(event.data).locale)
  self.postMessage('warm')
}
