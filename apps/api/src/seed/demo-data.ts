import type { OrganizationKind, Role } from '@capacites/domain';

/**
 * Demo data of `npm start`, drawn from the tests that the report "Capacités publiques"
 * describes. Fixed ids make the seed idempotent.
 */
export const DEMO_PASSWORD = 'capacites-demo';

/** A verbatim of the source report ("Portage d'initiatives spontanées"). */
export const DEMO_TESTIMONY =
  'Les missions temporaires d’appui au projet permettent de décloisonner les compétences, sortir du fonctionnement en mondes parallèles.';

export interface DemoOrganization {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { id: '0b6f3c2e-5a41-4c1e-9d0a-1a2b3c4d5e01', slug: 'nantes', name: 'Ville de Nantes', kind: 'commune' },
  {
    id: '0b6f3c2e-5a41-4c1e-9d0a-1a2b3c4d5e02',
    slug: 'caluire-et-cuire',
    name: 'Ville de Caluire-et-Cuire',
    kind: 'commune',
  },
  {
    id: '0b6f3c2e-5a41-4c1e-9d0a-1a2b3c4d5e03',
    slug: 'cu-dunkerque',
    name: 'Communauté urbaine de Dunkerque',
    kind: 'epci',
  },
  {
    id: '0b6f3c2e-5a41-4c1e-9d0a-1a2b3c4d5e04',
    slug: 'gironde',
    name: 'Département de la Gironde',
    kind: 'departement',
  },
  {
    id: '0b6f3c2e-5a41-4c1e-9d0a-1a2b3c4d5e05',
    slug: 'cergy-pontoise',
    name: 'Cergy-Pontoise',
    kind: 'epci',
  },
];

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administratrice plateforme',
  hr: 'Équipe RH / transformation',
  pilot: 'Porteuse de test',
  sponsor: 'Portage institutionnel (DGA)',
  codir: 'Membre du CODIR',
  member: 'Agent·e testeur·euse',
};

export interface DemoUser {
  id: string;
  email: string;
  displayName: string;
  organizationId: string;
  role: Role;
}

/** One demo user per role in every organisation (the platform admin in Nantes only). */
export function demoUsers(): DemoUser[] {
  const roles: Role[] = ['hr', 'pilot', 'sponsor', 'codir', 'member'];
  const users: DemoUser[] = [];
  DEMO_ORGANIZATIONS.forEach((organization, o) => {
    for (const [r, role] of (o === 0 ? (['admin', ...roles] as Role[]) : roles).entries()) {
      users.push({
        id: `7c1d2e3f-4a5b-4c6d-8e7f-0000000${String(o + 1).padStart(2, '0')}${String(r + 1).padStart(3, '0')}`,
        email: `${role}@${organization.slug}.demo`,
        displayName: `${ROLE_LABELS[role]} (${organization.name})`,
        organizationId: organization.id,
        role,
      });
    }
  });
  return users;
}

/** Where each demo experiment is taken, so that the demo shows every stage of the lifecycle. */
export type DemoStage =
  | { stage: 'draft' }
  /** Running, expiring `minutes` after the first start: watch it stop live. */
  | { stage: 'expiring'; minutes: number }
  | { stage: 'running'; days: number }
  | { stage: 'evaluating' }
  | { stage: 'deciding' };

export interface DemoExperiment {
  organizationSlug: string;
  trackSlug: string;
  title: string;
  hypothesis: string;
  vision: string;
  scope: string;
  criteria: { id: string; name: string; method: string; target: string; coBuiltWithUsers: boolean }[];
  stage: DemoStage;
}

