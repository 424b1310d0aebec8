import {
  checkInSchema,
  criteriaAmendmentSchema,
  decisionSchema,
  evaluationSchema,
  extensionRequestSchema,
  optionalReasonSchema,
  reasonSchema,
  reassignmentSchema,
  OUTCOMES,
  VERDICTS,
  WEATHERS,
  type Criterion,
  type LifecycleAction,
  type UsersVoiceSummary,
} from '@capacites/domain';
import type { ComponentType } from 'react';
import { z } from 'zod';
import { Box, Typography } from '@mui/material';
import {
  FormDataConsumer,
  NullableBooleanInput,
  NumberInput,
  RadioButtonGroupInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { DayInput } from '../../forms';
import { CriterionVoice, UsersVoiceNote } from '../../questionnaires/evaluation/UsersVoicePanel';
import { CriteriaInput, normalizeCriteria } from '../form/CriteriaInput';
import type { Experiment } from '../types';
import { WeatherIcon } from '../WeatherIcon';
import { PendingExtension } from './PendingExtension';
import { LaunchRequestPanel } from '../../launch-approval';
import { ReassignFields } from '../../orphans';

type Values = Record<string, unknown>;

/** What a form is built from: the experiment, and the criteria in force now (amendments included). */
export interface ActionContext {
  experiment: Experiment;
  criteria: Criterion[];
  /** What the questionnaires say (GET /experiments/:id/users-voice), for the evaluation; null when unknown. */
  usersVoice?: UsersVoiceSummary | null;
}

/** How one lifecycle action is asked for: its fields, their defaults, the body sent. */
export interface ActionForm {
  schema: z.ZodType;
  defaults: (context: ActionContext) => Values;
  toBody?: (values: Values) => Values;
  refinements?: Record<string, string>;
  aliases?: Record<string, string>;
  Fields?: ComponentType<ActionContext>;
  /** Built from the current criteria: the dialog reads them (GET /experiments/:id/criteria) first. */
  needsCriteria?: boolean;
  /** Shows and pre-fills what the questionnaires say: the dialog reads it first. */
  needsUsersVoice?: boolean;
  /** Irreversible or stopping: shown in the warning colour. */
  serious?: boolean;
}

const withoutBlank = (values: Values): Values =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));

const multiline = { multiline: true, minRows: 2, fullWidth: true } as const;

const ReasonFields = () => <TextInput source="reason" {...multiline} />;

const CheckInFields = () => {
  const translate = useTranslate();
  return (
    <>
      <RadioButtonGroupInput
        source="weather"
        choices={WEATHERS.map((weather) => ({ id: weather, name: `app.weather.${weather}` }))}
        optionText={(choice: { id: (typeof WEATHERS)[number]; name: string }) => (
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <WeatherIcon weather={choice.id} />
            {translate(choice.name)}
          </Box>
        )}
      />
      <TextInput source="progress" {...multiline} />
      <TextInput source="blockers" {...multiline} />
    </>
  );
};

const ExtensionFields = () => (
  <>
    <DayInput source="newExpiryDate" />
    <TextInput source="justification" {...multiline} />
  </>
);

/** The sponsor decides on the request itself: its new date and justification come first. */
const ExtensionDecisionFields = ({ experiment }: ActionContext) => (
  <>
    <PendingExtension experiment={experiment} />
    <ReasonFields />
  </>
);

/** The approver decides on the request itself: who asked, when, then an optional reason. */
const LaunchDecisionFields = ({ experiment }: ActionContext) => (
  <>
    <LaunchRequestPanel experiment={experiment} />
    <ReasonFields />
  </>
);

const AmendCriteriaFields = () => (
  <>
    <CriteriaInput />
    <TextInput source="reason" {...multiline} />
  </>
);

// An array input shown as one comma-separated text field.
const formatSources = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
/**
 * The sources typed, split at the commas between them: not those inside brackets or French
 * quotes, as in the pre-filled « Questionnaire « Pulse » (équipe testeuse, 12 réponses) ».
 */
export const parseSources = (value: string): string[] => {
  const sources: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(' || char === '«') depth += 1;
    if ((char === ')' || char === '»') && depth > 0) depth -= 1;
    if (char === ',' && depth === 0) {
      sources.push(current);
      current = '';
    } else current += char;
  }
  sources.push(current);
  return sources.map((s) => s.trim()).filter(Boolean);
};

/** One result per criterion in force now: the workflow refuses an evaluation of other criteria. */
const EvaluationFields = ({ criteria, usersVoice = null }: ActionContext) => {
  const translate = useTranslate();
  return (
    <>
      <RadioButtonGroupInput
        source="verdict"
        choices={VERDICTS.map((verdict) => ({ id: verdict, name: `app.verdicts.${verdict}` }))}
        row={false}
      />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        {translate('resources.experiments.fields.criterionResults')}
      </Typography>
      {criteria.map((criterion, index) => (
        <Box key={criterion.id}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
            <TextInput
              source={`criterionResults.${index}.result`}
              label={criterion.name}
              {...multiline}
              minRows={1}
            />
            <NullableBooleanInput
              source={`criterionResults.${index}.met`}
              label="resources.experiments.fields.met"
              sx={{ minWidth: 140 }}
            />
          </Box>
          {/* The questionnaires' answers on this criterion: read beside the result, never written for the evaluator. */}
          <CriterionVoice summary={usersVoice} criterionId={criterion.id} />
        </Box>
      ))}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        {translate('app.sections.evaluation')}
      </Typography>
      <UsersVoiceNote summary={usersVoice} />
      <TextInput source="usersVoice.sources" format={formatSources} parse={parseSources} fullWidth />
      <NumberInput source="usersVoice.count" min={0} />
      <TextInput source="usersVoice.noneReason" {...multiline} />
      <TextInput source="learnings" {...multiline} minRows={3} />
    </>
  );
};

