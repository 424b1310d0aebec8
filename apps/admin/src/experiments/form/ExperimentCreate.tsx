import { createExperimentSchema } from '@capacites/domain';
import { Alert } from '@mui/material';
import { Create, ReferenceInput, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { usePrincipal } from '../../access';
import { zodResolver } from '../../forms';
import { withoutEmptyFields } from '../payload';

const resolver = zodResolver(createExperimentSchema, { toBody: withoutEmptyFields });

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
    <Create redirect="edit" transform={withoutEmptyFields}>
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
        {/* Archived tracks are not offered to new tests. */}
        <ReferenceInput
          source="trackId"
          reference="tracks"
          sort={{ field: 'name', order: 'ASC' }}
          filter={{ archived: false }}
        >
          <SelectInput optionText="name" fullWidth emptyText="—" />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
};
