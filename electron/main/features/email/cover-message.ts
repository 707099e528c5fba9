/**
 * The covering message of a letter sent by email: a subject and a short text from the owner's
 * template, with the letters' merge fields (the same LiquidJS engine, checked the same way). It is
 * plain text; the HTML part is made from it with every character escaped, never from markup.
 */
import type { Liquid } from 'liquidjs'
import { DomainError } from '../../domain-error'
import { COVER_SUBJECT_MAX } from '../../../shared/email/words'
import { TemplateError, checkTemplate, exampleContext, renderPart } from '../letters'

const TABLE_MARK = /\uE002\w+\uE002/g
const VALUE_BREAK = /\uE001/g
const PRIVATE = /[\uE000-\uE00F]/g
/** Control characters a header must not hold (line breaks included). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g

export interface CoverTemplate {
  subject: string
  body: string
}

export interface CoverMessage {
  subject: string
  message: string
}

/** The subject and message for one letter; an empty subject template takes the letter's own subject. */
export function renderCover(
  engine: Liquid,
  template: CoverTemplate,
  context: Record<string, unknown>,
  letterSubject: string,
): CoverMessage {
  const rawSubject = template.subject.trim() ? renderPart(engine, template.subject, context, 'subject') : letterSubject
  const subject = rawSubject
    .replace(TABLE_MARK, ' ')
    .replace(PRIVATE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, COVER_SUBJECT_MAX)
  const message = renderPart(engine, template.body, context, 'body')
    .replace(TABLE_MARK, '')
    .replace(VALUE_BREAK, '\n')
    .replace(PRIVATE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return { subject, message }
}

/** Refuses a covering message template that names an unknown merge field or does not parse. */
export function checkCover(engine: Liquid, template: CoverTemplate): void {
  try {
    if (template.subject.trim()) checkTemplate(engine, template.subject, 'subject')
    checkTemplate(engine, template.body, 'body')
    renderCover(engine, template, exampleContext(), 'Example subject')
  } catch (error) {
    if (error instanceof TemplateError)
      throw new DomainError(
        'VALIDATION',
        `This message template cannot be saved: ${error.message}`,
        error.part === 'subject' ? 'coverSubject' : 'coverBody',
      )
    throw error
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** The HTML part: the text escaped character by character, paragraphs and line breaks kept. */
export function htmlOf(message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
  const paragraphs = escaped
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n')
  return `<!doctype html><html><body style="font-family:sans-serif;font-size:14px">\n${paragraphs}\n</body></html>`
}
