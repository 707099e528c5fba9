/** The letters' channels: letters on record, drafts, the PDF, templates and the paper setting. */
import { IdInput, NoInput } from '../schemas'
import { returns, route } from '../contract-kit'
import type {
  LetterDraftResult,
  LetterExportResult,
  LetterPage,
  LetterRecord,
  LetterReexportResult,
  LetterSettings,
  LetterTemplateView,
  RenderedPdf,
} from './models'
import * as L from './schemas'
import { LetterConventionsInput, SignatureInput, type LetterConventions } from './conventions'

export const lettersContract = {
  'letters:list': route(L.LetterListQuery, returns<LetterPage>()),
  'letters:get': route(IdInput, returns<LetterRecord>()),
  'letters:start': route(L.LetterStartInput, returns<LetterDraftResult>()),
  'letters:from-stored': route(L.LetterFromStoredInput, returns<LetterDraftResult>()),
  'letters:render': route(L.LetterRenderInput, returns<RenderedPdf>()),
  'letters:render-stored': route(IdInput, returns<RenderedPdf>()),
  'letters:export': route(L.LetterExportInput, returns<LetterExportResult>()),
  'letters:reexport': route(IdInput, returns<LetterReexportResult>()),
  'letters:open-file': route(IdInput, returns<null>()),
  'letter-templates:list': route(NoInput, returns<LetterTemplateView[]>()),
  'letter-templates:save': route(L.TemplateSaveInput, returns<LetterTemplateView>()),
  'letter-templates:reset': route(L.TemplateKindInput, returns<LetterTemplateView>()),
  'letter-templates:preview': route(L.TemplatePreviewInput, returns<LetterDraftResult>()),
  'letter-settings:save': route(L.LetterSettingsInput, returns<LetterSettings>()),
  'letter-conventions:get': route(NoInput, returns<LetterConventions>()),
  'letter-conventions:save': route(LetterConventionsInput, returns<LetterConventions>()),
  'letter-conventions:signature': route(SignatureInput, returns<LetterConventions>()),
}
