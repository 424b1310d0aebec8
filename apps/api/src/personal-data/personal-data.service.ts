import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import {
  isPlatformAdmin,
  PERSONAL_DATA_EXCLUSIONS_FR,
  PERSONAL_DATA_MEDIA_TYPES,
  PERSONAL_DATA_SECTIONS,
  personalDataFileName,
  rolesIn,
  type PersonalDataFormat,
  type PersonalDataRecord,
  type PersonalDataSection,
  type PersonalDataSubject,
} from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { recordAdminEvent } from '../common/admin-audit';
import { RefusalException, ResourceException } from '../common/app.exception';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { PERSONAL_DATA_PDF_QUEUE, PersonalDataPdfRenderer } from './personal-data-pdf.renderer';
import { PersonalDataHtmlWriter, writeChunk, type RenderMeta } from './personal-data-render';
import { SECTION_SOURCES } from './personal-data.sources';

/** Rows read per round trip: the most the JSON and HTML exports hold at once. */
export const PERSONAL_DATA_BATCH = 500;
const DEFAULT_TIME_ZONE = 'Europe/Paris';

interface Subject extends PersonalDataSubject {
  organizations: { id: string; timeZone: string }[];
}

interface Plan {
  subject: Subject;
  format: PersonalDataFormat;
  kind: 'self' | 'administrator';
  requester: AuthUser;
  timeZone: string;
  generatedAt: Date;
}

