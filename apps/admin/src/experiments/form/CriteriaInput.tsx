import { ArrayInput, BooleanInput, SimpleFormIterator, TextInput } from 'react-admin';

/** The evaluation criteria, each with its "co-built with users" flag (edit and amendment forms). */
export const CriteriaInput = ({
  disabled = false,
  helperText,
}: {
  disabled?: boolean;
  helperText?: string;
}) => (
  <ArrayInput source="criteria" helperText={helperText}>
    <SimpleFormIterator inline disableReordering disabled={disabled}>
      <TextInput source="name" label="resources.experiments.fields.criterion.name" sx={{ minWidth: 260 }} />
      <TextInput
        source="method"
        label="resources.experiments.fields.criterion.method"
        sx={{ minWidth: 220 }}
      />
      <TextInput source="target" label="resources.experiments.fields.criterion.target" />
      <BooleanInput
        source="coBuiltWithUsers"
        label="resources.experiments.fields.criterion.coBuiltWithUsers"
        sx={{ minWidth: 260 }}
      />
    </SimpleFormIterator>
  </ArrayInput>
);

/** A stable id for a criterion added in the form (evaluation results refer to it). */
export const newCriterionId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Criteria as the API expects them: every one with an id and its optional fields filled. */
export function normalizeCriteria(criteria: unknown): unknown[] {
  if (!Array.isArray(criteria)) return [];
  return criteria.map((raw: Record<string, unknown> | null) => ({
    id: typeof raw?.id === 'string' && raw.id ? raw.id : newCriterionId(),
    name: raw?.name ?? '',
    method: raw?.method ?? '',
    target: raw?.target ?? '',
    coBuiltWithUsers: Boolean(raw?.coBuiltWithUsers),
  }));
}
