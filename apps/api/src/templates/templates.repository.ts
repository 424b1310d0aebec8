import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { templateRequiredFor, templateUsableBy, type TemplateResponse } from '@capacites/domain';
import { ExperimentTemplateEntity, TemplateRequirementEntity } from '@capacites/persistence';
import { RefusalException } from '../common/app.exception';

export const toTemplateResponse = (t: ExperimentTemplateEntity): TemplateResponse => ({
  id: t.id,
  organizationId: t.organizationId,
  trackId: t.trackId,
  name: t.name,
  description: t.description,
  hypothesis: t.hypothesis,
  vision: t.vision,
  scope: t.scope,
  criteria: t.criteria,
  durationDays: t.durationDays,
  checkInCadenceDays: t.checkInCadenceDays,
  exitPlan: t.exitPlan,
  questionnaires: t.questionnaires,
  archived: t.archivedAt !== null,
  archivedAt: t.archivedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/**
 * What creating a test needs of templates: a template the organisation may start from, and
 * its rule "a template is required for this track". Used by experiments and replications.
 */
@Injectable()
export class TemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The template an organisation starts a test from: a shared one or its own (another
   * organisation's answers 404, as if it did not exist), not archived (409).
   */
  async findUsable(templateId: string, organizationId: string): Promise<TemplateResponse> {
    const row = await this.dataSource.getRepository(ExperimentTemplateEntity).findOneBy({ id: templateId });
    if (!row || (row.organizationId !== null && row.organizationId !== organizationId)) {
      throw new RefusalException('not_found', 'NOT_FOUND', { resource: 'template' }, [
        { field: 'templateId', message: 'no such template for this organization' },
      ]);
    }
    const template = toTemplateResponse(row);
    if (!templateUsableBy(template, organizationId)) {
      throw new RefusalException('conflict', 'TEMPLATE_ARCHIVED', {}, [
        { field: 'templateId', message: 'this template is archived' },
      ]);
    }
    return template;
  }

  async requiredTrackIds(organizationId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(TemplateRequirementEntity)
      .find({ where: { organizationId }, select: { trackId: true } });
    return rows.map((row) => row.trackId);
  }

  /**
   * Refuses (409 TEMPLATE_REQUIRED, naming templateId) a test of a track for which the
   * organisation requires a template, unless it comes from a template of that track.
   */
  async assertRequirementMet(
    organizationId: string,
    trackId: string | null | undefined,
    templateTrackId: string | null | undefined,
  ): Promise<void> {
    if (!trackId) return;
    if (templateRequiredFor(await this.requiredTrackIds(organizationId), trackId, templateTrackId)) {
      throw new RefusalException('conflict', 'TEMPLATE_REQUIRED', { trackId }, [
        { field: 'templateId', message: 'this organization requires a template for tests of this track' },
      ]);
    }
  }

  async trackOf(templateId: string | null): Promise<string | null> {
    if (!templateId) return null;
    const row = await this.dataSource
      .getRepository(ExperimentTemplateEntity)
      .findOne({ where: { id: templateId }, select: { trackId: true } });
    return row?.trackId ?? null;
  }
}
