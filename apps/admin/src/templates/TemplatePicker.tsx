import { Alert, Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { ReferenceInput, SelectInput, useGetList, useGetOne, useTranslate } from 'react-admin';
import type { Template, TemplateRequirement } from './types';

/** What the chosen template will fill in, so that the author knows before creating. */
const TemplateSummary = ({ templateId }: { templateId: string }) => {
  const translate = useTranslate();
  const { data: template } = useGetOne<Template>('templates', { id: templateId });
  if (!template) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="template-summary">
      <Typography component="p" sx={{ fontWeight: 600 }}>
        {template.name}
      </Typography>
      {template.description ? <Typography component="p">{template.description}</Typography> : null}
      <Typography component="p">
        {translate('resources.templates.summary', {
          criteria: template.criteria.length,
          duration: template.durationDays ?? '—',
          questionnaires: template.questionnaires.length,
        })}
      </Typography>
      {template.hypothesis ? (
        <Typography component="p" sx={{ whiteSpace: 'pre-line', mt: 1 }}>
          {translate('resources.templates.skeleton', { hypothesis: template.hypothesis })}
        </Typography>
      ) : null}
    </Alert>
  );
};

/** Says when the organisation requires a template for the track chosen (the API refuses otherwise). */
const RequiredTemplateNotice = ({ organizationId }: { organizationId: string }) => {
  const translate = useTranslate();
  const trackId = useWatch({ name: 'trackId' }) as string | undefined;
  const templateId = useWatch({ name: 'templateId' }) as string | undefined;
  const { data } = useGetList<TemplateRequirement>('template-requirements', {
    filter: { organizationId },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'createdAt', order: 'ASC' },
  });
  if (templateId || !trackId || !data?.some((r) => r.trackId === trackId)) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} role="status">
      {translate('resources.templates.requiredForTrack')}
    </Alert>
  );
};

/**
 * "Nouveau test à partir d'un modèle": the templates the organisation may start from (the
 * network's and its own). The template then gives the track, the criteria, the rhythm, the
 * exit plan and a proposed expiry; what the author types wins over its skeleton.
 */
export const TemplatePicker = () => {
  const organizationId = useWatch({ name: 'organizationId' }) as string | undefined;
  const templateId = useWatch({ name: 'templateId' }) as string | undefined;
  return (
    <Box sx={{ width: '100%' }}>
      <ReferenceInput
        source="templateId"
        reference="templates"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={200}
        filter={organizationId ? { organizationId, archived: false } : { archived: false }}
      >
        <SelectInput
          optionText="name"
          emptyText="resources.templates.noTemplate"
          helperText="resources.experiments.helpers.templateId"
          fullWidth
        />
      </ReferenceInput>
      {templateId ? <TemplateSummary templateId={templateId} /> : null}
      {organizationId ? <RequiredTemplateNotice organizationId={organizationId} /> : null}
    </Box>
  );
};
