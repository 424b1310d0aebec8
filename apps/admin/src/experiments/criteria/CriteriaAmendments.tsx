import {
  diffCriteria,
  type CriteriaAmendmentView,
  type Criterion,
  type CriterionField,
} from '@capacites/domain';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useOrganizationDateFormat } from '../../organizations';
import { UserName } from '../show/UserName';

type Translate = (key: string, options?: object) => string;

const f = (field: string) => `resources.experiments.fields.criterion.${field}`;

/** A field's value in words: the flag as yes/no, an empty text as a dash. */
function valueOf(criterion: Criterion, field: CriterionField, translate: Translate): string {
  const value = criterion[field];
  if (typeof value === 'boolean') return translate(value ? 'app.yes' : 'app.no');
  return value ? translate('app.amendments.quoted', { value }) : '—';
}

/** A whole criterion in one line: its name, then how and what it measures. */
function describe(criterion: Criterion, translate: Translate): string {
  const details = [
    criterion.method ? `${translate(f('method'))} : ${criterion.method}` : '',
    criterion.target ? `${translate(f('target'))} : ${criterion.target}` : '',
    criterion.coBuiltWithUsers ? translate(f('coBuiltWithUsers')) : '',
  ].filter(Boolean);
  return details.length > 0 ? `${criterion.name} (${details.join(' ; ')})` : criterion.name;
}

/** What one amendment changed, as sentences: added, removed, and each modified field before → after. */
export function amendmentChanges(amendment: CriteriaAmendmentView, translate: Translate): string[] {
  const diff = diffCriteria(amendment.previous, amendment.criteria);
  return [
    ...diff.added.map((c) => translate('app.amendments.added', { criterion: describe(c, translate) })),
    ...diff.removed.map((c) => translate('app.amendments.removed', { criterion: describe(c, translate) })),
    ...diff.modified.map(({ before, after, fields }) =>
      translate('app.amendments.modified', {
        criterion: before.name,
        changes: fields
          .map((field) =>
            translate('app.amendments.change', {
              field: translate(f(field)),
              before: valueOf(before, field, translate),
              after: valueOf(after, field, translate),
            }),
          )
          .join(' ; '),
      }),
    ),
  ];
}

/**
 * Every amendment of the criteria since launch, oldest first: when, who, why, and what it
 * changed. The launch criteria stay readable through the first amendment's changes.
 */
export const CriteriaAmendments = ({
  amendments,
  organizationId,
}: {
  amendments: CriteriaAmendmentView[];
  organizationId: string;
}) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(organizationId);
  if (amendments.length === 0) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="criteria-amendments">
      <Typography variant="subtitle1" component="h3">
        {translate('app.amendments.title', { smart_count: amendments.length })}
      </Typography>
      <Box component="ol" sx={{ pl: 2.5, m: 0 }}>
        {amendments.map((amendment, index) => {
          const changes = amendmentChanges(amendment, translate);
          return (
            <Box component="li" key={amendment.id} data-amendment={index + 1} sx={{ mb: 1.5 }}>
              <Typography variant="body2" color="text.secondary" component="div">
                {translate('app.amendments.when', { date: format(amendment.amendedAt, true) })}{' '}
                <UserName id={amendment.amendedBy} />
              </Typography>
              <Typography component="div" sx={{ whiteSpace: 'pre-line' }}>
                <strong>{translate('app.amendments.reason')} : </strong>
                {amendment.reason}
              </Typography>
              {changes.length === 0 ? (
                <Typography variant="body2">{translate('app.amendments.unchanged')}</Typography>
              ) : (
                <Box component="ul" sx={{ pl: 2, my: 0.5 }} data-testid="amendment-changes">
                  {changes.map((change) => (
                    <li key={change}>
                      <Typography variant="body2" component="span">
                        {change}
                      </Typography>
                    </li>
                  ))}
                </Box>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
};
