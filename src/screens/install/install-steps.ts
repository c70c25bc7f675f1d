import * as v from 'valibot'
import type { PortalClient } from '../../b24/portal-client'
import { APP_BOT_CODE } from '../../chat/conversation/viewer'
import { createTranslator } from '../../i18n/i18n'
import { ensureLanguage, LANGUAGES } from '../../i18n/languages'

export interface InstallChoices {
  contextMenu: boolean
  bot: boolean
}

export type StepId = 'tab' | 'contextMenu' | 'bot' | 'finish'

const Bound = v.array(
  v.looseObject({ placement: v.string(), handler: v.string(), options: v.nullish(v.union([v.record(v.string(), v.unknown()), v.array(v.unknown())])) }),
)

/** Whether a bound placement already has the OPTIONS we bind with (PHP sends no options as `[]`). */
function hasOptions(bound: v.InferOutput<typeof Bound>[number], wanted: Record<string, string>): boolean {
  const options = bound.options && !Array.isArray(bound.options) ? bound.options : {}
  return Object.entries(wanted).every(([key, value]) => String(options[key] ?? '').toUpperCase() === value)
}

/** `{en:{TITLE,DESCRIPTION}, ru:{…}, …}` for every language the app speaks, under the portal's codes. */
function langAll(titleKey: 'app.title' | 'install.contextMenuTitle', descriptionKey: 'install.tabDescription' | 'install.contextMenuDescription') {
  const out: Record<string, { TITLE: string; DESCRIPTION: string }> = {}
  for (const language of LANGUAGES) {
    const { t } = createTranslator(language.locale)
    for (const code of language.portalCodes) out[code] = { TITLE: t(titleKey), DESCRIPTION: t(descriptionKey) }
  }
  return out
}

/**
 * placement.bind (v2), safe to run again: a placement already bound to this handler with these
 * OPTIONS is left as it is; one bound to an old address of the app (it moved) or with other
 * OPTIONS (an older version of the app) is unbound first (placement.unbind, v2).
 */
async function bindOnce(
  client: PortalClient,
  placement: string,
  handler: string,
  params: Record<string, unknown>,
  options: Record<string, string> = {},
): Promise<void> {
  const bound = v.parse(Bound, await client.callV2('placement.get', {})).filter((p) => p.placement === placement)
  if (bound.some((p) => p.handler === handler && hasOptions(p, options))) return
  for (const old of bound) await client.writeV2('placement.unbind', { PLACEMENT: placement, HANDLER: old.handler })
  await client.writeV2('placement.bind', {
    PLACEMENT: placement,
    HANDLER: handler,
    ...params,
    ...(Object.keys(options).length > 0 ? { OPTIONS: options } : {}),
  })
}

/** The app's pages sit next to the install page, wherever the app is hosted (ZIP or server). */
function pageUrl(name: string): string {
  const url = new URL(name, window.location.href)
  url.search = ''
  url.hash = ''
  return url.href
}

/** One installation step; each is safe to repeat. */
export async function runStep(client: PortalClient, step: Exclude<StepId, 'finish'>, lang: string): Promise<void> {
  // Titles go to the portal in every language, so every catalogue is needed here.
  await Promise.all(LANGUAGES.map((language) => ensureLanguage(language.locale)))
  const { t } = createTranslator(lang)
  if (step === 'tab') {
    await bindOnce(client, 'TASK_VIEW_TAB', pageUrl('index.html'), {
      TITLE: t('app.title'),
      DESCRIPTION: t('install.tabDescription'),
      LANG_ALL: langAll('app.title', 'install.tabDescription'),
    })
  } else if (step === 'contextMenu') {
    // Group chats only (`widgets/im/context-menu.md`): task chats are group chats; private chats and open lines have no task.
    const options = { context: 'CHAT' }
    await bindOnce(
      client,
      'IM_CONTEXT_MENU',
      pageUrl('context-menu.html'),
      {
        TITLE: t('install.contextMenuTitle'),
        DESCRIPTION: t('install.contextMenuDescription'),
        LANG_ALL: langAll('install.contextMenuTitle', 'install.contextMenuDescription'),
      },
      options,
    )
  } else {
    // imbot.v2.Bot.register (v2): registering the same code again answers the existing bot.
    await client.writeV2('imbot.v2.Bot.register', { fields: { code: APP_BOT_CODE, properties: { name: t('app.title') } } })
  }
}

export function stepsFor(choices: InstallChoices): StepId[] {
  return ['tab', ...(choices.contextMenu ? (['contextMenu'] as const) : []), ...(choices.bot ? (['bot'] as const) : []), 'finish']
}