export const DEMO_EXPERIMENTS: DemoExperiment[] = [
  {
    organizationSlug: 'nantes',
    trackSlug: 'management-subsidiarite',
    title: 'Classeur médical partagé en crèche',
    hypothesis:
      "Si les auxiliaires de puériculture notent l'heure d'administration et la posologie dans un classeur partagé, elles peuvent administrer les médicaments en autonomie, en toute sécurité, et la puéricultrice est soulagée.",
    vision: "Renforcer l'autonomie des équipes petite enfance tout en sécurisant cette prise d'autonomie.",
    scope: 'Un accueil petite enfance (80 enfants, 35 agent·es) : deux équipes testeuses volontaires.',
    criteria: [
      {
        id: 'errors',
        name: "Erreurs d'administration",
        method: 'Relevé du classeur',
        target: 'Aucune',
        coBuiltWithUsers: true,
      },
      {
        id: 'load',
        name: 'Sollicitations de la puéricultrice',
        method: 'Entretiens',
        target: 'En baisse',
        coBuiltWithUsers: true,
      },
    ],
    stage: { stage: 'expiring', minutes: 5 },
  },
  {
    organizationSlug: 'caluire-et-cuire',
    trackSlug: 'initiatives-spontanees',
    title: "Une heure d'aquatraining pour les agent·es",
    hypothesis:
      'Une heure de sport proposée par un éducateur de la piscine municipale améliore le bien-être des agent·es et crée du lien entre services déconcentrés.',
    vision: "Un incubateur qui accompagne les idées des agent·es jusqu'au test, dans un cadre sécurisant.",
    scope: 'Agent·es volontaires des services déconcentrés ; piscine municipale.',
    criteria: [
      {
        id: 'wellbeing',
        name: 'Bien-être ressenti',
        method: 'Questionnaire avant / après',
        target: 'En hausse',
        coBuiltWithUsers: true,
      },
    ],
    stage: { stage: 'running', days: 20 },
  },
  {
    organizationSlug: 'cu-dunkerque',
    trackSlug: 'micro-mobilite',
    title: 'Pacte de micro-mobilité',
    hypothesis:
      'Un pacte de micro-mobilité rend le parcours plus lisible et plus confortable pour les agent·es, les manager·euses et les équipes, et produit un récit collectif de ces expériences.',
    vision: 'Sécuriser et mettre en récit le parcours des agent·es en micro-mobilité.',
    scope: 'Agent·es ayant vécu une mobilité, manager·euses qui ont laissé partir ou accueilli, équipe RH.',
    criteria: [
      {
        id: 'clarity',
        name: 'Lisibilité du parcours',
        method: 'Entretiens croisés',
        target: '8 sur 10 satisfaits',
        coBuiltWithUsers: true,
      },
    ],
    stage: { stage: 'evaluating' },
  },
  {
    organizationSlug: 'gironde',
    trackSlug: 'initiatives-spontanees',
    title: "Les vendangeur·euses d'initiatives",
    hypothesis:
      "Documenter et raconter les initiatives déjà opérantes diffuse un récit du droit à l'initiative mieux qu'un appel à idées.",
    vision: 'Porter à connaissance la créativité des agent·es et produire un « millésime girondin ».',
    scope: 'Une équipe de collecteur·ices volontaires ; toutes les directions du Département.',
    criteria: [
      {
        id: 'collected',
        name: 'Initiatives documentées',
        method: 'Recueil',
        target: '20',
        coBuiltWithUsers: false,
      },
    ],
    stage: { stage: 'deciding' },
  },
  {
    organizationSlug: 'cergy-pontoise',
    trackSlug: 'management-subsidiarite',
    title: 'Les champs de subsidiarité',
    hypothesis:
      'Si les gestionnaires rédigent et signent elles-mêmes courriers, attestations et certificats dans des champs de subsidiarité définis ensemble, les allers-retours chronophages diminuent (« faire du circuit-court »).',
    vision: 'Donner plus de pouvoir d’agir aux agent·es et valoriser leurs compétences.',
    scope:
      'Service Gestion administrative et statutaire de la DRH : gestionnaires, responsable, directrice, DGA.',
    criteria: [],
    stage: { stage: 'draft' },
  },
];
