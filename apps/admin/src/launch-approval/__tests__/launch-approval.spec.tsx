import { ACTION_PATHS } from '../../dataProvider';
import { toApiExperimentFilter } from '../../experiments/list/filters';
import { enMessages } from '../../i18n/en';
import { frCapacitesMessages } from '../../i18n/fr';
import { mergeMessages } from '../../i18n/merge';
import { customSettingsBody } from '../../organizations/settings';

const NEW_NOTICES = [
  'launchApprovalRequested',
  'launchApprovalReminder',
  'launchApproved',
  'launchRefused',
  'launchRequestWithdrawn',
  'experimentOrphaned',
  'peopleAssigned',
  'peopleUnassigned',
];

describe('launch approval and orphaned tests in the back-office', () => {
  it('call the API routes of each new action', () => {
    expect(ACTION_PATHS.requestLaunch).toBe('launch-request');
    expect(ACTION_PATHS.approveLaunch).toBe('launch-request/approve');
    expect(ACTION_PATHS.refuseLaunch).toBe('launch-request/refuse');
    expect(ACTION_PATHS.withdrawLaunchRequest).toBe('launch-request/withdraw');
    expect(ACTION_PATHS.reassignPeople).toBe('reassignment');
  });

  it('send the list toggles only when ticked', () => {
    expect(toApiExperimentFilter({ awaitingLaunchApproval: true, orphaned: false })).toEqual({
      awaitingLaunchApproval: true,
    });
    expect(toApiExperimentFilter({ orphaned: true })).toEqual({ orphaned: true });
    expect(toApiExperimentFilter({ awaitingLaunchApproval: false })).toEqual({});
  });

  it('name each new notice, action and audit event in French and in English', () => {
    const en = enMessages as unknown as typeof frCapacitesMessages;
    for (const catalogue of [frCapacitesMessages, en]) {
      const notices = catalogue.app.notices.events as Record<string, string>;
      for (const event of NEW_NOTICES) expect(notices[event]).toEqual(expect.any(String));
      for (const action of Object.keys(ACTION_PATHS))
        expect((catalogue.app.actions as Record<string, unknown>)[action]).toMatchObject({
          label: expect.any(String),
          help: expect.any(String),
        });
      for (const event of [
        'launchRequested',
        'launchRefused',
        'launchRequestWithdrawn',
        'peopleReassigned',
        'personDeparted',
      ])
        expect((catalogue.app.events as unknown as Record<string, string>)[event]).toEqual(expect.any(String));
    }
    // The catalogue keeps what was there: merged, not replaced.
    expect(frCapacitesMessages.app.actions.launch.label).toBe('Lancer le test');
    expect(frCapacitesMessages.app.actions.requestLaunch.label).toBe('Demander le lancement');
  });

  it('store the launch approval switch of an organisation only when it is on (off is the default)', () => {
    expect(customSettingsBody({ launchApproval: false, launchApprovalReminderDays: [3] })).toEqual({
      launchApprovalReminderDays: [3],
    });
    expect(customSettingsBody({ launchApproval: true })).toEqual({ launchApproval: true });
  });

  it("merge a capability's messages key by key", () => {
    expect(mergeMessages({ a: { b: 'x', c: 'y' } }, { a: { c: 'z', d: 'w' } })).toEqual({
      a: { b: 'x', c: 'z', d: 'w' },
    });
  });
});
