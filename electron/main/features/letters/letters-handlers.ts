import type { HandlersOf } from '../../../shared/contract-kit'
import type { lettersContract } from '../../../shared/letters/contract'
import { LettersContext, type LettersDeps } from './letter-context'
import { LetterDrafts } from './letter-drafts'
import { LettersService } from './letters-service'

export function createLetterServices(deps: LettersDeps) {
  const ctx = new LettersContext(deps)
  return { ctx, drafts: new LetterDrafts(ctx), letters: new LettersService(ctx), templates: ctx.templates }
}

export type LetterServices = ReturnType<typeof createLetterServices>

/** The letters' channels mapped to their services. */
export function createLetterHandlers(s: LetterServices): HandlersOf<typeof lettersContract> {
  const { drafts, letters, templates, ctx } = s
  return {
    'letters:list': ({ clientId, page, pageSize }) => letters.list(clientId, page, pageSize),
    'letters:get': ({ id }) => letters.get(id),
    'letters:start': (input) => drafts.start(input),
    'letters:from-stored': ({ letterId }) => drafts.fromStored(letterId),
    'letters:render': ({ draft }) => letters.render(draft),
    'letters:render-stored': ({ id }) => letters.renderStored(id),
    'letters:export': ({ draft, minutes }) => letters.export(draft, minutes),
    'letters:reexport': ({ id }) => letters.reexport(id),
    'letters:open-file': ({ id }) => letters.openFile(id),
    'letter-templates:list': () => templates.list(),
    'letter-templates:save': ({ kind, subject, body }) => templates.save(kind, { subject, body }),
    'letter-templates:reset': ({ kind }) => templates.reset(kind),
    'letter-templates:preview': ({ kind, subject, body, clientId, turnaroundId }) => {
      templates.check({ subject, body })
      return drafts.start({ clientId, turnaroundId, kind, goodwill: '' }, { subject, body })
    },
    'letter-settings:save': async ({ pageSize }) => ({ pageSize: await ctx.profile.saveLetterPageSize(pageSize) }),
    'letter-conventions:get': () => ctx.conventions.get(),
    'letter-conventions:save': (input) => ctx.conventions.save(input),
    'letter-conventions:signature': ({ action }) => ctx.conventions.signature(action),
  }
}
