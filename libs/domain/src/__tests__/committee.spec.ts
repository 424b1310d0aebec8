import {
  buildAgenda,
  createShareLinkSchema,
  parseInput,
  recordMinutesSchema,
  shareLinkStatus,
  type PortfolioFacts,
} from '../index';

const heldAt = new Date('2027-03-10T22:59:59Z');
const horizon = new Date('2027-04-09T21:59:59Z');
const test = (over: Partial<PortfolioFacts>): PortfolioFacts => ({
  experimentId: over.experimentId ?? 'x',
  state: 'running',
  expiresAt: '2027-09-01T21:59:59Z',
  evaluationDueAt: null,
  extensionPending: false,
  ...over,
});

describe('the agenda of a committee session', () => {
  it('lists decisions due, then extension requests, overdue evaluations and tests expiring before the next session', () => {
    const agenda = buildAgenda(
      [
        test({ experimentId: 'expiring', expiresAt: '2027-04-01T21:59:59Z' }),
        test({ experimentId: 'after-next-session', expiresAt: '2027-04-20T21:59:59Z' }),
        test({ experimentId: 'overdue', state: 'evaluating', evaluationDueAt: '2027-03-01T21:59:59Z' }),
        test({
          experimentId: 'evaluation-not-due',
          state: 'evaluating',
          evaluationDueAt: '2027-03-20T21:59:59Z',
        }),
        test({ experimentId: 'extension', extensionPending: true, expiresAt: '2027-03-20T21:59:59Z' }),
        test({ experimentId: 'deciding', state: 'deciding' }),
        test({ experimentId: 'closed', state: 'perpetuated' }),
      ],
      heldAt,
      horizon,
    );
    expect(agenda).toEqual([
      { experimentId: 'deciding', kind: 'decision' },
      // Asked to be extended: on the agenda once, for the request, not also as expiring.
      { experimentId: 'extension', kind: 'extensionRequest' },
      { experimentId: 'overdue', kind: 'evaluationOverdue' },
      { experimentId: 'expiring', kind: 'expiringSoon' },
    ]);
  });
});

describe('the minutes', () => {
  const itemId = '2b0f6c2e-0b55-4c58-9d4e-0d8f8f0f5b1a';
  it('need someone present, a decision to decide, and a handover to perpetuate, each bad field named', () => {
    const result = parseInput(recordMinutesSchema, {
      attendees: [],
      items: [
        { itemId, action: 'decide' },
        { itemId, action: 'decide', decision: { outcome: 'perpetuate', rationale: 'On garde' } },
        { itemId, action: 'noted', decision: { outcome: 'abandon', rationale: 'x' } },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(
      ['attendees', 'items.0.decision', 'items.1.decision.handover', 'items.2.decision'].sort(),
    );
  });
});

describe('share links', () => {
  it('are active until their date, expired after it, and revoked whatever the date', () => {
    const now = new Date('2027-03-10T12:00:00Z');
    expect(shareLinkStatus({ expiresAt: new Date('2027-03-10T12:00:01Z'), revokedAt: null }, now)).toBe(
      'active',
    );
    expect(shareLinkStatus({ expiresAt: new Date('2027-03-10T12:00:00Z'), revokedAt: null }, now)).toBe(
      'expired',
    );
    expect(shareLinkStatus({ expiresAt: new Date('2027-04-10T12:00:00Z'), revokedAt: now }, now)).toBe(
      'revoked',
    );
  });

  it('share a pack of one session, or a dashboard of none', () => {
    const organizationId = '2b0f6c2e-0b55-4c58-9d4e-0d8f8f0f5b1a';
    const pack = parseInput(createShareLinkSchema, {
      kind: 'committeePack',
      organizationId,
      recipient: 'Élue',
    });
    expect(pack.ok ? [] : pack.errors.map((e) => e.field)).toEqual(['sessionId']);
    const dashboard = parseInput(createShareLinkSchema, {
      kind: 'dashboard',
      organizationId,
      sessionId: organizationId,
      recipient: 'Partenaire',
      expiresInDays: 366,
    });
    expect(dashboard.ok ? [] : dashboard.errors.map((e) => e.field).sort()).toEqual([
      'expiresInDays',
      'sessionId',
    ]);
  });
});
