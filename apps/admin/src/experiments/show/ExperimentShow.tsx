import EditIcon from '@mui/icons-material/Edit';
import EventIcon from '@mui/icons-material/Event';
import PrintIcon from '@mui/icons-material/Print';
import { canEditExperiment } from '@capacites/domain';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { Link, Show, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { usePrincipal } from '../../access';
import { API_URL } from '../../dataProvider';
import { ExperimentQuestionnaires } from '../../questionnaires/ExperimentQuestionnaires';
import { COLLECTING_STATES, Testimonies } from '../../testimonies';
import { Provenance, ReplicateButton } from '../../replications';
import { ExperimentActions } from '../actions/ExperimentActions';
import { LaunchRequestPanel } from '../../launch-approval';
import { DepartedPeoplePanel } from '../../orphans';
import { DeadlineCountdown } from '../deadline';
import { StateChip } from '../StateChip';
import type { Experiment } from '../types';
import { accessFactsOf } from './accessFacts';
import { CheckIns } from './CheckIns';
import { MyConsent } from './Consent';
import { FicheTest } from './FicheTest';
import { Criteria, Dates, ExitPlan, People, ScopeAndPlace } from './Framing';
import { DecisionView, EvaluationView, hasDecision, hasEvaluation, Lineage } from './Outcome';
import { ReadinessChecklist } from './ReadinessChecklist';
import { Section } from './Section';
import { TestTape, useTapeText, Watermark } from './TestTape';
import { Timeline } from './Timeline';

const EditFramingButton = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const principal = usePrincipal();
  // A draft waiting for its launch approval keeps the framing that was requested.
  const editable =
    (experiment.state === 'draft' && !experiment.launchRequestedAt) || experiment.state === 'running';
  if (!principal || !editable) return null;
  if (!canEditExperiment(principal, accessFactsOf(experiment))) return null;
  return (
    <Button
      component={Link}
      to={createPath({ resource: 'experiments', id: experiment.id, type: 'edit' })}
      startIcon={<EditIcon />}
      variant="outlined"
    >
      {translate('app.actions.editFraming')}
    </Button>
  );
};

/**
 * The hypothesis first (rule 1: a test verifies a hypothesis), then the framing; the
 * checklist while in draft; check-ins, evaluation, decision, lineage and history.
 */
const ExperimentView = () => {
  const experiment = useRecordContext<Experiment>();
  const translate = useTranslate();
  const tape = useTapeText(experiment);
  if (!experiment) return null;
  return (
    <Box sx={{ p: 2, position: 'relative' }} data-state={experiment.state}>
      {tape ? <Watermark text={tape} /> : null}
      <Box sx={{ position: 'relative', zIndex: 1 }}>
        <TestTape experiment={experiment} />
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          alignItems={{ md: 'center' }}
          sx={{ mb: 2 }}
        >
          <Box sx={{ flexGrow: 1 }}>
            <Typography variant="h5" component="h1">
              {experiment.title}
            </Typography>
            <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5 }}>
              <StateChip />
              <DeadlineCountdown />
            </Stack>
          </Box>
          <Stack direction="row" spacing={1} className="no-print" useFlexGap flexWrap="wrap">
            <EditFramingButton experiment={experiment} />
            <Button startIcon={<PrintIcon />} onClick={() => window.print()} variant="outlined">
              {translate('app.tape.print')}
            </Button>
            <Button
              startIcon={<EventIcon />}
              href={`${API_URL}/experiments/${experiment.id}/calendar.ics`}
              download
              variant="outlined"
            >
              {translate('app.calendar.experiment')}
            </Button>
          </Stack>
        </Stack>
        <Box sx={{ mb: 2 }}>
          <ExperimentActions experiment={experiment} />
        </Box>
        <LaunchRequestPanel experiment={experiment} />
        <DepartedPeoplePanel experiment={experiment} />
        <MyConsent experiment={experiment} />
        {experiment.algeco ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {translate('app.events.evaluationAlgeco')}
          </Alert>
        ) : null}
        <Section title="app.sections.hypothesis" testId="hypothesis">
          {experiment.hypothesisNeedsRevision ? (
            <Alert severity="warning" sx={{ mb: 1 }}>
              {translate('app.readiness.problems.hypothesisRevision')}
            </Alert>
          ) : null}
          <Typography variant="h6" component="p" sx={{ whiteSpace: 'pre-line', fontWeight: 400 }}>
            {experiment.hypothesis || '—'}
          </Typography>
          {experiment.vision ? (
            <Typography color="text.secondary" sx={{ whiteSpace: 'pre-line', mt: 1 }}>
              {translate('resources.experiments.fields.vision')} : {experiment.vision}
            </Typography>
          ) : null}
        </Section>
        {experiment.state === 'draft' ? (
          <Section title="app.sections.readiness" testId="readiness">
            <ReadinessChecklist experiment={experiment} />
          </Section>
        ) : null}
        <Section title="app.sections.framing">
          <ScopeAndPlace experiment={experiment} />
        </Section>
        <Section title="app.sections.criteria">
          <Criteria experiment={experiment} />
        </Section>
        <Section title="app.sections.people">
          <People experiment={experiment} />
        </Section>
        <Section title="app.sections.dates">
          <Dates experiment={experiment} />
        </Section>
        <Section title="app.sections.exitPlan">
          <ExitPlan experiment={experiment} />
        </Section>
        {experiment.state !== 'draft' && experiment.state !== 'cancelled' ? (
          <Section title="app.sections.checkIns">
            <CheckIns experiment={experiment} />
          </Section>
        ) : null}
        {COLLECTING_STATES.includes(experiment.state) ? (
          <Section title="app.sections.testimonies">
            <Testimonies experiment={experiment} />
          </Section>
        ) : null}
        {experiment.state !== 'cancelled' ? (
          <Section title="resources.questionnaires.title" testId="questionnaires">
            <ExperimentQuestionnaires experiment={experiment} />
          </Section>
        ) : null}
        {hasEvaluation(experiment) ? (
          <Section title="app.sections.evaluation">
            <EvaluationView experiment={experiment} />
          </Section>
        ) : null}
        {hasDecision(experiment) ? (
          <Section title="app.sections.decision">
            <DecisionView experiment={experiment} />
          </Section>
        ) : null}
        <Section title="app.sections.lineage">
          <Lineage experiment={experiment} />
        </Section>
        {/* Issue 16: its template, its original elsewhere, and how many organisations replicated it. */}
        <Section title="app.sections.provenance" testId="provenance-section">
          <Provenance experimentId={experiment.id} updatedAt={experiment.updatedAt} />
          <Box sx={{ mt: 1 }} className="no-print">
            <ReplicateButton
              experimentId={experiment.id}
              title={experiment.title}
              originalOrganizationId={experiment.organizationId}
            />
          </Box>
        </Section>
        <Section title="app.sections.timeline">
          <Timeline experiment={experiment} />
        </Section>
      </Box>
      <FicheTest experiment={experiment} />
    </Box>
  );
};

export const ExperimentShow = () => (
  <Show<Experiment> actions={false} component="div">
    <ExperimentView />
  </Show>
);
