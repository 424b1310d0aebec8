import { CURRENT_PARTICIPANT_NOTICE } from '@capacites/domain';
import type { Role } from '@capacites/domain';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { experimentStub, stubIds } from '../../../testing/experimentStub';
import { fakeAuthProvider, fakeDataProvider, TestAdmin } from '../../../testing/TestAdmin';
import type { Experiment } from '../../types';
import { MyConsent } from '../Consent';
import { People } from '../Framing';

const pendingDraft = (): Experiment => ({
  ...experimentStub.readyDraft(),
  participants: [{ userId: stubIds.member, consentedAt: null }],
});

function renderConsent(
  experiment: Experiment,
  userId: string,
  role: Role = 'member',
  extra: Record<string, unknown> = {},
) {
  const setConsent = jest.fn(() => Promise.resolve(experiment));
  render(
    <TestAdmin
      dataProvider={fakeDataProvider({ setConsent, ...extra })}
      authProvider={fakeAuthProvider(userId, [{ organizationId: stubIds.organization, role }])}
    >
      <MyConsent experiment={experiment} />
      <People experiment={experiment} />
    </TestAdmin>,
  );
  return setConsent;
}

describe("a participant's consent", () => {
  it('is asked of a participant whose consent is pending, in draft, and sent', async () => {
    const setConsent = renderConsent(pendingDraft(), stubIds.member);
    await userEvent.click(await screen.findByRole('button', { name: 'Je donne mon accord' }));
    await waitFor(() =>
      expect(setConsent).toHaveBeenCalledWith(pendingDraft().id, true, CURRENT_PARTICIPANT_NOTICE.version),
    );
  });

  it('shows the information notice in force, with its version, before the consent is asked', async () => {
    renderConsent(pendingDraft(), stubIds.member);
    const notice = await screen.findByRole('region', { name: CURRENT_PARTICIPANT_NOTICE.title });
    expect(notice).toHaveTextContent('Base légale');
    expect(notice).toHaveTextContent(
      'Version du 6 décembre 2026. Votre accord est enregistré avec cette version.',
    );
  });

  it('is shown for each participant: pending, or given with its date', async () => {
    renderConsent(
      {
        ...pendingDraft(),
        participants: [
          { userId: stubIds.member, consentedAt: null },
          { userId: stubIds.pilot, consentedAt: '2026-01-06T09:00:00.000Z' },
        ],
      },
      stubIds.hr,
      'hr',
    );
    const chip = (text: string) => screen.getByText(text).closest('[data-consent]');
    await screen.findByText('Accord en attente');
    expect(chip('Accord en attente')).toHaveAttribute('data-consent', 'pending');
    expect(chip('Accord donné le 6 janvier 2026')).toHaveAttribute('data-consent', 'given');
    // HR sees the states, and cannot consent in someone's name here.
    expect(screen.queryByRole('button', { name: 'Je donne mon accord' })).not.toBeInTheDocument();
  });

  it('may be withdrawn while the test runs, after confirmation', async () => {
    const setConsent = renderConsent(experimentStub.running(), stubIds.member);
    await userEvent.click(await screen.findByRole('button', { name: 'Retirer mon accord' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Retirer votre accord ?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retirer mon accord' }));
    await waitFor(() => expect(setConsent).toHaveBeenCalledWith(experimentStub.running().id, false));
  });

  it('cannot be given any more once the test runs', async () => {
    renderConsent(
      { ...experimentStub.running(), participants: [{ userId: stubIds.member, consentedAt: null }] },
      stubIds.member,
    );
    expect(await screen.findByText('Accord en attente')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Je donne mon accord' })).not.toBeInTheDocument();
  });

  it('shows a consent collected on paper and entered by HR apart: how, when, by whom', async () => {
    renderConsent(
      {
        ...pendingDraft(),
        participants: [
          {
            userId: stubIds.member,
            consentedAt: '2026-01-07T10:00:00.000Z',
            onBehalf: {
              recordedBy: stubIds.hr,
              recordedAt: '2026-01-07T10:00:00.000Z',
              method: 'paper',
              collectedOn: '2026-01-05',
              note: 'Formulaire signé, classé au dossier',
            },
          },
          { userId: stubIds.pilot, consentedAt: '2026-01-06T09:00:00.000Z' },
        ],
      },
      stubIds.pilot,
      'pilot',
      {
        getMany: jest.fn(() => Promise.resolve({ data: [{ id: stubIds.hr, displayName: 'Claire RH' }] })),
      },
    );
    const onBehalf = await screen.findByText(
      'Accord recueilli sur papier le 5 janvier 2026, saisi par Claire RH le 7 janvier 2026',
    );
    expect(onBehalf.closest('[data-consent]')).toHaveAttribute('data-consent', 'on-behalf');
    expect(screen.getByText('Accord donné le 6 janvier 2026').closest('[data-consent]')).toHaveAttribute(
      'data-consent',
      'given',
    );
    // A pilot does not enter consents.
    expect(screen.queryByRole('button', { name: /Saisir un accord/ })).not.toBeInTheDocument();
  });

  it('shows a consent withdrawn while the test ran', async () => {
    renderConsent(
      {
        ...experimentStub.running(),
        participants: [
          { userId: stubIds.member, consentedAt: null, withdrawnAt: '2026-02-03T08:00:00.000Z' },
        ],
      },
      stubIds.hr,
      'hr',
    );
    const chip = await screen.findByText('Accord retiré le 3 février 2026');
    expect(chip.closest('[data-consent]')).toHaveAttribute('data-consent', 'withdrawn');
  });

  it('lets HR enter a consent collected on paper, as its own act, checked before sending', async () => {
    const recordConsentOnBehalf = jest.fn(() => Promise.resolve(pendingDraft()));
    renderConsent(pendingDraft(), stubIds.hr, 'hr', { recordConsentOnBehalf });
    await userEvent.click(
      await screen.findByRole('button', { name: /Saisir un accord recueilli hors ligne pour/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: "Enregistrer l'accord" }));
    // The day of collection is required: nothing is sent without it.
    expect(await within(dialog).findByText(/JJ\/MM\/AAAA|requis/i)).toBeInTheDocument();
    expect(recordConsentOnBehalf).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText(/Jour du recueil/), '05/01/2026');
    await userEvent.type(within(dialog).getByLabelText(/Note/), 'Formulaire signé');
    await userEvent.click(within(dialog).getByRole('button', { name: "Enregistrer l'accord" }));
    await waitFor(() =>
      expect(recordConsentOnBehalf).toHaveBeenCalledWith(pendingDraft().id, {
        participantId: stubIds.member,
        method: 'paper',
        collectedOn: '2026-01-05',
        note: 'Formulaire signé',
      }),
    );
  });
});
