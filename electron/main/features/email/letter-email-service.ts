/**
 * A letter sent by email: the covering message from the owner's template, the letter's PDF
 * attached, sent through the owner's mail server by nodemailer. Only once the server has accepted
 * the message is anything recorded: the letter (when it was a draft), the sending (to whom, when,
 * the Message-ID, the PDF's SHA-256) and an email touchpoint, in one transaction. A failure records
 * nothing. The same letter is never sent twice at once: a second Send while the first is on its way
 * is refused here, whatever the window does.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { Liquid } from 'liquidjs'
import { In } from 'typeorm'
import MailComposer from 'nodemailer/lib/mail-composer'
import type Mail from 'nodemailer/lib/mailer'
import { LetterEmailEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { DomainError } from '../../domain-error'
import type { ChooseSavePath } from '../../ports'
import { localIsoDate } from '../../../shared/dates'
import type {
  LetterEmailComposed,
  LetterEmailDraftSaved,
  LetterEmailLatest,
  LetterEmailRecord,
  LetterEmailSent,
} from '../../../shared/email/models'
import type { LetterEmailData, LetterSourceData } from '../../../shared/email/schemas'
import type { LetterRecord } from '../../../shared/letters/models'
import type { LetterDraftData } from '../../../shared/letters/schemas'
import { LETTER_KIND_LABELS } from '../../../shared/letters/words'
import {
  TemplateError,
  buildMergeData,
  letterFileName,
  letterheadOf,
  sha256,
  writeLetterFile,
  type LetterServices,
} from '../letters'
import { htmlOf, renderCover } from './cover-message'
import { addressList, addressOf, domainOf, fromOf, joined, sentButNotRecorded, toRecord } from './sent-email'
import type { EmailSettingsService } from './email-settings-service'
import { createSmtpTransport, sendFailure, type SmtpTrust } from './smtp'

export interface LetterEmailDeps {
  letters: LetterServices
  settings: EmailSettingsService
  engine: Liquid
  now: () => Date
  /** Runs a long wait (the mail server) outside the request queue, so the app answers meanwhile. */
  released: <T>(wait: () => Promise<T>) => Promise<T>
  chooseSavePath?: ChooseSavePath
  openFile?: (file: string) => Promise<void>
  smtpTrust?: SmtpTrust
  logError?: (where: string, error: unknown) => void
}

interface ResolvedLetter {
  draft: LetterDraftData
  /** The letter on record, or null for a draft not yet kept. */
  letterId: number | null
  bytes: Buffer
  clientName: string
  /** The letterhead and paper a draft was printed on (kept with it when it goes on record). */
  printedOn?: { letterhead: ReturnType<typeof letterheadOf>; pageSize: LetterRecord['pageSize']; locale: string }
}

export class LetterEmailService {
  /** Letters on their way to the mail server, by letter (or by draft's content). */
  private readonly inFlight = new Set<string>()

  constructor(private readonly deps: LetterEmailDeps) {}

  private get ctx() {
    return this.deps.letters.ctx
  }

  private async resolve(source: LetterSourceData): Promise<ResolvedLetter> {
    const { letters } = this.deps.letters
    if (source.letterId !== undefined) {
      const record = await letters.get(source.letterId)
      const pdf = await letters.renderStored(source.letterId)
      return {
        draft: record.draft,
        letterId: record.id,
        bytes: Buffer.from(pdf.base64, 'base64'),
        clientName: record.clientName,
      }
    }
    const draft = source.draft as LetterDraftData
    if (draft.date > this.ctx.today())
      throw new DomainError('VALIDATION', 'A letter that is sent now cannot be dated in the future.', 'draft.date')
    const rendered = await letters.renderDraft(draft)
    if (rendered.unprintable.length > 0)
      throw new DomainError(
        'VALIDATION',
        (await letters.render(draft)).unprintableMessage ?? 'This letter cannot be printed.',
      )
    return {
      draft,
      letterId: null,
      bytes: rendered.bytes,
      clientName: rendered.clientName,
      printedOn: { letterhead: rendered.letterhead, pageSize: rendered.pageSize, locale: rendered.locale },
    }
  }

  private attachmentName(letter: ResolvedLetter): string {
    return letterFileName(letter.draft.date, letter.draft.kind, letter.clientName)
  }

