import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { trackStub } from '../../testing/adminStubs';
import { fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { DeleteTrackButton } from '../DeleteTrackButton';
import { trackCreateBody, trackUpdateBody } from '../types';

const inUse = () =>
  new HttpError('1 experiment(s) use this track: archive it instead (PUT with "archived": true).', 409, {
    statusCode: 409,
    code: 'TRACK_IN_USE',
    message: '1 experiment(s) use this track: archive it instead (PUT with "archived": true).',
  });

function renderButton(overrides: Record<string, unknown>) {
  const track = trackStub.inUse();
  const dataProvider = fakeDataProvider(overrides);
  render(
    // A plain router: the redirection after archiving needs no data router.
    <MemoryRouter initialEntries={[`/tracks/${track.id}`]}>
      <TestAdmin dataProvider={dataProvider} record={track} resource="tracks">
        <DeleteTrackButton />
      </TestAdmin>
    </MemoryRouter>,
  );
  return track;
}

describe('deleting a track', () => {
  it('asks for confirmation first', async () => {
    const remove = jest.fn();
    renderButton({ delete: remove });
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer la piste' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Supprimer la piste « Initiatives spontanées » ?');
    // Escape closes it, and nothing was deleted.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(remove).not.toHaveBeenCalled();
  });

  it('explains a refusal because the track is in use, and offers to archive it instead', async () => {
    const remove = jest.fn(() => Promise.reject(inUse()));
    const update = jest.fn((_resource: string, { data }: { data: object }) =>
      Promise.resolve({ data: { ...trackStub.inUse(), ...data } }),
    );
    const track = renderButton({ delete: remove, update });
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer la piste' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Supprimer la piste' }),
    );
    const explanation = await screen.findByRole('alert');
    expect(explanation).toHaveTextContent(
      'Des tests utilisent cette piste : elle ne peut pas être supprimée.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Archiver la piste' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update).toHaveBeenCalledWith(
      'tracks',
      expect.objectContaining({ id: track.id, data: { archived: true } }),
    );
  });
});

describe('the track bodies', () => {
  it('leave the slug to the API when empty, and share the track when no organisation is chosen', () => {
    expect(
      trackCreateBody({ name: 'Télétravail', slug: '', organizationId: '', description: undefined }),
    ).toEqual({
      name: 'Télétravail',
      description: '',
      organizationId: null,
    });
  });

  it('change only name, description and archiving', () => {
    expect(trackUpdateBody({ ...trackStub.inUse(), archived: true })).toEqual({
      name: 'Initiatives spontanées',
      description: 'Laisser les agents agir dans leur périmètre sans demander la permission.',
      archived: true,
    });
  });
});
