import { createExperimentSchema } from '@capacites/domain';
import { Alert } from '@mui/material';
import {
  Create,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { TemplatePicker } from '../../templates/TemplatePicker';
import { usePrincipal } from '../../access';
import { zodResolver } from '../../forms';
import { withoutEmptyFields } from '../payload';

/** A template gives its own track: a track picked before the template is left out. */
const createBody = (data: Record<string, unknown>): Record<string, unknown> => {
  const body = withoutEmptyFields(data);
  if (body.templateId) delete body.trackId;
  return body;
};

const resolver = zodResolver(createExperimentSchema, { toBody: createBody });

/**
 * Step 1 of the guided form: what the test is about. The draft is then opened in the
 * edit form for the rest of its framing (the API creates drafts from these fields).
 */
export const ExperimentCreate = () => {
  const translate = useTranslate();
  const principal = usePrincipal();
  // Most people belong to one organisation: it is chosen for them.
  const organizations = [...new Set(principal?.memberships.map((m) => m.organizationId) ?? [])];
  const defaultValues = organizations.length === 1 ? { organizationId: organizations[0] } : {};
  // The form waits for the user's memberships, so that its defaults are known before typing.
  if (!principal) return null;
  return (
    <Create redirect="edit" transform={createBody}>
      <SimpleForm resolver={resolver} defaultValues={defaultValues} noValidate>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('resources.experiments.helpers.createNext')}
        </Alert>
        <ReferenceInput
          source="organizationId"
          reference="organizations"
          sort={{ field: 'name', order: 'ASC' }}
          perPage={100}
        >
          <SelectInput optionText="name" fullWidth />
        </ReferenceInput>
        {/* Issue 16: a new test from a template (which then gives the track). */}
        <TemplatePicker />
        <TextInput source="title" helperText="resources.experiments.helpers.title" fullWidth />
        <TextInput
          source="hypothesis"
          multiline
          minRows={3}
          helperText="resources.experiments.helpers.hypothesis"
          fullWidth
        />
        <TextInput
          source="vision"
          multiline
          minRows={2}
          helperText="resources.experiments.helpers.vision"
          fullWidth
        />
        <TextInput
          source="scope"
          multiline
          minRows={2}
          helperText="resources.experiments.helpers.scope"
          fullWidth
        />
        {/* Archived tracks are not offered to new tests; a template gives its own track. */}
        <FormDataConsumer>
          {({ formData }) =>
            formData.templateId ? null : (
              <ReferenceInput
                source="trackId"
                reference="tracks"
                sort={{ field: 'name', order: 'ASC' }}
                filter={{ archived: false }}
              >
                <SelectInput optionText="name" fullWidth emptyText="—" />
              </ReferenceInput>
            )
          }
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};
