/** The email channels: the sending account, a test email, and a letter sent (or drafted) by email. */
import { NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type {
  EmailSettingsView,
  EmailTestResult,
  LetterEmailComposed,
  LetterEmailDraftSaved,
  LetterEmailLatest,
  LetterEmailRecord,
  LetterEmailSent,
} from './models'
import * as E from './schemas'

export const emailContract = {
  'email-settings:get': route(NoInput, returns<EmailSettingsView>()),
  'email-settings:save': route(E.EmailSettingsInput, returns<EmailSettingsView>()),
  'email-settings:test': route(E.EmailTestInput, returns<EmailTestResult>()),
  'letter-email:compose': route(E.LetterEmailComposeInput, returns<LetterEmailComposed>()),
  'letter-email:send': route(E.LetterEmailSendInput, returns<LetterEmailSent>()),
  'letter-email:save-draft': route(E.LetterEmailDraftInput, returns<LetterEmailDraftSaved>()),
  'letter-email:list': route(E.LetterEmailListInput, returns<LetterEmailRecord[]>()),
  'letter-email:latest': route(E.LetterEmailLatestInput, returns<LetterEmailLatest[]>()),
}
