import frenchMessages from 'ra-language-french';
import type { TranslationMessages } from 'react-admin';

/**
 * The product's own French messages. Keys mirror the model
 * (`resources.<resource>.fields.<field>`); `app.*` holds the few others.
 * Its shape is the contract every other locale must fill (see en.ts).
 */
export const frCapacitesMessages = {
  app: {
    title: 'Capacités',
  },
  resources: {
    experiments: {
      name: 'Test |||| Tests',
      fields: {
        id: 'Identifiant',
        q: 'Rechercher',
        organizationId: 'Organisation',
        trackId: 'Piste',
        title: 'Titre',
        hypothesis: 'Hypothèse',
        vision: 'Vision (projet idéal)',
        scope: 'Périmètre',
        state: 'État',
        expiresAt: 'Date de péremption',
        iteration: 'Itération',
        parentId: "Test d'origine",
        createdAt: 'Créé le',
        updatedAt: 'Modifié le',
      },
      helpers: {
        title: 'Un nom court qui dit de quoi parle le test (3 à 200 caractères).',
        hypothesis:
          'Un test vérifie une hypothèse : ce que vous pensez vrai et que le test va confirmer ou infirmer.',
        vision: 'Le projet idéal, la vision que sert cette hypothèse.',
        scope: 'Les services, sites et personnes concernés par le test.',
      },
      states: {
        draft: 'Brouillon',
        running: 'En cours',
        evaluating: 'En évaluation',
        deciding: 'En décision',
        cancelled: 'Annulé',
        perpetuated: 'Pérennisé',
        abandoned: 'Abandonné',
        iterated: 'Itéré',
      },
    },
    organizations: {
      name: 'Organisation |||| Organisations',
      fields: {
        id: 'Identifiant',
        slug: 'Identifiant court',
        name: 'Nom',
        kind: 'Type de collectivité',
        timeZone: 'Fuseau horaire',
      },
      kinds: {
        commune: 'Commune',
        epci: 'EPCI (intercommunalité)',
        departement: 'Département',
        region: 'Région',
        ccas: 'CCAS',
        carsat: 'CARSAT',
        other: 'Autre',
      },
    },
  },
};

export type CapacitesMessages = typeof frCapacitesMessages;

export const frMessages: TranslationMessages = {
  ...frenchMessages,
  ...frCapacitesMessages,
};
