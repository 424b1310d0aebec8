import type { Criterion, Outcome, Verdict } from '@capacites/domain';
import { Box, Chip, Typography } from '@mui/material';
import { Link, useCreatePath, useGetOne, useTranslate } from 'react-admin';
import { useOrganizationDateFormat } from '../../organizations';
import type { Experiment } from '../types';
import { LearningsSharing } from './LearningsSharing';
import { UserName } from './UserName';

/** GET /api/evaluations/:experimentId */
export interface EvaluationRecord {
  id: string;
  verdict: Verdict;
  criterionResults: { criterionId: string; result: string; met: boolean | null }[];
  usersVoice: { sources: string[]; count: number; noneReason: string };
  learnings: string;
  criteriaAtLaunch: Criterion[];
  /** The amendments in force when it was submitted: results name their criteria too. */
  amendments?: { criteria: Criterion[] }[];
  onTime: boolean;
  learningsShared: boolean;
  learningsSharedAt: string | null;
  submittedBy: string | null;
  submittedAt: string;
}

/** GET /api/decisions/:experimentId */
export interface DecisionRecord {
  id: string;
  outcome: Outcome;
  rationale: string;
  handover: { pilotWithdrawal: string; takeover: string } | null;
  nextFocus: string | null;
  childExperimentId: string | null;
  onTime: boolean;
  decidedBy: string | null;
  decidedAt: string;
}

const EVALUATED = ['deciding', 'perpetuated', 'abandoned', 'iterated'];
const DECIDED = ['perpetuated', 'abandoned', 'iterated'];
const prose = { whiteSpace: 'pre-line' } as const;

export const hasEvaluation = (experiment: Experiment) => EVALUATED.includes(experiment.state);
export const hasDecision = (experiment: Experiment) => DECIDED.includes(experiment.state);

export const EvaluationView = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(experiment.organizationId);
  const { data } = useGetOne<EvaluationRecord>(
    'evaluations',
    { id: experiment.id },
    { enabled: hasEvaluation(experiment), retry: false },
  );
  if (!data) return null;
  const criteria = [
    ...(data.amendments ?? []).flatMap((a) => a.criteria).reverse(),
    ...(data.criteriaAtLaunch ?? []),
    ...(experiment.criteria ?? []),
  ];
  const nameOf = (id: string) => criteria.find((c) => c.id === id)?.name ?? id;
  const voice = data.usersVoice;
  return (
    <Box data-testid="evaluation">
      <Chip label={translate(`app.verdicts.${data.verdict}`)} color="primary" sx={{ mb: 1 }} />
      <Typography variant="body2" color="text.secondary">
        {format(data.submittedAt)} · <UserName id={data.submittedBy} />
      </Typography>
      <Box component="ul" sx={{ pl: 2 }}>
        {data.criterionResults.map((r) => (
          <li key={r.criterionId}>
            <strong>{nameOf(r.criterionId)}</strong>
            {r.met === null ? '' : ` (${translate(r.met ? 'app.yes' : 'app.no')})`} : {r.result}
          </li>
        ))}
      </Box>
      <Typography sx={prose}>
        {voice.count > 0 ? `${voice.sources.join(', ')} — ${voice.count}` : voice.noneReason}
      </Typography>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        {translate('resources.experiments.fields.learnings')}
      </Typography>
      <Typography sx={prose}>{data.learnings}</Typography>
      <LearningsSharing
        experiment={experiment}
        shared={Boolean(data.learningsShared)}
        sharedAt={data.learningsSharedAt ?? null}
      />
    </Box>
  );
};

export const DecisionView = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(experiment.organizationId);
  const { data } = useGetOne<DecisionRecord>(
    'decisions',
    { id: experiment.id },
    { enabled: hasDecision(experiment), retry: false },
  );
  if (!data) return null;
  return (
    <Box data-testid="decision">
      <Chip label={translate(`app.outcomes.${data.outcome}`)} color="secondary" sx={{ mb: 1 }} />
      <Typography variant="body2" color="text.secondary">
        {format(data.decidedAt)} · <UserName id={data.decidedBy} />
      </Typography>
      <Typography sx={prose}>{data.rationale}</Typography>
      {data.handover ? (
        <Typography sx={prose}>
          {translate('resources.experiments.fields.handover.pilotWithdrawal')} :{' '}
          {data.handover.pilotWithdrawal}
          {'\n'}
          {translate('resources.experiments.fields.handover.takeover')} : {data.handover.takeover}
        </Typography>
      ) : null}
      {data.nextFocus ? <Typography sx={prose}>{data.nextFocus}</Typography> : null}
    </Box>
  );
};

/** The parent and the next iteration, as links. */
export const Lineage = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const link = (id: string) => createPath({ resource: 'experiments', id, type: 'show' });
  const { data: parent } = useGetOne<Experiment>(
    'experiments',
    { id: experiment.parentId ?? '' },
    { enabled: Boolean(experiment.parentId), retry: false },
  );
  const { data: child } = useGetOne<Experiment>(
    'experiments',
    { id: experiment.childExperimentId ?? '' },
    { enabled: Boolean(experiment.childExperimentId), retry: false },
  );
  if (!experiment.parentId && !experiment.childExperimentId)
    return <Typography color="text.secondary">{translate('app.lineage.none')}</Typography>;
  return (
    <Box component="ul" sx={{ pl: 2, m: 0 }} data-testid="lineage">
      <li>{translate('app.lineage.iteration', { n: experiment.iteration })}</li>
      {experiment.parentId ? (
        <li>
          {translate('app.lineage.parent')} :{' '}
          <Link to={link(experiment.parentId)}>{parent?.title ?? experiment.parentId}</Link>
        </li>
      ) : null}
      {experiment.childExperimentId ? (
        <li>
          {translate('app.lineage.child')} :{' '}
          <Link to={link(experiment.childExperimentId)} data-testid="child-link">
            {child?.title ?? translate('app.lineage.child')}
          </Link>
        </li>
      ) : null}
    </Box>
  );
};
