import type { HandlersOf } from '../../../shared/contract-kit'
import type { emailContract } from '../../../shared/email/contract'
import { createEngine } from '../letters'
import { EmailSettingsService } from './email-settings-service'
import { LetterEmailService, type LetterEmailDeps } from './letter-email-service'
import type { SecretStore } from './secret-file'

/** What the letter email service needs, less what is made here; and the password's store. */
export type EmailDeps = Omit<LetterEmailDeps, 'settings' | 'engine'> & { secrets: SecretStore }

export function createEmailServices(deps: EmailDeps) {
  const engine = createEngine()
  const settings = new EmailSettingsService({
    manager: deps.letters.ctx.manager,
    now: deps.now,
    secrets: deps.secrets,
    engine,
  })
  const letterEmail = new LetterEmailService({ ...deps, settings, engine })
  return { settings, letterEmail }
}

export type EmailServices = ReturnType<typeof createEmailServices>

/** The email channels mapped to their services. */
export function createEmailHandlers(s: EmailServices): HandlersOf<typeof emailContract> {
  const { settings, letterEmail } = s
  return {
    'email-settings:get': () => settings.get(),
    'email-settings:save': (input) => settings.save(input),
    'email-settings:test': ({ to }) => letterEmail.sendTest(to),
    'letter-email:compose': ({ source }) => letterEmail.compose(source),
    'letter-email:send': ({ source, email, minutes }) => letterEmail.send(source, email, minutes),
    'letter-email:save-draft': ({ source, email }) => letterEmail.saveDraft(source, email),
    'letter-email:list': ({ letterId }) => letterEmail.list(letterId),
    'letter-email:latest': ({ letterIds }) => letterEmail.latest(letterIds),
  }
}
