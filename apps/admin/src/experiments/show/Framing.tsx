import GroupsIcon from '@mui/icons-material/Groups';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceField, TextField, useTranslate } from 'react-admin';
import { useOrganizationDateFormat } from '../../organizations';
import type { Criterion } from '@capacites/domain';
import { CriteriaAmendments, useExperimentCriteria } from '../criteria';
import type { Experiment } from '../types';
import { ConsentChip } from './Consent';
import { RecordConsentOnBehalf } from './ConsentOnBehalf';
import { UserName } from './UserName';

const prose = { whiteSpace: 'pre-line' } as const;

const Entry = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="body2" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Box sx={prose}>{children}</Box>
    </Box>
  );
};

const f = (field: string) => `resources.experiments.fields.${field}`;

export const ScopeAndPlace = ({ experiment }: { experiment: Experiment }) => (
  <>
    <Entry label={f('scope')}>{experiment.scope || '—'}</Entry>
    <Entry label={f('trackId')}>
      <ReferenceField record={experiment} source="trackId" reference="tracks" link={false} emptyText="—">
        <TextField source="name" />
      </ReferenceField>
    </Entry>
    <Entry label={f('organizationId')}>
      <ReferenceField record={experiment} source="organizationId" reference="organizations" link={false}>
        <TextField source="name" />
      </ReferenceField>
    </Entry>
  </>
);

export const People = ({ experiment }: { experiment: Experiment }) => {
  const participants = experiment.participants ?? [];
  return (
    <>
      <Entry label={f('pilotIds')}>
        {(experiment.pilotIds ?? []).length === 0
          ? '—'
          : (experiment.pilotIds ?? []).map((id) => (
              <Chip key={id} size="small" sx={{ mr: 0.5 }} label={<UserName id={id} />} />
            ))}
      </Entry>
      <Entry label={f('sponsorId')}>
        {experiment.sponsorId ? <UserName id={experiment.sponsorId} /> : '—'}
      </Entry>
      <Entry label={f('participants')}>
        {participants.length === 0 ? (
          '—'
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {participants.map((p) => (
              <Box component="li" key={p.userId} data-participant={p.userId} sx={{ mb: 0.5 }}>
                <UserName id={p.userId} />{' '}
                <ConsentChip participant={p} organizationId={experiment.organizationId} />{' '}
                <RecordConsentOnBehalf experiment={experiment} participant={p} />
              </Box>
            ))}
          </Box>
        )}
      </Entry>
    </>
  );
};

/** The criteria in force now (amendments included), then every amendment with what it changed. */
export const Criteria = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const { data, error } = useExperimentCriteria(experiment);
  if (error) return <Typography color="text.secondary">{translate('app.amendments.unavailable')}</Typography>;
  if (!data) return null;
  return (
    <>
      {data.amendments.length > 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.amendments.current', { smart_count: data.amendments.length })}
        </Typography>
      ) : null}
      <CriteriaTable criteria={data.current} />
      <CriteriaAmendments amendments={data.amendments} organizationId={experiment.organizationId} />
    </>
  );
};

const CriteriaTable = ({ criteria }: { criteria: Criterion[] }) => {
  const translate = useTranslate();
  if (criteria.length === 0) return <Typography color="text.secondary">—</Typography>;
  return (
    <Table size="small" data-testid="current-criteria">
      <TableHead>
        <TableRow>
          <TableCell scope="col">{translate(f('criterion.name'))}</TableCell>
          <TableCell scope="col">{translate(f('criterion.method'))}</TableCell>
          <TableCell scope="col">{translate(f('criterion.target'))}</TableCell>
          <TableCell scope="col">{translate(f('criterion.coBuiltWithUsers'))}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {criteria.map((c) => (
          <TableRow key={c.id}>
            <TableCell>{c.name}</TableCell>
            <TableCell sx={prose}>{c.method || '—'}</TableCell>
            <TableCell>{c.target || '—'}</TableCell>
            <TableCell>
              {c.coBuiltWithUsers ? (
                <Chip
                  size="small"
                  icon={<GroupsIcon />}
                  label={translate('app.yes')}
                  color="success"
                  variant="outlined"
                />
              ) : (
                translate('app.no')
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const Dates = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(experiment.organizationId);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 3 }}>
      <Entry label={f('expiresAt')}>{format(experiment.expiresAt)}</Entry>
      {experiment.originalExpiresAt && experiment.originalExpiresAt !== experiment.expiresAt ? (
        <Entry label={f('originalExpiresAt')}>{format(experiment.originalExpiresAt)}</Entry>
      ) : null}
      <Entry label={f('launchedAt')}>{format(experiment.launchedAt)}</Entry>
      {experiment.stoppedAt ? <Entry label={f('stoppedAt')}>{format(experiment.stoppedAt)}</Entry> : null}
      {experiment.evaluationDueAt ? (
        <Entry label={f('evaluationDueAt')}>{format(experiment.evaluationDueAt)}</Entry>
      ) : null}
      {experiment.decisionDueAt ? (
        <Entry label={f('decisionDueAt')}>{format(experiment.decisionDueAt)}</Entry>
      ) : null}
      <Entry label={f('checkInCadenceDays')}>{experiment.checkInCadenceDays ?? '—'}</Entry>
      <Entry label={f('lastWeather')}>{translate(`app.weather.${experiment.lastWeather ?? 'none'}`)}</Entry>
    </Box>
  );
};

export const ExitPlan = ({ experiment }: { experiment: Experiment }) => (
  <>
    <Entry label={f('exitPlan.pilotWithdrawal')}>{experiment.exitPlan?.pilotWithdrawal || '—'}</Entry>
    <Entry label={f('exitPlan.takeover')}>{experiment.exitPlan?.takeover || '—'}</Entry>
  </>
);
