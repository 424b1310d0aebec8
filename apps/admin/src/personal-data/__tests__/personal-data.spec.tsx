import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { fakeAuthProvider, fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { MyPersonalDataSection } from '../MyPersonalDataSection';
import { PersonalDataRequestPage } from '../PersonalDataRequestPage';

// Generous: the machine running the suites may be loaded.
jest.setTimeout(60_000);

describe('the right of access in the back-office', () => {
  it('offers one’s own export in three formats as download links, and no request page to a member', async () => {
    render(
      <MemoryRouter>
        <TestAdmin authProvider={fakeAuthProvider('u1', [{ organizationId: 'o1', role: 'member' }])}>
          <MyPersonalDataSection />
        </TestAdmin>
      </MemoryRouter>,
    );
    const json = await screen.findByRole('link', { name: /format JSON/ });
    expect(json).toHaveAttribute('href', '/api/me/personal-data?format=json');
    expect(json).toHaveAttribute('download');
    expect(screen.getByRole('link', { name: /format PDF/ })).toHaveAttribute(
      'href',
      '/api/me/personal-data?format=pdf',
    );
    expect(screen.getByRole('link', { name: /page HTML accessible/ })).toHaveAttribute(
      'href',
      '/api/me/personal-data?format=html',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Mes données personnelles' })).toBeInTheDocument();
    expect(screen.getByText('Accords de participation')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /demande d’accès reçue par courrier/ })).toBeNull();
  });

  it('lets HR pick a person and offers that person’s export', async () => {
    const getList = jest.fn(() =>
      Promise.resolve({
        data: [{ id: 'p9', displayName: 'Dominique Martin', email: 'dominique@ville.test' }],
        total: 1,
      }),
    );
    render(
      <MemoryRouter>
        <TestAdmin
          authProvider={fakeAuthProvider('hr1', [{ organizationId: 'o1', role: 'hr' }])}
          dataProvider={fakeDataProvider({ getList })}
        >
          <PersonalDataRequestPage />
        </TestAdmin>
      </MemoryRouter>,
    );
    const person = await screen.findByRole('combobox', { name: 'Personne concernée' });
    await userEvent.type(person, 'Domi');
    await userEvent.click(await screen.findByRole('option', { name: /Dominique Martin/ }));
    expect(await screen.findByRole('heading', { name: 'Export pour Dominique Martin' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /format PDF/ })).toHaveAttribute(
      'href',
      '/api/users/p9/personal-data?format=pdf',
    );
    await waitFor(() =>
      expect(getList).toHaveBeenCalledWith('users', expect.objectContaining({ filter: { q: 'Domi' } })),
    );
  });

  it('says in French why a PDF is refused (too many records), suggesting the HTML page or JSON', async () => {
    // The API's answer (apps/api/test/integration/personal-data.integration-spec.ts checks it).
    const body = {
      statusCode: 409,
      code: 'PERSONAL_DATA_PDF_TOO_LARGE',
      message: 'This person has more than 2000 records',
      params: { records: 2500, maxRecords: 2000 },
    };
    const fetchMock = jest.fn(() => Promise.resolve({ ok: false, status: 409, json: () => Promise.resolve(body) }));
    const previous = globalThis.fetch;
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    try {
      render(
        <MemoryRouter>
          <TestAdmin authProvider={fakeAuthProvider('u1', [{ organizationId: 'o1', role: 'member' }])}>
            <MyPersonalDataSection />
          </TestAdmin>
        </MemoryRouter>,
      );
      await userEvent.click(await screen.findByRole('link', { name: /format PDF/ }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Cette personne a plus de 2000 enregistrements (au moins 2500) : le PDF serait trop long à produire. Téléchargez la page HTML ou le fichier JSON, qui ont le même contenu.',
      );
      expect(fetchMock).toHaveBeenCalledWith('/api/me/personal-data?format=pdf', { credentials: 'same-origin' });
    } finally {
      globalThis.fetch = previous;
    }
  });

  it('tells a member that answering requests is for HR and the platform administration', async () => {
    render(
      <MemoryRouter>
        <TestAdmin authProvider={fakeAuthProvider('u1', [{ organizationId: 'o1', role: 'pilot' }])}>
          <PersonalDataRequestPage />
        </TestAdmin>
      </MemoryRouter>,
    );
    expect(await screen.findByText(/Réservé aux RH/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
