import type { TimelineEntry } from '../../../dataProvider';
import { i18nProvider } from '../../../i18n';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestAdmin } from '../../../testing/TestAdmin';
import { FramingChanges, serviceAccountActor, timelineLabel } from '../Timeline';

const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  id: '1',
  kind: 'audit',
  event: 'framingUpdated',
  at: '2026-02-01T10:00:00.000Z',
  fromState: 'draft',
  toState: 'draft',
  actorId: null,
  reason: null,
  details: {},
  recipients: null,
  ...overrides,
});

const translate = (key: string, options?: object) => i18nProvider.translate(key, options);

describe('the words of the history', () => {
  it('name the framing fields changed, the exit plan included', () => {
    expect(
      timelineLabel(entry({ details: { fields: ['title', 'exitPlan', 'participants'] } }), translate),
    ).toBe('Cadrage modifié : Titre, Plan de sortie, Équipe testeuse');
  });

  it('tell consent, testimonies and shared learnings', () => {
    expect(timelineLabel(entry({ event: 'consentGiven' }), translate)).toBe('Accord donné');
    expect(timelineLabel(entry({ event: 'consentWithdrawn' }), translate)).toBe('Accord retiré');
    expect(timelineLabel(entry({ event: 'testimonyAdded' }), translate)).toBe('Témoignage ajouté');
    expect(timelineLabel(entry({ event: 'learningsShared' }), translate)).toBe(
      'Enseignements partagés avec le réseau',
    );
  });
});

describe('who acted', () => {
  it('names a service account as such, and leaves people to their name', () => {
    expect(
      serviceAccountActor(
        entry({ actorId: 'sa', actorKind: 'serviceAccount', actorName: 'Connecteur SIRH' }),
        translate,
      ),
    ).toBe('Compte de service « Connecteur SIRH »');
    expect(serviceAccountActor(entry({ actorId: 'u', actorKind: 'user' }), translate)).toBeNull();
  });
});

describe('what a framing edit changed', () => {
  it('shows each field before and after, folded until asked', async () => {
    render(
      <TestAdmin>
        <FramingChanges
          entry={entry({
            details: {
              fields: ['hypothesis', 'participants', 'scope'],
              changes: {
                hypothesis: { from: 'Première version.', to: 'Seconde version.' },
                participants: { from: ['a'], to: ['a', 'b'] },
                scope: { from: null, to: 'Mairie annexe' },
              },
            },
          })}
        />
      </TestAdmin>,
    );
    const summary = await screen.findByText('Avant / après');
    await userEvent.click(summary);
    expect(screen.getByText('Avant : Première version.')).toBeVisible();
    expect(screen.getByText('Après : Seconde version.')).toBeVisible();
    expect(screen.getByText('Après : 2 éléments')).toBeVisible();
    expect(screen.getByText('Avant : —')).toBeVisible();
  });

  it('shows nothing for an older record that named the fields only', () => {
    const { container } = render(
      <TestAdmin>
        <FramingChanges entry={entry({ details: { fields: ['title'] } })} />
      </TestAdmin>,
    );
    expect(container.querySelector('details')).toBeNull();
  });
});
