import type { Principal } from '../../organization/access';
import { plannedDurationDays, replicaFraming, replicationRefusal, type ReplicaSource } from '../replication';

const NANTES = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const GIRONDE = '7c1d2e3f-0a1b-4c2d-9e3f-4a5b6c7d8e9f';

const sourceStub = {
  launched: (): ReplicaSource & { pilotIds: string[]; sponsorId: string; participants: unknown[] } => ({
    organizationId: NANTES,
    trackId: null,
    title: 'Classeur médical partagé',
    hypothesis: 'Un classeur partagé sécurise les soins.',
    vision: 'Des équipes autonomes',
    scope: 'Deux crèches',
    criteria: [{ id: 'erreurs', name: 'Erreurs', method: 'Relevé', target: '0', coBuiltWithUsers: true }],
    checkInCadenceDays: 14,
    exitPlan: { pilotWithdrawal: 'En juin', takeover: 'La référente' },
    launchedAt: new Date('2026-01-05T08:00:00Z'),
    originalExpiresAt: new Date('2026-04-05T21:59:59.999Z'),
    pilotIds: ['p'],
    sponsorId: 's',
    participants: [{ userId: 'm', consentedAt: '2026-01-02T00:00:00Z' }],
  }),
};

const facts = (learningsShared: boolean) => ({
  organizationId: NANTES,
  pilotIds: ['p'],
  sponsorId: 's',
  participantIds: ['m'],
  createdBy: 'p',
  learningsShared,
});
const who = (memberships: Principal['memberships']): Principal => ({ userId: 'reader', memberships });

describe('a replica’s framing', () => {
  it('copies the framing and the planned duration, never the people nor their consents', () => {
    const framing = replicaFraming(sourceStub.launched(), new Date('2026-12-06T09:00:00Z'), 'Europe/Paris');
    expect(Object.keys(framing).sort()).toEqual(
      [
        'checkInCadenceDays',
        'criteria',
        'exitPlan',
        'expiresAt',
        'hypothesis',
        'scope',
        'title',
        'vision',
      ].sort(),
    );
    expect(framing).toMatchObject({
      title: 'Classeur médical partagé',
      scope: 'Deux crèches',
      checkInCadenceDays: 14,
    });
    // 91 days planned (5 January to 5 April): the replica is proposed the same span from today.
    expect(framing.expiresAt?.toISOString()).toBe('2027-03-07T22:59:59.999Z');
  });

  it('proposes no expiry for an original never launched', () => {
    const source = { ...sourceStub.launched(), launchedAt: null, originalExpiresAt: null };
    expect(plannedDurationDays(source)).toBeNull();
    expect(replicaFraming(source, new Date(), 'Europe/Paris').expiresAt).toBeNull();
  });
});

describe('who may replicate what, where', () => {
  it('anyone framing tests elsewhere may replicate a test whose learnings are shared', () => {
    expect(
      replicationRefusal(who([{ organizationId: GIRONDE, role: 'hr' }]), facts(true), GIRONDE),
    ).toBeNull();
    expect(
      replicationRefusal(who([{ organizationId: GIRONDE, role: 'pilot' }]), facts(true), GIRONDE),
    ).toBeNull();
  });

  it('a test not shared is not found for another organisation', () => {
    expect(replicationRefusal(who([{ organizationId: GIRONDE, role: 'hr' }]), facts(false), GIRONDE)).toBe(
      'SOURCE_NOT_FOUND',
    );
  });

  it('a person of both organisations may replicate a test they read, even unshared', () => {
    const both = who([
      { organizationId: NANTES, role: 'hr' },
      { organizationId: GIRONDE, role: 'hr' },
    ]);
    expect(replicationRefusal(both, facts(false), GIRONDE)).toBeNull();
  });

  it('into an organisation one is not part of: not found; as a member or CODIR: forbidden', () => {
    expect(replicationRefusal(who([{ organizationId: GIRONDE, role: 'hr' }]), facts(true), NANTES)).toBe(
      'ORGANIZATION_NOT_FOUND',
    );
    expect(replicationRefusal(who([{ organizationId: GIRONDE, role: 'codir' }]), facts(true), GIRONDE)).toBe(
      'FORBIDDEN',
    );
  });

  it('within the original’s own organisation it is an iteration, not a replication', () => {
    expect(replicationRefusal(who([{ organizationId: NANTES, role: 'hr' }]), facts(true), NANTES)).toBe(
      'SAME_ORGANIZATION',
    );
  });
});
