/**
 * The owner's letter templates: the default of each kind until they save their own. A template is
 * checked before it is saved (syntax, every merge field known, a trial render with a value in every
 * field) and a broken one never replaces the saved one.
 */
import type { EntityManager } from 'typeorm'
import type { Liquid } from 'liquidjs'
import { LetterTemplateEntity } from '../../db/entities'
import { builtFind } from '../../db/built-query'
import { timestamp } from '../../db/dialect'
import { DomainError } from '../../domain-error'
import type { TableBlockData } from '../../../shared/letters/blocks'
import { LIST_FIELDS_OF, MERGE_GROUPS } from '../../../shared/letters/merge-fields'
import type { LetterTemplateView } from '../../../shared/letters/models'
import { LETTER_KINDS, type LetterKind, type LetterTable } from '../../../shared/letters/words'
import { DEFAULT_TEMPLATES } from './default-templates'
import { TemplateError, checkTemplate, createEngine, renderTemplate, type TemplateSource } from './template-engine'

/** Fields that hold true or false. */
const BOOLEAN_FIELDS = new Set([
  'exists',
  'quick_win',
  'issues_agreed',
  'plan_due_passed',
  'plan_agreed',
  'new',
  'resolved',
  'done',
  'late',
])

/** A value in every merge field and one item in every list: a template that renders against this uses only known fields. */
export function exampleContext(): Record<string, unknown> {
  const byName = new Map(MERGE_GROUPS.map((g) => [g.name, g]))
  const item = (groupName: string) => {
    const group = byName.get(LIST_FIELDS_OF[groupName] ?? groupName)
    return Object.fromEntries(
      (group?.fields ?? []).map((f) => [
        f.name,
        BOOLEAN_FIELDS.has(f.name) ? true : f.name === 'number' ? 1 : `example ${f.name}`,
      ]),
    )
  }
  return Object.fromEntries(MERGE_GROUPS.map((g) => [g.name, g.list ? [item(g.name)] : item(g.name)]))
}

const exampleTable: TableBlockData = { type: 'table', columns: ['Example'], rows: [['example']] }
const exampleTables: Record<LetterTable, TableBlockData> = {
  issues: exampleTable,
  commitments: exampleTable,
  plan: exampleTable,
}

export function toDomainError(error: unknown, what: string): never {
  if (error instanceof TemplateError) throw new DomainError('VALIDATION', `${what}: ${error.message}`, error.part)
  throw error
}

/** The saved template of a kind, if any. */
const templateOf = builtFind(
  (m, { kind }: { kind: string }) => m.createQueryBuilder(LetterTemplateEntity, 't').where('t.kind = :kind', { kind }),
  ['kind'],
)

export class TemplatesService {
  readonly engine: Liquid = createEngine()

  constructor(private readonly deps: { manager: EntityManager; now: () => Date }) {}

  async effective(kind: LetterKind): Promise<TemplateSource> {
    const [row] = await templateOf(this.deps.manager, { kind })
    return row ? { subject: row.subject, body: row.body } : DEFAULT_TEMPLATES[kind]
  }

  async list(): Promise<LetterTemplateView[]> {
    const rows = new Map((await this.deps.manager.find(LetterTemplateEntity)).map((r) => [r.kind, r]))
    return LETTER_KINDS.map((kind) => this.view(kind, rows.get(kind) ?? null))
  }

  /** Refuses a template an owner could not send a letter with; the message names the line. */
  check(source: TemplateSource): void {
    try {
      checkTemplate(this.engine, source.subject, 'subject')
      checkTemplate(this.engine, source.body, 'body')
      renderTemplate(this.engine, source, exampleContext(), exampleTables)
    } catch (error) {
      toDomainError(error, 'This template cannot be saved')
    }
  }

  async save(kind: LetterKind, source: TemplateSource): Promise<LetterTemplateView> {
    this.check(source)
    const row = Object.assign(new LetterTemplateEntity(), {
      kind,
      subject: source.subject,
      body: source.body,
      updatedAt: timestamp(this.deps.now()),
    })
    await this.deps.manager.save(row)
    return this.view(kind, row)
  }

  async reset(kind: LetterKind): Promise<LetterTemplateView> {
    await this.deps.manager.delete(LetterTemplateEntity, { kind })
    return this.view(kind, null)
  }

  private view(kind: LetterKind, row: LetterTemplateEntity | null): LetterTemplateView {
    const fallback = DEFAULT_TEMPLATES[kind]
    return {
      kind,
      subject: row?.subject ?? fallback.subject,
      body: row?.body ?? fallback.body,
      defaultSubject: fallback.subject,
      defaultBody: fallback.body,
      isCustom: row !== null,
      updatedAt: row?.updatedAt ?? null,
    }
  }
}
