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

function renderConsent(experiment: Experiment, userId: string, role: Role = 'member') {
  const setConsent = jest.fn(() => Promise.resolve(experiment));
  render(
    <TestAdmin
      dataProvider={fakeDataProvider({ setConsent })}
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
    await waitFor(() => expect(setConsent).toHaveBeenCalledWith(pendingDraft().id, true));
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
});