  /** The email the dialog starts with: the client's address, the covering message from the template. */
  async compose(source: LetterSourceData): Promise<LetterEmailComposed> {
    const letter = await this.resolve(source)
    const { draft } = letter
    const [client, profile, account] = await Promise.all([
      this.ctx.clients.get(draft.clientId),
      this.ctx.requireProfile(),
      this.deps.settings.accountOrNull(),
    ])
    const turnaround = draft.turnaroundId === null ? null : await this.ctx.planner.ctx.detail(draft.turnaroundId)
    const { context } = buildMergeData({
      profile,
      client,
      turnaround,
      kind: draft.kind,
      date: draft.date,
      goodwill: '',
      pageSize: profile.letterPageSize,
    })
    let cover
    try {
      cover = renderCover(
        this.deps.engine,
        await this.deps.settings.cover(),
        context,
        draft.subject || LETTER_KIND_LABELS[draft.kind],
      )
    } catch (error) {
      if (error instanceof TemplateError)
        throw new DomainError(
          'VALIDATION',
          `Your covering message template cannot be used (fix it in Settings > Email): ${error.message}`,
        )
      throw error
    }
    return {
      to: client.email,
      cc: '',
      bcc: '',
      subject: cover.subject,
      message: cover.message,
      from: account ? fromOf(account) : null,
      attachmentName: this.attachmentName(letter),
      attachmentBytes: letter.bytes.length,
      contentHash: sha256(letter.bytes),
    }
  }

  private mail(
    letter: ResolvedLetter,
    email: LetterEmailData,
    from: Mail.Address | undefined,
    extra: Mail.Options,
  ): Mail.Options {
    return {
      from,
      to: email.to,
      cc: email.cc.length ? email.cc : undefined,
      bcc: email.bcc.length ? email.bcc : undefined,
      subject: email.subject,
      text: email.message,
      html: htmlOf(email.message),
      attachments: [{ filename: this.attachmentName(letter), content: letter.bytes, contentType: 'application/pdf' }],
      disableFileAccess: true,
      disableUrlAccess: true,
      ...extra,
    }
  }

  /** Sends the letter; on the server's acceptance records it as sent, with its touchpoint. */
  async send(source: LetterSourceData, email: LetterEmailData, minutes: number): Promise<LetterEmailSent> {
    const key =
      source.letterId !== undefined
        ? `letter:${source.letterId}`
        : `draft:${sha256(Buffer.from(JSON.stringify(source.draft)))}`
    if (this.inFlight.has(key))
      throw new DomainError(
        'VALIDATION',
        'This letter is being sent already. Wait for the result before sending it again.',
      )
    this.inFlight.add(key)
    try {
      return await this.sendOnce(source, email, minutes)
    } finally {
      this.inFlight.delete(key)
    }
  }

  private async sendOnce(source: LetterSourceData, email: LetterEmailData, minutes: number): Promise<LetterEmailSent> {
    const account = await this.deps.settings.account()
    const letter = await this.resolve(source)
    const profile = await this.ctx.requireProfile()
    const messageId = `<${randomUUID()}@${domainOf(account.fromAddress)}>`
    const mail = this.mail(letter, email, addressOf(account), {
      messageId,
      replyTo: account.replyTo || undefined,
      date: this.deps.now(),
    })
    const transport = createSmtpTransport(account, this.deps.smtpTrust)
    let refused: string[] = []
    try {
      const info = await this.deps.released(() => transport.sendMail(mail))
      refused = (info.rejected ?? []).map((a: string | Mail.Address) => (typeof a === 'string' ? a : String(a.address)))
    } catch (error) {
      this.deps.logError?.('letter-email:send', error)
      throw sendFailure(error, account)
    } finally {
      transport.close()
    }
    const sentAt = timestamp(this.deps.now())
    const contentHash = sha256(letter.bytes)
    const delivered = (addresses: string[]) => addresses.filter((a) => !refused.includes(a))
    const { letters } = this.deps.letters
    const record = this.ctx.manager.transaction(async (m) => {
      const letterId =
        letter.letterId ??
        (
          await letters.insert(
            m,
            letter.draft,
            {
              bytes: letter.bytes,
              ...(letter.printedOn ?? {
                letterhead: letterheadOf(profile),
                pageSize: profile.letterPageSize,
                locale: profile.locale,
              }),
            },
            '',
            false,
          )
        ).id
      const row = await m.save(
        Object.assign(new LetterEmailEntity(), {
          letterId,
          toAddresses: JSON.stringify(delivered(email.to)),
          ccAddresses: JSON.stringify(delivered(email.cc)),
          bccAddresses: JSON.stringify(delivered(email.bcc)),
          subject: email.subject,
          messageId,
          contentHash,
          minutes,
          sentAt,
        }),
      )
      const { draft } = letter
      if (draft.turnaroundId !== null) {
        const planner = this.ctx.coreOn(m).planner
        const detail = await planner.ctx.detail(draft.turnaroundId)
        await planner.touchpoints.save(draft.clientId, draft.turnaroundId, undefined, {
          kind: 'email',
          occurredOn: localIsoDate(this.deps.now()),
          who: (profile.ownerName || profile.businessName).slice(0, 120),
          minutes,
          summary:
            `${LETTER_KIND_LABELS[draft.kind]} sent by email to ${joined(delivered(email.to))}: ${email.subject}`.slice(
              0,
              10_000,
            ),
          isCheckIn: letter.letterId === null && draft.kind === 'check_in' && detail.closedOn !== null,
        })
      }
      return row.id
    })
    const emailId = await record.catch((error: unknown) => {
      this.deps.logError?.('letter-email:record', error)
      throw sentButNotRecorded(error, delivered([...email.to, ...email.cc, ...email.bcc]), messageId)
    })
    const row = await this.ctx.manager.findOneByOrFail(LetterEmailEntity, { id: emailId })
    return { letter: await letters.get(row.letterId), email: toRecord(row), refused }
  }

