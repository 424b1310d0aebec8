import type { Role } from '@capacites/domain';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { experimentStub, stubIds } from '../../testing/experimentStub';
import { fakeAuthProvider, fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { Testimonies } from '../Testimonies';
import type { Testimony } from '../types';

const HTML_QUOTE = '<b>Enfin</b> on ose demander de l’aide à une autre équipe <script>alert(1)</script>';

const testimonyStub = (overrides: Partial<Testimony> = {}): Testimony => ({
  id: '99999999-9999-4999-8999-999999999999',
  experimentId: experimentStub.running().id,
  organizationId: stubIds.organization,
  quote: 'On se sent plus libres de proposer.',
  speaker: '',
  speakerRole: 'Auxiliaire de puériculture',
  source: 'interview',
  collectedAt: '2026-02-03',
  shareable: true,
  authorId: stubIds.pilot,
  createdAt: '2026-02-03T10:00:00.000Z',
  updatedAt: '2026-02-03T10:00:00.000Z',
  ...overrides,
});

function renderTestimonies(
  testimonies: Testimony[],
  as: { userId: string; role: Role },
  overrides: Record<string, unknown> = {},
) {
  const getList = jest.fn(() => Promise.resolve({ data: testimonies, total: testimonies.length }));
  const dataProvider = fakeDataProvider({ getList, ...overrides });
  const { container } = render(
    <TestAdmin
      dataProvider={dataProvider}
      authProvider={fakeAuthProvider(as.userId, [{ organizationId: stubIds.organization, role: as.role }])}
    >
      <Testimonies experiment={experimentStub.running()} />
    </TestAdmin>,
  );
  return { getList, container };
}

describe('the testimonies of an experiment', () => {
  it('shows a quote with HTML in it as text, literally, never as markup', async () => {
    const { container } = renderTestimonies([testimonyStub({ quote: HTML_QUOTE })], {
      userId: stubIds.pilot,
      role: 'pilot',
    });
    const quote = await screen.findByTestId('testimony-quote');
    expect(quote.textContent).toBe(HTML_QUOTE);
    expect(container.querySelector('blockquote b')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('asks for the testimonies of this experiment only', async () => {
    const { getList } = renderTestimonies([], { userId: stubIds.pilot, role: 'pilot' });
    await waitFor(() => expect(getList).toHaveBeenCalled());
    expect(getList).toHaveBeenCalledWith(
      'testimonies',
      expect.objectContaining({ filter: { experimentId: experimentStub.running().id } }),
    );
    expect(await screen.findByText(/Aucun témoignage pour le moment/)).toBeInTheDocument();
  });

  it('names an anonymous speaker "Anonyme", with the role, the source and the day', async () => {
    renderTestimonies([testimonyStub()], { userId: stubIds.pilot, role: 'pilot' });
    const caption = (await screen.findByTestId('testimony-quote')).parentElement as HTMLElement;
    expect(
      within(caption).getByText(/Anonyme, Auxiliaire de puériculture · Entretien · 3 février 2026/),
    ).toBeInTheDocument();
    expect(within(caption).getByText('Partageable')).toBeInTheDocument();
  });

  it('offers no change to a participant who did not collect it, who may still add one', async () => {
    renderTestimonies([testimonyStub()], { userId: stubIds.member, role: 'member' });
    await screen.findByTestId('testimony-quote');
    expect(screen.queryByRole('button', { name: 'Modifier le témoignage' })).not.toBeInTheDocument();
    // A participant of the test may still add one.
    expect(screen.getByRole('button', { name: 'Ajouter un témoignage' })).toBeInTheDocument();
  });

  it('lets its author change it (the experiment stays out of the body)', async () => {
    const update = jest.fn((_resource: string, { data }: { data: object }) =>
      Promise.resolve({ data: { ...testimonyStub(), ...data } }),
    );
    renderTestimonies([testimonyStub()], { userId: stubIds.pilot, role: 'pilot' }, { update });
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier le témoignage' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/Recueilli le/)).toHaveValue('03/02/2026');
    await userEvent.type(within(dialog).getByLabelText(/Qui parle/), 'Sonia');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Modifier le témoignage' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]?.[1].data).toEqual({
      quote: 'On se sent plus libres de proposer.',
      speaker: 'Sonia',
      speakerRole: 'Auxiliaire de puériculture',
      source: 'interview',
      collectedAt: '2026-02-03',
      shareable: true,
    });
  });

  it('lets HR delete one, after confirmation', async () => {
    const remove = jest.fn(() => Promise.resolve({ data: testimonyStub() }));
    renderTestimonies([testimonyStub()], { userId: stubIds.hr, role: 'hr' }, { delete: remove });
    await userEvent.click(await screen.findByRole('button', { name: 'Supprimer le témoignage' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Supprimer le témoignage' }));
    await waitFor(() =>
      expect(remove).toHaveBeenCalledWith('testimonies', expect.objectContaining({ id: testimonyStub().id })),
    );
  });

  it('adds one with an anonymous speaker and a French date, checked before sending', async () => {
    const create = jest.fn((_resource: string, { data }: { data: object }) =>
      Promise.resolve({ data: { id: 'new', ...data } }),
    );
    renderTestimonies([], { userId: stubIds.pilot, role: 'pilot' }, { create });
    await userEvent.click(await screen.findByRole('button', { name: 'Ajouter un témoignage' }));
    const dialog = await screen.findByRole('dialog');
    // Nothing typed: the quote is required.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ajouter un témoignage' }));
    expect(await within(dialog).findByText('Ce champ est requis')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByLabelText(/Verbatim/), HTML_QUOTE);
    const day = within(dialog).getByLabelText(/Recueilli le/);
    await userEvent.clear(day);
    await userEvent.type(day, '02/02/2026');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ajouter un témoignage' }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[1].data).toEqual({
      experimentId: experimentStub.running().id,
      quote: HTML_QUOTE,
      speaker: '',
      speakerRole: '',
      source: 'interview',
      collectedAt: '2026-02-02',
      shareable: false,
    });
  });
});