/**
 * The right of access (RGPD article 15): everything held about one person, as JSON (streamed,
 * complete), PDF or accessible HTML. The person downloads their own; HR produces it for the
 * members of its organisation, the platform admin for anyone (a request received by mail).
 * Every export is audited before its first byte: who, for whom, which format.
 */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger(PersonalDataService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly pdfRenderer: PersonalDataPdfRenderer,
  ) {}

  async export(
    requester: AuthUser,
    subjectId: string,
    format: PersonalDataFormat = 'json',
    response: Response,
  ): Promise<void> {
    if (requester.serviceAccount)
      throw new RefusalException('forbidden', 'SERVICE_ACCOUNT_SCOPE', {
        scope: requester.serviceAccount.scope,
      });
    const subject = await this.findSubject(subjectId);
    const kind = subjectId === requester.userId ? 'self' : 'administrator';
    if (!subject) throw ResourceException.notFound('users');
    if (kind === 'administrator') this.assertMayExport(requester, subject);
    const plan: Plan = {
      subject,
      format,
      kind,
      requester,
      timeZone: subject.organizations[0]?.timeZone ?? DEFAULT_TIME_ZONE,
      generatedAt: new Date(),
    };
    if (format !== 'pdf') return this.produce(plan, response);
    // The PDF's refusals come before the audit record and before any byte: a refused export
    // discloses nothing, so it is not recorded as an export (the request log keeps the 409).
    const release = this.pdfRenderer.reserve();
    if (!release)
      throw new RefusalException('conflict', 'PERSONAL_DATA_PDF_BUSY', { waiting: PERSONAL_DATA_PDF_QUEUE });
    try {
      await this.assertPdfSize(plan);
      await this.produce(plan, response);
    } finally {
      release();
    }
  }

  /** Audits the export, then writes it: JSON and HTML streamed, the PDF laid out in the worker. */
  private async produce(plan: Plan, response: Response): Promise<void> {
    const { format } = plan;
    await this.audit(plan);
    response.setHeader('Content-Type', PERSONAL_DATA_MEDIA_TYPES[format]);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${personalDataFileName(format, plan.generatedAt.toISOString().slice(0, 10))}"`,
    );
    response.setHeader('Cache-Control', 'no-store');
    try {
      if (format === 'json') await this.writeJson(plan, response);
      else if (format === 'html') await this.writeHtml(plan, response);
      else {
        const sections = await this.collect(plan);
        // A client that left while waiting is not laid out for.
        response.end(await this.pdfRenderer.render({ meta: this.meta(plan), sections }, () => response.destroyed));
      }
    } catch (error) {
      this.logger.error(`personal data export interrupted: ${(error as Error).message}`);
      // Nothing sent yet (PDF): a 500 in the usual shape; otherwise the download is cut off
      // rather than ending as if complete.
      if (!response.headersSent) {
        response.removeHeader('Content-Disposition');
        throw error;
      }
      response.destroy(error as Error);
    }
  }

  /**
   * The PDF is laid out whole by pdfmake (in a worker thread, one at a time): above
   * PERSONAL_DATA_PDF_MAX_RECORDS records it would take minutes, so it is refused with the
   * HTML and JSON formats suggested. Counted through the same cursors, stopping as soon as the
   * bound is passed.
   */
  private async assertPdfSize(plan: Plan): Promise<void> {
    const maxRecords = this.config.PERSONAL_DATA_PDF_MAX_RECORDS;
    let records = 0;
    const batches = this.batches(plan);
    try {
      for await (const { rows } of batches) {
        records += rows.length;
        if (records > maxRecords) break;
      }
    } finally {
      await batches.return(undefined);
    }
    if (records > maxRecords)
      throw new RefusalException('conflict', 'PERSONAL_DATA_PDF_TOO_LARGE', { records, maxRecords });
  }

  /**
   * HR exports the members of an organisation it is HR of; the platform admin anyone. A person
   * of another organisation does not exist for the requester (404); a colleague whom the
   * requester may see but not export is a 403 naming who may.
   */
  private assertMayExport(requester: AuthUser, subject: Subject): void {
    if (isPlatformAdmin(requester)) return;
    const shared = subject.organizations.filter((o) => rolesIn(requester, o.id).length > 0);
    if (shared.length === 0) throw ResourceException.notFound('users');
    if (!shared.some((o) => rolesIn(requester, o.id).includes('hr')))
      throw ResourceException.forbidden('exportPersonalData', ['hr', 'admin']);
  }

  private async findSubject(id: string): Promise<Subject | null> {
    const rows: { id: string; email: string; displayName: string }[] = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName" FROM users WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) return null;
    const organizations: { id: string; timeZone: string }[] = await this.dataSource.query(
      `SELECT DISTINCT o.id, o.time_zone AS "timeZone", o.name FROM memberships m
         JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $1 ORDER BY o.name, o.id`,
      [id],
    );
    return { ...rows[0], organizations: organizations.map(({ id, timeZone }) => ({ id, timeZone })) };
  }

  /**
   * One audit record per organisation of the person (their HR sees it), or one platform
   * record for a person of none: who (actor), for whom, when, which format, and whether it
   * was the person's own download or produced for a request.
   */
  private async audit(plan: Plan): Promise<void> {
    const organizations: (string | null)[] = plan.subject.organizations.length
      ? plan.subject.organizations.map((o) => o.id)
      : [null];
    await this.dataSource.transaction(async (manager) => {
      for (const organizationId of organizations) {
        await recordAdminEvent(manager, {
          organizationId,
          event: 'personalData.exported',
          actorId: plan.requester.userId,
          details: { subjectId: plan.subject.id, format: plan.format, requestedBy: plan.kind },
        });
      }
    });
  }

  private meta(plan: Plan): RenderMeta {
    return {
      subject: { id: plan.subject.id, email: plan.subject.email, displayName: plan.subject.displayName },
      requestedBy: { displayName: plan.requester.displayName, kind: plan.kind },
      generatedAt: plan.generatedAt,
      timeZone: plan.timeZone,
    };
  }

  /**
   * Every section's rows, batch by batch, through a cursor per section inside one read-only
   * REPEATABLE READ transaction: one consistent snapshot, and never more than one batch of
   * rows read at once however many notifications or audit records the person has.
   */
  private async *batches(
    plan: Plan,
  ): AsyncGenerator<{ section: PersonalDataSection; rows: PersonalDataRecord[] }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let open = false;
    const parameters = [plan.subject.id, plan.subject.email.toLowerCase(), plan.subject.displayName];
    try {
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      for (const source of SECTION_SOURCES) {
        // The three parameters are typed once for every query, whichever it uses.
        await runner.query(
          `DECLARE personal_rows NO SCROLL CURSOR FOR
             WITH person AS (SELECT $1::uuid AS id, $2::text AS email, $3::text AS name) ${source.sql}`,
          parameters,
        );
        for (;;) {
          const rows: PersonalDataRecord[] = await runner.query(
            `FETCH FORWARD ${PERSONAL_DATA_BATCH} FROM personal_rows`,
          );
          if (rows.length === 0) break;
          yield { section: source.section, rows };
        }
        await runner.query('CLOSE personal_rows');
      }
      await runner.query('COMMIT');
      open = false;
    } finally {
      if (open) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  /** Every section's rows in memory, for the PDF (which pdfmake lays out whole). */
  private async collect(plan: Plan): Promise<Record<PersonalDataSection, PersonalDataRecord[]>> {
    const sections = emptySections<PersonalDataRecord[]>(() => []);
    for await (const { section, rows } of this.batches(plan)) sections[section].push(...rows);
    return sections;
  }

  /** The JSON document, streamed: its sections in the declared order, its counts last. */
  private async writeJson(plan: Plan, response: Response): Promise<void> {
    const write = (text: string) => writeChunk(response, text);
    const head = {
      kind: 'capacites.personal-data-export',
      version: 1,
      generatedAt: plan.generatedAt.toISOString(),
      timeZone: plan.timeZone,
      subject: { id: plan.subject.id, email: plan.subject.email, displayName: plan.subject.displayName },
      requestedBy: { id: plan.requester.userId, displayName: plan.requester.displayName, kind: plan.kind },
      excluded: PERSONAL_DATA_EXCLUSIONS_FR,
    };
    await write(`${JSON.stringify(head).slice(0, -1)},"sections":{`);
    const counts = emptySections(() => 0);
    await this.inOrder(
      plan,
      async (section, index) => {
        await write(`${index ? ',' : ''}${JSON.stringify(section)}:[`);
      },
      async (section, rows) => {
        await write(`${counts[section] ? ',' : ''}${rows.map((row) => JSON.stringify(row)).join(',')}`);
        counts[section] += rows.length;
      },
      async () => {
        await write(']');
      },
    );
    await write(`},"counts":${JSON.stringify(counts)}}`);
    response.end();
  }

  /**
   * Walks every section in the declared order, empty ones included, handing each batch over
   * as it is read; the cursor is closed and its connection given back whatever happens.
   */
  private async inOrder(
    plan: Plan,
    open: (section: PersonalDataSection, index: number) => Promise<void>,
    rows: (section: PersonalDataSection, rows: PersonalDataRecord[]) => Promise<void>,
    close: (section: PersonalDataSection, count: number) => Promise<void>,
  ): Promise<void> {
    const batches = this.batches(plan);
    try {
      let pending = await batches.next();
      for (const [index, section] of PERSONAL_DATA_SECTIONS.entries()) {
        await open(section, index);
        let count = 0;
        while (!pending.done && pending.value.section === section) {
          await rows(section, pending.value.rows);
          count += pending.value.rows.length;
          pending = await batches.next();
        }
        await close(section, count);
      }
      // Sources are declared in the sections' order: a stray one is a bug, not data to drop.
      if (!pending.done) throw new Error(`section ${pending.value.section} is out of order`);
    } finally {
      await batches.return(undefined);
    }
  }

  /** The HTML page, streamed in the sections' order. */
  private async writeHtml(plan: Plan, response: Response): Promise<void> {
    const writer = new PersonalDataHtmlWriter(response, this.meta(plan));
    await writer.start();
    await this.inOrder(
      plan,
      (section) => writer.sectionStart(section),
      (_section, rows) => writer.records(rows),
      (_section, count) => writer.sectionEnd(count),
    );
    await writer.end();
    response.end();
  }
}

function emptySections<T>(make: () => T): Record<PersonalDataSection, T> {
  return Object.fromEntries(PERSONAL_DATA_SECTIONS.map((s) => [s, make()])) as Record<PersonalDataSection, T>;
}
