import type { Role } from '@capacites/domain';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { experimentStub, stubIds } from '../../../testing/experimentStub';
import { fakeAuthProvider, fakeDataProvider, TestAdmin } from '../../../testing/TestAdmin';
import { LearningsSharing } from '../LearningsSharing';

const deciding = () => ({ ...experimentStub.readyDraft(), state: 'deciding' as const });

function renderSharing(shared: boolean, userId: string, role: Role) {
  const setLearningsSharing = jest.fn(() => Promise.resolve({}));
  render(
    <TestAdmin
      dataProvider={fakeDataProvider({ setLearningsSharing })}
      authProvider={fakeAuthProvider(userId, [{ organizationId: stubIds.organization, role }])}
    >
      <LearningsSharing
        experiment={deciding()}
        shared={shared}
        sharedAt={shared ? '2026-02-10T10:00:00.000Z' : null}
      />
    </TestAdmin>,
  );
  return setLearningsSharing;
}

describe('sharing the learnings with the network', () => {
  it('lets the sponsor share them', async () => {
    const setLearningsSharing = renderSharing(false, stubIds.sponsor, 'sponsor');
    expect(screen.getByText('Enseignements non partagés avec le réseau')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Partager avec le réseau' }));
    await waitFor(() => expect(setLearningsSharing).toHaveBeenCalledWith(deciding().id, true));
  });

  it('lets the CODIR withdraw them, and says since when they are shared', async () => {
    const setLearningsSharing = renderSharing(true, stubIds.hr, 'codir');
    expect(screen.getByText('Enseignements partagés avec le réseau le 10 février 2026')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Retirer du réseau' }));
    await waitFor(() => expect(setLearningsSharing).toHaveBeenCalledWith(deciding().id, false));
  });

  it('is not offered to a pilot, who sees whether they are shared', async () => {
    renderSharing(true, stubIds.pilot, 'pilot');
    expect(await screen.findByText(/Enseignements partagés avec le réseau le/)).toBeInTheDocument();
    // Once the principal is known, still no button.
    await waitFor(() => expect(screen.queryByRole('button')).not.toBeInTheDocument());
  });
});
