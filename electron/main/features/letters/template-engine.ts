/**
 * Letter templates: LiquidJS (no code execution, no file access) renders merge fields into the
 * template's lines, then the lines become blocks. Every value a merge field prints is escaped: it
 * is marked so that it can never start a heading, a bullet or a table, and its line breaks stay
 * inside its own paragraph. A template is checked before it is saved: an unknown merge field or a
 * syntax error is reported with its line.
 */
import { Liquid, Tag, type Context, type Emitter, type TagToken, type Template, type TopLevelToken } from 'liquidjs'
import {
  LETTER_SUBJECT_MAX,
  LETTER_TEXT_MAX,
  textLengthOf,
  thousands,
  type LetterBlock,
  type TableBlockData,
} from '../../../shared/letters/blocks'
import { LIST_FIELDS_OF, LIST_PROPERTIES, MERGE_GROUPS } from '../../../shared/letters/merge-fields'
import { LETTER_TABLES, type LetterTable } from '../../../shared/letters/words'

/** Marks the start of a printed value (so a line starting with one is plain text). */
const VALUE = '\uE000'
/** A line break inside a printed value. */
const VALUE_BREAK = '\uE001'
/** Surrounds a table placeholder written by the table tag. */
const TABLE_MARK = '\uE002'
/** A page break asked for by the page break tag. */
const PAGE_BREAK = '\uE003'
const PRIVATE = /[\uE000-\uE00F]/g

export interface TemplateContext {
  [name: string]: unknown
  /** Tables the table tag inserts; not a merge field. */
  tables?: never
}

export interface TemplateSource {
  subject: string
  body: string
}

export interface RenderedTemplate {
  subject: string
  blocks: LetterBlock[]
}

/** A template the owner cannot save: the message names the line and the part (subject or body). */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly part: 'subject' | 'body',
    readonly line: number | null,
  ) {
    super(message)
    this.name = 'TemplateError'
  }
}

function escapeValue(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return VALUE + text.replace(PRIVATE, '').replace(/\r\n?|\n/g, VALUE_BREAK)
}

class TableTag extends Tag {
  private readonly table: string
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid)
    this.table = token.args.trim()
    if (!(LETTER_TABLES as readonly string[]).includes(this.table)) {
      throw new Error(`Unknown table "${this.table}". Use ${LETTER_TABLES.map((t) => `{% table ${t} %}`).join(', ')}.`)
    }
  }
  render(_ctx: Context, emitter: Emitter): void {
    emitter.write(`\n${TABLE_MARK}${this.table}${TABLE_MARK}\n`)
  }
}

/** `{% pagebreak %}` on a line of its own: what follows starts on a new page. */
class PageBreakTag extends Tag {
  render(_ctx: Context, emitter: Emitter): void {
    emitter.write(`\n${PAGE_BREAK}\n`)
  }
}

const noFiles = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => Promise.reject(new Error('Templates cannot include files.')),
  readFileSync: () => {
    throw new Error('Templates cannot include files.')
  },
  resolve: (_dir: string, file: string) => file,
}

export function createEngine(): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: escapeValue,
    // `-%}` trims up to and including the first newline only (see tagLinesTrimmed).
    greedy: false,
    fs: noFiles,
    relativeReference: false,
    renderLimit: 2000,
    parseLimit: 200_000,
    memoryLimit: 20_000_000,
  })
  engine.registerTag('table', TableTag)
  engine.registerTag('pagebreak', PageBreakTag)
  for (const name of ['include', 'render', 'layout']) engine.registerTag(name, NoFilesTag)
  return engine
}

class NoFilesTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid)
    throw new Error(`{% ${token.name} %} is not available: a letter template cannot read other files.`)
  }
  render(): void {}
}

/**
 * A line holding nothing but tags ({% if %}, {% for %}, …) leaves no empty line behind: its last
 * tag gets Liquid's own right trim (`-%}`, up to the newline only). Inline tags keep their spaces
 * (a line with text between its tags keeps its line break), and line numbers stay those the owner sees.
 */
