import {
  createQuestionnaireSchema,
  QUESTION_KINDS,
  QUESTIONNAIRE_AUDIENCES,
  QUESTIONNAIRE_LIMITS,
  QUESTIONNAIRE_WINDOW_KINDS,
  updateQuestionnaireSchema,
  type Criterion,
} from '@capacites/domain';
import { Alert, Box, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  FormDataConsumer,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { useMemo } from 'react';
import type { FieldValues, Resolver } from 'react-hook-form';
import { DayInput, zodResolver } from '../../forms';
import { newQuestion, toQuestionnaireBody, type QuestionnaireValues } from './formValues';

const k = (name: string) => `resources.questionnaires.fields.${name}`;
const h = (name: string) => `resources.questionnaires.helpers.${name}`;

/** The schema's errors on `questions.N.options` are shown under the options' text field. */
function questionnaireResolver(creating: boolean): Resolver<FieldValues> {
  const base = zodResolver<FieldValues>(creating ? createQuestionnaireSchema : updateQuestionnaireSchema, {
    toBody: (values) => toQuestionnaireBody(values as QuestionnaireValues),
  });
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const questions = (result.errors as { questions?: unknown }).questions;
    if (Array.isArray(questions))
      for (const error of questions as (Record<string, unknown> | undefined)[])
        if (error?.options) {
          error.optionsText = error.options;
          delete error.options;
        }
    return result;
  };
}

const QuestionFields = ({ criteria }: { criteria: Criterion[] }) => {
  const translate = useTranslate();
  return (
    <ArrayInput source="questions" label={k('questions')}>
      <SimpleFormIterator
        getItemDefaults={() => newQuestion()}
        fullWidth
        sx={{ '& .RaSimpleFormIterator-line': { borderBottom: 1, borderColor: 'divider', pb: 2, mb: 2 } }}
      >
        <SelectInput
          source="kind"
          label={k('kind')}
          choices={QUESTION_KINDS.map((kind) => ({
            id: kind,
            name: `resources.questionnaires.kinds.${kind}`,
          }))}
        />
        <TextInput source="label" label={k('label')} fullWidth />
        <TextInput source="help" label={k('help')} helperText={h('help')} fullWidth />
        <FormDataConsumer<QuestionnaireValues>>
          {({ scopedFormData }) => {
            const kind = (scopedFormData as { kind?: string } | undefined)?.kind;
            if (kind === 'scale')
              return (
                <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                  <TextInput source="minLabel" label={k('minLabel')} helperText={h('minLabel')} />
                  <TextInput source="maxLabel" label={k('maxLabel')} helperText={h('maxLabel')} />
                </Box>
              );
            if (kind === 'singleChoice' || kind === 'multipleChoice')
              return (
                <TextInput
                  source="optionsText"
                  label={k('options')}
                  helperText={translate(h('options'), { max: QUESTIONNAIRE_LIMITS.options })}
                  multiline
                  minRows={3}
                  fullWidth
                />
              );
            return null;
          }}
        </FormDataConsumer>
        <SelectInput
          source="criterionId"
          label={k('criterionId')}
          choices={criteria.map((criterion) => ({ id: criterion.id, name: criterion.name }))}
          emptyText={translate('resources.questionnaires.noCriterion')}
          helperText={h('criterionId')}
          sx={{ minWidth: 320 }}
        />
        <BooleanInput source="required" label={k('required')} />
        <FormDataConsumer<QuestionnaireValues>>
          {({ formData }) =>
            formData.audience === 'participants' ? (
              <BooleanInput source="anonymous" label={k('anonymous')} helperText={h('anonymous')} />
            ) : null
          }
        </FormDataConsumer>
      </SimpleFormIterator>
    </ArrayInput>
  );
};

interface QuestionnaireFormProps {
  creating: boolean;
  criteria: Criterion[];
  defaultValues: QuestionnaireValues;
}

/**
 * What the questionnaire asks, to whom and when, checked with the domain's schema before
 * anything is sent. Saved as a draft: nobody sees it until it is published.
 */
export const QuestionnaireForm = ({ creating, criteria, defaultValues }: QuestionnaireFormProps) => {
  const translate = useTranslate();
  const resolver = useMemo(() => questionnaireResolver(creating), [creating]);
  return (
    // The record too: in the edit view the saved questions (options as a list) must not be merged in.
    <SimpleForm resolver={resolver} record={defaultValues} defaultValues={defaultValues} noValidate>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('resources.questionnaires.helpers.draft')}
      </Alert>
      <TextInput source="title" label={k('title')} fullWidth />
      <TextInput source="intro" label={k('intro')} helperText={h('intro')} multiline minRows={2} fullWidth />
      <RadioButtonGroupInput
        source="audience"
        label={k('audience')}
        choices={QUESTIONNAIRE_AUDIENCES.map((a) => ({
          id: a,
          name: `resources.questionnaires.audiences.${a}`,
        }))}
        helperText={h('audience')}
        row={false}
      />
      <RadioButtonGroupInput
        source="window.kind"
        label={k('window')}
        choices={QUESTIONNAIRE_WINDOW_KINDS.map((w) => ({
          id: w,
          name: `resources.questionnaires.windows.${w}`,
        }))}
        helperText={h('window')}
        row={false}
      />
      <FormDataConsumer<QuestionnaireValues>>
        {({ formData }) =>
          formData.window?.kind === 'custom' ? (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <DayInput source="window.opensOn" label={k('opensOn')} />
              <DayInput source="window.closesOn" label={k('closesOn')} />
            </Box>
          ) : null
        }
      </FormDataConsumer>
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate(k('questions'))}
      </Typography>
      <QuestionFields criteria={criteria} />
    </SimpleForm>
  );
};
