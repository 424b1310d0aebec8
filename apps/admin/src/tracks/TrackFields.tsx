import { ReferenceInput, SelectInput, TextInput } from 'react-admin';

export const TrackNameFields = () => (
  <>
    <TextInput source="name" sx={{ maxWidth: 600 }} />
    <TextInput source="description" multiline minRows={3} sx={{ maxWidth: 900 }} />
  </>
);

/** Who may use the track: every organisation (empty) or one of them. */
export const TrackOrganizationInput = () => (
  <ReferenceInput
    source="organizationId"
    reference="organizations"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={200}
  >
    <SelectInput
      optionText="name"
      emptyText="resources.tracks.shared"
      helperText="resources.tracks.helpers.organizationId"
      sx={{ maxWidth: 600 }}
    />
  </ReferenceInput>
);
