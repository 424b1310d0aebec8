import {
  launchApprovalReminders,
  launchApproverRefusal,
  type LaunchRequestInfo,
} from '../experiment/launch-approval';
import { reassignmentChanges } from '../experiment/reassignment';
import { reassignmentSchema } from '../experiment/reassignment.schema';

const request = (overrides: Partial<LaunchRequestInfo> = {}): LaunchRequestInfo => ({
  requestedBy: 'hr',
  // Thursday 30 April 2026, 15:00 in Paris.
  requestedAt: '2026-04-30T13:00:00.000Z',
  sponsorId: 'sponsor',
  pilotIds: ['pilot'],
  reminderDays: [5, 2],
  timeZone: 'Europe/Paris',
  reminderHour: 9,
  ...overrides,
});

describe('launch approval rules', () => {
  it('remind the approvers a number of working days after the request, at the reminder hour, the last one marked', () => {
    const reminders = launchApprovalReminders(request());
    // Fri 1 May (holiday unknown without a table) counts: 2 working days → Mon 4 May; 5 → Thu 7 May.
    expect(reminders.map((r) => [r.days, r.at.toISOString(), r.last])).toEqual([
      [2, '2026-05-04T07:00:00.000Z', false],
      [5, '2026-05-07T07:00:00.000Z', true],
    ]);
  });

  it('skip the public holidays of the organisation when the request carries its table', () => {
    const calendar = {
      departement: null,
      firstYear: 2026,
      lastYear: 2026,
      holidays: ['2026-05-01', '2026-05-08'],
    };
    const reminders = launchApprovalReminders(request({ calendar }));
    // 1 May and 8 May are holidays: 2 working days → Tue 5 May; 5 → Mon 11 May.
    expect(reminders.map((r) => r.at.toISOString())).toEqual([
      '2026-05-05T07:00:00.000Z',
      '2026-05-11T07:00:00.000Z',
    ]);
  });

  it('plan no reminder when the organisation wants none', () => {
    expect(launchApprovalReminders(request({ reminderDays: [] }))).toEqual([]);
  });

  it('never let the requester or a pilot approve', () => {
    expect(launchApproverRefusal(request(), 'hr', ['pilot'])).toBe('LAUNCH_APPROVER_IS_REQUESTER');
    expect(launchApproverRefusal(request(), 'pilot', ['pilot'])).toBe('LAUNCH_APPROVER_IS_PILOT');
    expect(launchApproverRefusal(request(), 'sponsor', ['pilot'])).toBeNull();
  });
});

describe('reassignment of a test under way', () => {
  it('says who joins, who leaves, and when nothing changes', () => {
    const before = { pilotIds: ['a', 'b'], sponsorId: 's' };
    expect(reassignmentChanges(before, { pilotIds: ['b', 'a'], sponsorId: 's' })).toEqual({
      added: [],
      removed: [],
      unchanged: true,
    });
    expect(reassignmentChanges(before, { pilotIds: ['b', 'c'], sponsorId: 't' })).toEqual({
      added: ['c', 't'],
      removed: ['a', 's'],
      unchanged: false,
    });
  });

  it('validates the body: a pilot at least, a sponsor, a reason, nobody twice', () => {
    const id = '0b5f4a50-9f0b-4c4e-9d07-7b1f8b1f3c11';
    expect(reassignmentSchema.safeParse({ pilotIds: [id], sponsorId: id, reason: 'Départ' }).success).toBe(
      true,
    );
    const bad = reassignmentSchema.safeParse({ pilotIds: [id, id], sponsorId: 'x', reason: ' ' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'pilotIds',
      'reason',
      'sponsorId',
    ]);
  });
});
