// Pure code only: rendering react-admin components under jsdom needs a TextEncoder
// polyfill in the shared jest setup, which this project does not have yet.
import { EXPERIMENT_STATES as DOMAIN_STATES } from '@capacites/domain';
import { enMessages } from '../../i18n/en';
import { frMessages } from '../../i18n/fr';
import { withoutEmptyFields } from '../payload';
import { EXPERIMENT_STATES, stateLabelKey } from '../states';

const lookup = (messages: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('experiment states', () => {
  it("are the domain's states, in the lifecycle order", () => {
    expect(EXPERIMENT_STATES).toEqual(DOMAIN_STATES);
  });

  it('read "Brouillon" in French and "Draft" in English for a draft', () => {
    expect(lookup(frMessages, stateLabelKey('draft'))).toBe('Brouillon');
    expect(lookup(enMessages, stateLabelKey('draft'))).toBe('Draft');
  });

  it.each(EXPERIMENT_STATES)('have a French and an English label for "%s"', (state) => {
    expect(typeof lookup(frMessages, stateLabelKey(state))).toBe('string');
    expect(typeof lookup(enMessages, stateLabelKey(state))).toBe('string');
  });
});

describe('the experiment creation request', () => {
  it('leaves emptied optional fields out, since the API rejects nulls and unknown fields', () => {
    expect(
      withoutEmptyFields({
        organizationId: 'o1',
        title: 'Classeur médical partagé',
        hypothesis: null,
        vision: '',
        scope: undefined,
      }),
    ).toEqual({ organizationId: 'o1', title: 'Classeur médical partagé' });
  });
});
