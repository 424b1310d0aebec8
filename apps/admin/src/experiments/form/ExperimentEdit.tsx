import { EDITABLE_WHILE_RUNNING, updateExperimentSchema } from '@capacites/domain';
import { Alert, Typography } from '@mui/material';
import { useMemo, type ReactNode } from 'react';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  Edit,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SaveButton,
  SimpleFormIterator,
  Toolbar,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayInput, zodResolver } from '../../forms';
import { DEFAULT_TIME_ZONE, useOrganizationQuery } from '../../organizations';
import type { Experiment } from '../types';
import { CriteriaInput } from './CriteriaInput';
import { toFramingFormValues, toFramingPayload } from './framingPayload';

const Step = ({
  n,
  title,
  help,
  children,
}: {
  n: number;
  title: string;
  help?: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mt: n === 1 ? 0 : 3 }}>
        {n}. {translate(title)}
      </Typography>
      {help ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(help)}
        </Typography>
      ) : null}
      {children}
    </>
  );
};

const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const h = (name: string) => `resources.experiments.helpers.${name}`;
const userFilter = (q: string) => ({ q });
const BY_NAME = { field: 'displayName', order: 'ASC' } as const;

/** The guided framing form: one step per part of the source's advice. */
const FramingForm = () => {
  const record = useRecordContext<Experiment>();
  const { organization, isPending } = useOrganizationQuery(record?.organizationId);
  const translate = useTranslate();
  const state = record?.state ?? 'draft';
  const resolver = useMemo(
    () => zodResolver(updateExperimentSchema, { toBody: (values) => toFramingPayload(values, state) }),
    [state],
  );
  const defaults = useMemo(
    () => (record ? toFramingFormValues(record, organization?.timeZone ?? DEFAULT_TIME_ZONE) : {}),
    [record, organization?.timeZone],
  );
  // The expiry day depends on the organisation's time zone: the form waits for it, so
  // that a late answer never resets what the user typed.
  if (!record || isPending) return null;
  const running = state === 'running';
  // While running only vision and scope may change (the domain's EDITABLE_WHILE_RUNNING).
  const locked = (field: string) => running && !(EDITABLE_WHILE_RUNNING as readonly string[]).includes(field);
  const people = { organizationId: record.organizationId };
  return (
    // No delete button: a test is cancelled, never deleted (the API has no delete).
    <SimpleForm record={defaults} resolver={resolver} noValidate toolbar={<SaveOnlyToolbar />}>
      {running ? <Alert severity="info">{translate(h('runningLocked'))}</Alert> : null}
      <Step n={1} title="app.sections.hypothesis" help={h('hypothesis')}>
        <TextInput source="title" disabled={locked('title')} fullWidth helperText={h('title')} />
        <TextInput
          source="hypothesis"
          multiline
          minRows={3}
          disabled={locked('hypothesis')}
          fullWidth
          helperText={false}
        />
        <TextInput source="vision" multiline minRows={2} fullWidth helperText={h('vision')} />
      </Step>
      <Step n={2} title="resources.experiments.fields.scope" help={h('scope')}>
        <TextInput source="scope" multiline minRows={2} fullWidth helperText={false} />
        {/* The organisation's tracks and the shared ones, archived ones aside (the current one still shows). */}
        <ReferenceInput
          source="trackId"
          reference="tracks"
          sort={{ field: 'name', order: 'ASC' }}
          filter={{ archived: false, organizationId: record.organizationId }}
        >
          <SelectInput optionText="name" emptyText="—" disabled={locked('trackId')} />
        </ReferenceInput>
      </Step>
      <Step n={3} title="app.sections.criteria" help={h('criteria')}>
        <CriteriaInput disabled={locked('criteria')} />
      </Step>
      <Step n={4} title="app.sections.people" help={h('pilots')}>
        <ReferenceArrayInput source="pilotIds" reference="users" filter={people} sort={BY_NAME}>
          <AutocompleteArrayInput
            optionText="displayName"
            filterToQuery={userFilter}
            disabled={locked('pilotIds')}
            fullWidth
          />
        </ReferenceArrayInput>
        <ReferenceInput source="sponsorId" reference="users" filter={people} sort={BY_NAME}>
          <AutocompleteInput
            optionText="displayName"
            filterToQuery={userFilter}
            disabled={locked('sponsorId')}
            helperText={h('sponsor')}
            fullWidth
          />
        </ReferenceInput>
        <ArrayInput source="participants" helperText={h('participants')}>
          <SimpleFormIterator inline disableReordering disabled={locked('participants')}>
            <ReferenceInput source="userId" reference="users" filter={people} sort={BY_NAME}>
              <AutocompleteInput
                optionText="displayName"
                filterToQuery={userFilter}
                label="resources.experiments.fields.userId"
                sx={{ minWidth: 280 }}
              />
            </ReferenceInput>
          </SimpleFormIterator>
        </ArrayInput>
      </Step>
      <Step n={5} title="app.sections.dates">
        <DayInput source="expiresOn" disabled={locked('expiresOn')} helperText={h('expiresOn')} />
        <NumberInput
          source="checkInCadenceDays"
          min={1}
          max={90}
          disabled={locked('checkInCadenceDays')}
          helperText={h('checkInCadenceDays')}
        />
      </Step>
      <Step n={6} title="app.sections.exitPlan" help={h('exitPlan')}>
        <TextInput
          source="exitPlan.pilotWithdrawal"
          multiline
          fullWidth
          disabled={locked('exitPlan')}
          helperText={false}
        />
        <TextInput
          source="exitPlan.takeover"
          multiline
          fullWidth
          disabled={locked('exitPlan')}
          helperText={false}
        />
      </Step>
    </SimpleForm>
  );
};

export const ExperimentEdit = () => (
  <Edit<Experiment>
    mutationMode="pessimistic"
    redirect="show"
    transform={(data: Experiment) => toFramingPayload(data, data.state) as Experiment}
  >
    <FramingForm />
  </Edit>
);
