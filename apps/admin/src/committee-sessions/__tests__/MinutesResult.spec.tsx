import { render, screen } from '@testing-library/react';
import { TestAdmin } from '../../testing/TestAdmin';
import { MinutesResult } from '../MinutesResult';
import type { CommitteeSession, SessionItem } from '../types';

const item = (overrides: Partial<SessionItem>): SessionItem => ({
  id: 'i1',
  experimentId: 'e1',
  experimentTitle: 'Classeur partagé',
  experimentState: 'deciding',
  kind: 'decision',
  note: '',
  outcome: 'open',
  action: null,
  decision: null,
  comment: null,
  refusal: null,
  ...overrides,
});

const session: CommitteeSession = {
  id: 's1',
  organizationId: 'o1',
  title: 'CODIR de mars',
  heldOn: '2027-03-10',
  status: 'recorded',
  attendees: [{ name: 'Claire Martin', role: 'DGS' }, { name: 'Paul Durand' }],
  items: [
    item({
      id: 'i1',
      outcome: 'applied',
      action: 'decide',
      decision: {
        outcome: 'perpetuate',
        rationale: 'Les auxiliaires le demandent',
        handover: { pilotWithdrawal: 'Juin', takeover: 'La référente' },
      },
    }),
    item({
      id: 'i2',
      experimentTitle: 'Micro-mobilité',
      kind: 'extensionRequest',
      outcome: 'refused',
      action: 'approveExtension',
      refusal: { code: 'FORBIDDEN', params: { action: 'approveExtension', roles: ['sponsor'] } },
    }),
    item({ id: 'i3', experimentTitle: 'Voirie', kind: 'expiringSoon' }),
  ],
  recordedAt: '2027-03-10T18:00:00.000Z',
  recordedBy: 'u1',
  createdBy: 'u2',
  createdAt: '2027-03-01T10:00:00.000Z',
  updatedAt: '2027-03-10T18:00:00.000Z',
};

describe('the recorded minutes', () => {
  it('say who was present, what was applied, and why a refused item stays open, in French', async () => {
    render(
      <TestAdmin resource="committee-sessions">
        <MinutesResult session={session} />
      </TestAdmin>,
    );
    expect(await screen.findByText('Claire Martin (DGS), Paul Durand')).toBeTruthy();
    expect(screen.getByText('Appliqué')).toBeTruthy();
    expect(screen.getByText('Pérenniser : Les auxiliaires le demandent')).toBeTruthy();
    expect(screen.getByText('Refusé : reste ouvert')).toBeTruthy();
    expect(
      screen.getByText(/^Refusé : .*accorder la prolongation.*portage institutionnel du test/),
    ).toBeTruthy();
    expect(screen.getByText('Reste ouvert')).toBeTruthy();
  });
});
