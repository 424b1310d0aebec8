// ra-language-english is installed as a dependency of react-admin; the root
// package.json does not list it yet (it should, next time dependencies change).
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import type { CapacitesMessages } from './fr';

const enCapacitesMessages: CapacitesMessages = {
  app: {
    title: 'Capacités',
  },
  resources: {
    experiments: {
      name: 'Experiment |||| Experiments',
      fields: {
        id: 'Id',
        q: 'Search',
        organizationId: 'Organisation',
        trackId: 'Track',
        title: 'Title',
        hypothesis: 'Hypothesis',
        vision: 'Vision (ideal project)',
        scope: 'Scope',
        state: 'State',
        expiresAt: 'Expiry date',
        iteration: 'Iteration',
        parentId: 'Original experiment',
        createdAt: 'Created on',
        updatedAt: 'Updated on',
      },
      helpers: {
        title: 'A short name saying what the experiment is about (3 to 200 characters).',
        hypothesis:
          'An experiment verifies a hypothesis: what you believe true and the experiment will confirm or refute.',
        vision: 'The ideal project, the vision this hypothesis serves.',
        scope: 'The services, sites and people the experiment concerns.',
      },
      states: {
        draft: 'Draft',
        running: 'Running',
        evaluating: 'Evaluating',
        deciding: 'Deciding',
        cancelled: 'Cancelled',
        perpetuated: 'Perpetuated',
        abandoned: 'Abandoned',
        iterated: 'Iterated',
      },
    },
    organizations: {
      name: 'Organisation |||| Organisations',
      fields: {
        id: 'Id',
        slug: 'Slug',
        name: 'Name',
        kind: 'Kind',
        timeZone: 'Time zone',
      },
      kinds: {
        commune: 'Municipality',
        epci: 'Inter-municipal body (EPCI)',
        departement: 'Department',
        region: 'Region',
        ccas: 'Social action centre (CCAS)',
        carsat: 'Pension and occupational health fund (CARSAT)',
        other: 'Other',
      },
    },
  },
};

export const enMessages: TranslationMessages = {
  ...englishMessages,
  ...enCapacitesMessages,
};