  /** "Open as a draft in my mail app": a message file marked unsent, with the PDF attached, opened by the system. */
  async saveDraft(source: LetterSourceData, email: LetterEmailData): Promise<LetterEmailDraftSaved> {
    const { chooseSavePath, openFile } = this.deps
    if (!chooseSavePath || !openFile) throw new Error('No save dialog or opener was given to the email service.')
    const letter = await this.resolve(source)
    const account = await this.deps.settings.accountOrNull()
    const profile = await this.ctx.requireProfile()
    const from = account
      ? addressOf(account)
      : profile.email
        ? { name: profile.businessName, address: profile.email }
        : undefined
    const mail = this.mail(letter, email, from, { headers: { 'X-Unsent': '1' }, date: this.deps.now() })
    const bytes = await new MailComposer(mail).compile().build()
    const chosen = await chooseSavePath({
      title: 'Save the email to open in your mail app',
      defaultPath: this.attachmentName(letter).replace(/\.pdf$/i, '.eml'),
      filters: [{ name: 'Email message', extensions: ['eml'] }],
    })
    if (!chosen) return { saved: false }
    const file = /\.eml$/i.test(chosen) ? chosen : `${chosen}.eml`
    await writeLetterFile(file, bytes)
    try {
      await openFile(file)
    } catch (error) {
      throw new DomainError(
        'VALIDATION',
        `The message was saved as “${path.basename(file)}” but could not be opened: ${error instanceof Error ? error.message : String(error)}. Open it from your mail app.`,
      )
    }
    return { saved: true, filePath: file }
  }

  async list(letterId: number): Promise<LetterEmailRecord[]> {
    const rows = await this.ctx.manager.find(LetterEmailEntity, {
      where: { letterId },
      order: { sentAt: 'DESC', id: 'DESC' },
    })
    return rows.map(toRecord)
  }

  /** The latest sending of each of these letters that was sent by email. */
  async latest(letterIds: number[]): Promise<LetterEmailLatest[]> {
    if (letterIds.length === 0) return []
    const rows = await this.ctx.manager.find(LetterEmailEntity, {
      where: { letterId: In(letterIds) },
      order: { sentAt: 'DESC', id: 'DESC' },
    })
    const byLetter = new Map<number, LetterEmailLatest>()
    for (const row of rows) {
      const seen = byLetter.get(row.letterId)
      if (seen) seen.times += 1
      else
        byLetter.set(row.letterId, {
          letterId: row.letterId,
          sentAt: row.sentAt,
          to: addressList(row.toAddresses),
          times: 1,
        })
    }
    return [...byLetter.values()]
  }

  /** A test message through the saved account, to prove it works. */
  async sendTest(to: string): Promise<{ to: string; messageId: string }> {
    const account = await this.deps.settings.account()
    const target = to || account.fromAddress
    const messageId = `<${randomUUID()}@${domainOf(account.fromAddress)}>`
    const transport = createSmtpTransport(account, this.deps.smtpTrust)
    try {
      await this.deps.released(() =>
        transport.sendMail({
          from: addressOf(account),
          to: target,
          replyTo: account.replyTo || undefined,
          subject: 'Turnaround Desk: test email',
          text: `This test message shows that Turnaround Desk can send email through ${account.host}.\n\nLetters you email from the app will be sent the same way.`,
          messageId,
          date: this.deps.now(),
        }),
      )
    } catch (error) {
      this.deps.logError?.('email-settings:test', error)
      throw sendFailure(error, account)
    } finally {
      transport.close()
    }
    return { to: target, messageId }
  }
}
