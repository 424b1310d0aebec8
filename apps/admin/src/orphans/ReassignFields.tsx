import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  TextInput,
} from 'react-admin';
import type { Experiment } from '../experiments/types';
import { DepartedPeoplePanel } from './DepartedPeoplePanel';

const userFilter = (q: string) => ({ q });
const BY_NAME = { field: 'displayName', order: 'ASC' } as const;

/** The new pilots and sponsor, among the organisation's active people, and why. */
export const ReassignFields = ({ experiment }: { experiment: Experiment }) => {
  const people = { organizationId: experiment.organizationId, disabled: false };
  return (
    <>
      <DepartedPeoplePanel experiment={experiment} />
      <ReferenceArrayInput source="pilotIds" reference="users" filter={people} sort={BY_NAME}>
        <AutocompleteArrayInput
          optionText="displayName"
          filterToQuery={userFilter}
          label="resources.experiments.fields.pilotIds"
          fullWidth
        />
      </ReferenceArrayInput>
      <ReferenceInput source="sponsorId" reference="users" filter={people} sort={BY_NAME}>
        <AutocompleteInput
          optionText="displayName"
          filterToQuery={userFilter}
          label="resources.experiments.fields.sponsorId"
          fullWidth
        />
      </ReferenceInput>
      <TextInput source="reason" multiline minRows={2} fullWidth />
    </>
  );
};