const DecisionFields = () => (
  <>
    <RadioButtonGroupInput
      source="outcome"
      choices={OUTCOMES.map((outcome) => ({ id: outcome, name: `app.outcomes.${outcome}` }))}
    />
    <TextInput source="rationale" {...multiline} />
    <FormDataConsumer<{ outcome?: string }>>
      {({ formData }) =>
        formData.outcome === 'perpetuate' ? (
          <>
            <TextInput source="handover.pilotWithdrawal" {...multiline} />
            <TextInput source="handover.takeover" {...multiline} />
          </>
        ) : formData.outcome === 'iterate' ? (
          <TextInput source="nextFocus" {...multiline} />
        ) : null
      }
    </FormDataConsumer>
  </>
);

const optionalReason: ActionForm = {
  schema: optionalReasonSchema,
  defaults: () => ({ reason: '' }),
  toBody: withoutBlank,
  Fields: ReasonFields,
};

export const ACTION_FORMS: Record<LifecycleAction, ActionForm> = {
  launch: { schema: z.object({}).strict(), defaults: () => ({}) },
  cancel: { ...optionalReason, serious: true },
  recordCheckIn: {
    schema: checkInSchema,
    defaults: () => ({ weather: undefined, progress: '', blockers: '' }),
    Fields: CheckInFields,
  },
  requestExtension: {
    schema: extensionRequestSchema,
    defaults: () => ({ newExpiryDate: '', justification: '' }),
    Fields: ExtensionFields,
  },
  approveExtension: { ...optionalReason, Fields: ExtensionDecisionFields },
  refuseExtension: { ...optionalReason, Fields: ExtensionDecisionFields },
  stopEarly: { schema: reasonSchema, defaults: () => ({ reason: '' }), Fields: ReasonFields, serious: true },
  amendCriteria: {
    schema: criteriaAmendmentSchema,
    // From the criteria in force, not those of the launch: a second amendment builds on the first.
    defaults: ({ criteria }) => ({ criteria, reason: '' }),
    needsCriteria: true,
    toBody: (values) => ({ ...values, criteria: normalizeCriteria(values.criteria) }),
    Fields: AmendCriteriaFields,
  },
  submitEvaluation: {
    schema: evaluationSchema,
    defaults: ({ criteria, usersVoice }) => ({
      verdict: undefined,
      criterionResults: criteria.map((c) => ({
        criterionId: c.id,
        result: '',
        met: null,
      })),
      // Pre-filled from the real answers (issue 14): the sources and the count of respondents.
      usersVoice:
        usersVoice && usersVoice.usersVoice.count > 0
          ? { sources: usersVoice.usersVoice.sources, count: usersVoice.usersVoice.count, noneReason: '' }
          : { sources: [], count: 0, noneReason: '' },
      learnings: '',
    }),
    toBody: (values) => {
      const voice = (values.usersVoice ?? {}) as Values;
      return { ...values, usersVoice: { ...voice, count: Number(voice.count ?? 0) } };
    },
    refinements: { usersVoice: 'app.validation.usersVoice' },
    aliases: { usersVoice: 'usersVoice.noneReason' },
    Fields: EvaluationFields,
    needsCriteria: true,
    needsUsersVoice: true,
  },
  // Launch approval (four-eyes): the request shows what is asked before anyone decides.
  requestLaunch: { schema: z.object({}).strict(), defaults: () => ({}) },
  approveLaunch: { ...optionalReason, Fields: LaunchDecisionFields },
  refuseLaunch: { schema: reasonSchema, defaults: () => ({ reason: '' }), Fields: LaunchDecisionFields },
  withdrawLaunchRequest: optionalReason,
  reassignPeople: {
    schema: reassignmentSchema,
    defaults: ({ experiment }) => ({
      pilotIds: experiment.pilotIds ?? [],
      sponsorId: experiment.sponsorId ?? null,
      reason: '',
    }),
    Fields: ReassignFields,
  },
  decide: {
    schema: decisionSchema,
    defaults: () => ({ outcome: undefined, rationale: '', nextFocus: '' }),
    toBody: ({ outcome, rationale, handover, nextFocus }) => ({
      outcome,
      rationale,
      ...(outcome === 'perpetuate' ? { handover: handover ?? {} } : {}),
      ...(outcome === 'iterate' && typeof nextFocus === 'string' && nextFocus.trim() ? { nextFocus } : {}),
    }),
    refinements: { handover: 'app.validation.handover' },
    aliases: { handover: 'handover.pilotWithdrawal' },
    Fields: DecisionFields,
  },
};