export function tagLinesTrimmed(source: string): string {
  return source
    .split('\n')
    .map((line) =>
      /^\s*(\{%-?(?:(?!%\})[\s\S])*%\}\s*)+$/.test(line) && !/\{\{/.test(line)
        ? line.replace(/-?%\}(\s*)$/, '-%}$1')
        : line,
    )
    .join('\n')
}

const GROUPS = new Map(MERGE_GROUPS.map((g) => [g.name, g]))

function fieldsOf(list: string): Set<string> {
  const group = GROUPS.get(LIST_FIELDS_OF[list] ?? list)
  return new Set(group?.fields.map((f) => f.name) ?? [])
}

function lineOf(error: unknown): number | null {
  const match = /line:(\d+)/.exec(String((error as Error)?.message ?? ''))
  return match ? Number(match[1]) : null
}

function cleanMessage(error: unknown): string {
  const text = String((error as Error)?.message ?? error)
  return text.replace(/, line:\d+, col:\d+/, '').replace(/^undefined variable: /, 'Unknown merge field: ')
}

/**
 * Checks a template part without any data: its syntax, and that every merge field it names exists
 * (also in branches a given client would not reach). Loop variables are checked against the list
 * they iterate over.
 */
export function checkTemplate(engine: Liquid, source: string, part: 'subject' | 'body'): void {
  let analysis
  try {
    analysis = engine.analyzeSync(engine.parse(tagLinesTrimmed(source)))
  } catch (error) {
    const line = lineOf(error)
    throw new TemplateError(`${line ? `Line ${line}: ` : ''}${cleanMessage(error)}`, part, line)
  }
  for (const [name, uses] of Object.entries(analysis.globals)) {
    for (const use of uses) {
      const segments = use.segments.map(String)
      const group = GROUPS.get(name)
      const line = use.location.row
      const where = `Line ${line}: `
      if (!group)
        throw new TemplateError(
          `${where}unknown merge field “${use.toString()}”. Choose one from the list beside the editor.`,
          part,
          line,
        )
      const next = segments[1]
      if (next === undefined) continue
      const allowed = group.list ? new Set<string>(LIST_PROPERTIES) : new Set(group.fields.map((f) => f.name))
      if (!allowed.has(next))
        throw new TemplateError(
          `${where}unknown merge field “${use.toString()}”. Choose one from the list beside the editor.`,
          part,
          line,
        )
    }
  }
  // Loop variables: {% for issue in issues %} … {{ issue.bogus }}.
  const loops = [...source.matchAll(/\{%-?\s*for\s+(\w+)\s+in\s+(\w+)/g)].map((m) => ({
    item: m[1] as string,
    list: m[2] as string,
  }))
  for (const { item, list } of loops) {
    const fields = fieldsOf(list)
    for (const use of analysis.variables[item] ?? []) {
      const field = use.segments.map(String)[1]
      if (field !== undefined && !fields.has(field)) {
        const line = use.location.row
        throw new TemplateError(
          `Line ${line}: unknown merge field “${use.toString()}”: a ${list} item has ${[...fields].join(', ')}.`,
          part,
          line,
        )
      }
    }
  }
}

/** Templates parsed by each engine, by their text: the same few templates start every letter. */
const parsedTemplates = new WeakMap<Liquid, Map<string, Template[]>>()
const PARSED_KEPT = 64

/** The template's text parsed (a parse error is thrown, and not kept). */
function parsed(engine: Liquid, text: string): Template[] {
  let kept = parsedTemplates.get(engine)
  if (!kept) parsedTemplates.set(engine, (kept = new Map()))
  let templates = kept.get(text)
  if (!templates) {
    templates = engine.parse(tagLinesTrimmed(text))
    if (kept.size >= PARSED_KEPT) kept.delete(kept.keys().next().value as string)
    kept.set(text, templates)
  }
  return templates
}

/** Renders one part of a template (its tag-only lines trimmed); a failure is a TemplateError naming its line. */
export function renderPart(engine: Liquid, text: string, context: object, part: 'subject' | 'body'): string {
  try {
    return engine.renderSync(parsed(engine, text), context)
  } catch (error) {
    const line = lineOf(error)
    throw new TemplateError(`${line ? `Line ${line}: ` : ''}${cleanMessage(error)}`, part, line)
  }
}

/** Renders a subject and a body with the context's values, each value escaped. */
export function renderTemplate(
  engine: Liquid,
  source: TemplateSource,
  context: TemplateContext,
  tables: Partial<Record<LetterTable, TableBlockData>>,
): RenderedTemplate {
  const render = (text: string, part: 'subject' | 'body') => renderPart(engine, text, context, part)
  const subject = plain(render(source.subject, 'subject'))
    .replace(/\s*\n\s*/g, ' ')
    .trim()
  if (subject.length > LETTER_SUBJECT_MAX)
    throw new TemplateError(
      `The subject this template makes is ${thousands(subject.length)} characters; a letter's subject holds at most ${LETTER_SUBJECT_MAX}.`,
      'subject',
      null,
    )
  const blocks = toBlocks(render(source.body, 'body'), tables)
  const length = textLengthOf(blocks)
  if (length > LETTER_TEXT_MAX)
    throw new TemplateError(
      `The letter this template makes is ${thousands(length)} characters; a letter holds at most ${thousands(LETTER_TEXT_MAX)}. Shorten the letter text or what it repeats.`,
      'body',
      null,
    )
  return { subject, blocks }
}

function plain(text: string, breakAs = '\n'): string {
  return text.replaceAll(VALUE_BREAK, breakAs).replace(PRIVATE, '')
}

/** Template lines to blocks: "# " heading, "- " bullet, blank line between paragraphs, table marks. */
export function toBlocks(rendered: string, tables: Partial<Record<LetterTable, TableBlockData>>): LetterBlock[] {
  const blocks: LetterBlock[] = []
  let breakBefore = false
  const push = (block: LetterBlock) => {
    blocks.push(breakBefore ? { ...block, newPage: true } : block)
    breakBefore = false
  }
  let paragraph: string[] = []
  let bullets: string[] | null = null
  const flushParagraph = () => {
    if (paragraph.length > 0) push({ type: 'paragraph', text: plain(paragraph.join('\n')).trim() })
    paragraph = []
  }
  const flushBullets = () => {
    if (bullets && bullets.length > 0) push({ type: 'bullets', items: bullets })
    bullets = null
  }
  for (const raw of rendered.split(/\r\n?|\n/)) {
    const line = raw.replace(/\s+$/, '')
    const table = new RegExp(`^\\s*${TABLE_MARK}(\\w+)${TABLE_MARK}$`).exec(line)
    if (table) {
      flushParagraph()
      flushBullets()
      const block = tables[table[1] as LetterTable]
      if (block && block.rows.length > 0) push(structuredClone(block))
    } else if (line.trim() === PAGE_BREAK) {
      flushParagraph()
      flushBullets()
      breakBefore = blocks.length > 0
    } else if (line.trim() === '') {
      flushParagraph()
    } else if (/^#\s/.test(line)) {
      flushParagraph()
      flushBullets()
      const text = plain(line.replace(/^#\s+/, ''), ' ').trim()
      if (text) push({ type: 'heading', text })
    } else if (/^\s*-\s/.test(line)) {
      flushParagraph()
      bullets ??= []
      const text = plain(line.replace(/^\s*-\s+/, '')).trim()
      if (text) bullets.push(text)
    } else {
      flushBullets()
      paragraph.push(line.trimStart())
    }
  }
  flushParagraph()
  flushBullets()
  // A heading with nothing under it (its section had no data) is left out.
  return blocks.filter(
    (b, i) => b.type !== 'heading' || (blocks[i + 1] !== undefined && blocks[i + 1]?.type !== 'heading'),
  )
}
