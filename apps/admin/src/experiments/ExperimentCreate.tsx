import {
  Create,
  maxLength,
  minLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { withoutEmptyFields } from './payload';

// Limits of the domain's createExperimentSchema, checked again by the API.
const TITLE_MIN = 3;
const TITLE_MAX = 200;
const TEXT_MAX = 4000;

export const ExperimentCreate = () => (
  <Create redirect="show" transform={withoutEmptyFields}>
    <SimpleForm>
      <ReferenceInput
        source="organizationId"
        reference="organizations"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={100}
      >
        <SelectInput optionText="name" validate={required()} fullWidth />
      </ReferenceInput>
      <TextInput
        source="title"
        validate={[required(), minLength(TITLE_MIN), maxLength(TITLE_MAX)]}
        helperText="resources.experiments.helpers.title"
        fullWidth
      />
      <TextInput
        source="hypothesis"
        multiline
        minRows={3}
        validate={maxLength(TEXT_MAX)}
        helperText="resources.experiments.helpers.hypothesis"
        fullWidth
      />
      <TextInput
        source="vision"
        multiline
        minRows={2}
        validate={maxLength(TEXT_MAX)}
        helperText="resources.experiments.helpers.vision"
        fullWidth
      />
      <TextInput
        source="scope"
        multiline
        minRows={2}
        validate={maxLength(TEXT_MAX)}
        helperText="resources.experiments.helpers.scope"
        fullWidth
      />
    </SimpleForm>
  </Create>
);
