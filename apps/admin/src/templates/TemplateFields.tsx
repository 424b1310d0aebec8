import { QUESTION_KINDS, QUESTIONNAIRE_AUDIENCES, SKELETON_WINDOWS } from '@capacites/domain';
import { Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { hasAnyRole, usePrincipal } from '../access';
import { CriteriaInput } from '../experiments/form/CriteriaInput';
import { NEW_CRITERION_PREFIX } from './types';

const choicesOf = (values: readonly string[], prefix: string) =>
  values.map((value) => ({ id: value, name: `${prefix}.${value}` }));

/** Whose template: the network's (platform admin only) or one organisation's. Fixed once created. */
export const TemplateOwnerInput = () => {
  const principal = usePrincipal();
  const admin = hasAnyRole(principal, ['admin']);
  return (
    <ReferenceInput
      source="organizationId"
      reference="organizations"
      sort={{ field: 'name', order: 'ASC' }}
      perPage={200}
    >
      <SelectInput
        optionText="name"
        // HR writes its organisation's templates only: no "shared" choice for them.
        emptyText={admin ? 'resources.templates.shared' : undefined}
        helperText={
          admin
            ? 'resources.templates.helpers.organizationIdAdmin'
            : 'resources.templates.helpers.organizationId'
        }
        sx={{ maxWidth: 600 }}
      />
    </ReferenceInput>
  );
};

/** The active tracks the template's owner may use. */
const TrackInput = () => {
  const organizationId = useWatch({ name: 'organizationId' }) as string | null | undefined;
  return (
    <ReferenceInput
      source="trackId"
      reference="tracks"
      sort={{ field: 'name', order: 'ASC' }}
      filter={organizationId ? { organizationId, archived: false } : { archived: false }}
    >
      <SelectInput
        optionText="name"
        helperText="resources.templates.helpers.trackId"
        sx={{ maxWidth: 600 }}
      />
    </ReferenceInput>
  );
};

/** Which of the template's criteria a question informs (criteria added meanwhile included). */
const CriterionOfQuestion = () => {
  const translate = useTranslate();
  const criteria = (useWatch({ name: 'criteria' }) ?? []) as ({ id?: string; name?: string } | null)[];
  const choices = criteria.map((criterion, index) => ({
    id: criterion?.id || `${NEW_CRITERION_PREFIX}${index}`,
    name: criterion?.name || translate('resources.templates.criterionNumber', { n: index + 1 }),
  }));
  return (
    <SelectInput
      source="criterionId"
      label="resources.templates.fields.question.criterionId"
      choices={choices}
      emptyText="resources.templates.noCriterion"
      sx={{ minWidth: 220 }}
    />
  );
};

const QuestionInputs = () => (
  <ArrayInput source="questions" label="resources.templates.fields.questionnaire.questions">
    <SimpleFormIterator disableReordering>
      <SelectInput
        source="kind"
        label="resources.templates.fields.question.kind"
        choices={choicesOf(QUESTION_KINDS, 'resources.templates.kinds')}
        sx={{ minWidth: 220 }}
      />
      <TextInput source="label" label="resources.templates.fields.question.label" fullWidth />
      <TextInput source="help" label="resources.templates.fields.question.help" fullWidth />
      <FormDataConsumer>
        {({ scopedFormData }) =>
          scopedFormData?.kind === 'singleChoice' || scopedFormData?.kind === 'multipleChoice' ? (
            <TextInput
              source="options"
              label="resources.templates.fields.question.options"
              helperText="resources.templates.helpers.options"
              multiline
              minRows={2}
              fullWidth
              // One choice per line; empty lines are dropped when saved.
              format={(value: unknown) => (Array.isArray(value) ? value.join('\n') : (value ?? ''))}
              parse={(value: string) => value.split('\n')}
            />
          ) : scopedFormData?.kind === 'scale' ? (
            <>
              <TextInput source="minLabel" label="resources.templates.fields.question.minLabel" />
              <TextInput source="maxLabel" label="resources.templates.fields.question.maxLabel" />
            </>
          ) : null
        }
      </FormDataConsumer>
      <CriterionOfQuestion />
      <BooleanInput source="required" label="resources.templates.fields.question.required" />
    </SimpleFormIterator>
  </ArrayInput>
);

/** Everything a template proposes to a new test: the same sections as a test's framing. */
export const TemplateFields = ({ withOwner }: { withOwner: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="name" sx={{ maxWidth: 600 }} fullWidth />
      <TextInput source="description" multiline minRows={2} fullWidth />
      {withOwner ? <TemplateOwnerInput /> : null}
      <TrackInput />
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate('resources.templates.sections.framing')}
      </Typography>
      <TextInput
        source="hypothesis"
        multiline
        minRows={3}
        helperText="resources.templates.helpers.hypothesis"
        fullWidth
      />
      <TextInput source="vision" multiline minRows={2} fullWidth />
      <TextInput source="scope" multiline minRows={2} fullWidth />
      <CriteriaInput />
      <NumberInput
        source="durationDays"
        min={1}
        max={1095}
        step={1}
        helperText="resources.templates.helpers.durationDays"
        sx={{ maxWidth: 300 }}
      />
      <NumberInput source="checkInCadenceDays" min={1} max={90} step={1} sx={{ maxWidth: 300 }} />
      <TextInput source="exitPlan.pilotWithdrawal" multiline fullWidth />
      <TextInput source="exitPlan.takeover" multiline fullWidth />
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate('resources.templates.sections.questionnaires')}
      </Typography>
      <ArrayInput source="questionnaires" helperText="resources.templates.helpers.questionnaires">
        <SimpleFormIterator disableReordering>
          <TextInput source="title" label="resources.templates.fields.questionnaire.title" fullWidth />
          <TextInput
            source="intro"
            label="resources.templates.fields.questionnaire.intro"
            multiline
            fullWidth
          />
          <SelectInput
            source="audience"
            label="resources.templates.fields.questionnaire.audience"
            choices={choicesOf(QUESTIONNAIRE_AUDIENCES, 'resources.templates.audiences')}
          />
          <SelectInput
            source="window"
            label="resources.templates.fields.questionnaire.window"
            choices={choicesOf(SKELETON_WINDOWS, 'resources.templates.windows')}
          />
          <QuestionInputs />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
};
