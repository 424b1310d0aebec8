import { NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { OrganizationDateField } from '../organizations';
import { StateChip } from './StateChip';
import type { Experiment } from './types';

// Free text keeps the author's line breaks.
const prose = { whiteSpace: 'pre-line' } as const;

/** The hypothesis comes first: a test exists to verify it (DOMAIN.md, rule 1). */
export const ExperimentShow = () => (
  <Show<Experiment>>
    <SimpleShowLayout>
      <TextField source="hypothesis" sx={prose} emptyText="—" />
      <TextField source="vision" sx={prose} emptyText="—" />
      <TextField source="scope" sx={prose} emptyText="—" />
      <StateChip source="state" />
      <ReferenceField source="organizationId" reference="organizations" link={false}>
        <TextField source="name" />
      </ReferenceField>
      <OrganizationDateField source="expiresAt" />
      <NumberField source="iteration" />
      <ReferenceField source="parentId" reference="experiments" link="show" emptyText="—" />
      <OrganizationDateField source="createdAt" showTime />
      <OrganizationDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
