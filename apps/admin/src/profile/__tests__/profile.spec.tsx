import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuthProvider } from 'react-admin';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { TestAdmin } from '../../testing/TestAdmin';
import { TotpEnrolmentGate } from '../TotpEnrolmentGate';
import { TotpSection } from '../TotpSection';

// Generous: the machine running the suites may be loaded (typing in jsdom is slow then).
jest.setTimeout(60_000);

type Totp = { enabled: boolean; required: boolean; enrolmentRequired: boolean };

function authWith(totp: () => Totp): AuthProvider {
  return {
    login: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    checkAuth: () => Promise.resolve(),
    checkError: () => Promise.resolve(),
    getIdentity: () => Promise.resolve({ id: 'me', fullName: 'Camille', totp: totp() }),
    getPermissions: () => Promise.resolve([]),
  };
}

/** The API's answers by path (jsdom has no Response: the fields the code reads). */
function answer(routes: Record<string, Array<{ status: number; body: unknown }>>) {
  const fetchMock = jest.fn((url: string) => {
    const next = routes[url]?.shift();
    if (!next) return Promise.reject(new Error(`unexpected ${url}`));
    return Promise.resolve({
      ok: next.status < 300,
      status: next.status,
      json: () => Promise.resolve(next.body),
    });
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

const Where = () => <p data-testid="where">{useLocation().pathname}</p>;

describe('the second factor on the profile', () => {
  const originalFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = originalFetch;
  });

  it('enrols: shows the key once, ties a wrong code to its field, then shows the recovery codes', async () => {
    let totp: Totp = { enabled: false, required: true, enrolmentRequired: true };
    const fetchMock = answer({
      '/api/auth/totp/enrol': [
        {
          status: 200,
          body: {
            secret: 'JBSWY3DPEHPK3PXP',
            uri: 'otpauth://totp/Capacit%C3%A9s:a?secret=JBSWY3DPEHPK3PXP',
          },
        },
      ],
      '/api/auth/totp/confirm': [
        { status: 401, body: { code: 'TOTP_INVALID' } },
        { status: 200, body: { recoveryCodes: ['abcde-fghij', 'klmno-pqrst'] } },
      ],
    });
    render(
      <MemoryRouter>
        <TestAdmin authProvider={authWith(() => totp)}>
          <TotpSection onChange={() => undefined} />
        </TestAdmin>
      </MemoryRouter>,
    );
    expect(await screen.findByText(/exige une double authentification/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Activer la double authentification' }));
    expect(await screen.findByTestId('totp-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    expect(screen.getByRole('link', { name: /^otpauth:\/\/totp/ })).toBeInTheDocument();

    const field = screen.getByRole('textbox', { name: /Code à 6 chiffres/ });
    await userEvent.type(field, '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('Code incorrect ou déjà utilisé.'));
    expect(field).toHaveAttribute('aria-invalid', 'true');

    totp = { enabled: true, required: true, enrolmentRequired: false };
    await userEvent.clear(field);
    await userEvent.type(field, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    const codes = await screen.findByRole('list', { name: 'Codes de secours' });
    expect(codes).toHaveTextContent('abcde-fghij');
    expect(await screen.findByText('La double authentification est activée.')).toBeInTheDocument();
    expect(screen.getByText(/ne peut pas être désactivée/)).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/auth/totp/confirm',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ code: '123456' }) }),
    );
    // The CSRF header of every state-changing call of the back-office.
    const headers = (fetchMock.mock.calls.at(-1) as unknown as [string, { headers: Headers }])[1].headers;
    expect(headers.get('X-Capacites-Csrf')).toBe('1');
  });

  it('lets a user who is not a platform admin turn it off with a code', async () => {
    const fetchMock = answer({ '/api/auth/totp/disable': [{ status: 204, body: {} }] });
    render(
      <MemoryRouter>
        <TestAdmin
          authProvider={authWith(() => ({ enabled: true, required: false, enrolmentRequired: false }))}
        >
          <TotpSection />
        </TestAdmin>
      </MemoryRouter>,
    );
    await userEvent.type(await screen.findByRole('textbox', { name: /Code à 6 chiffres/ }), '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Désactiver la double authentification' }));
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        '/api/auth/totp/disable',
        expect.objectContaining({ body: JSON.stringify({ code: '654321' }) }),
      ),
    );
  });

  it('sends a platform admin without second factor to the profile from any page', async () => {
    render(
      <MemoryRouter initialEntries={['/experiments']}>
        <TestAdmin
          authProvider={authWith(() => ({ enabled: false, required: true, enrolmentRequired: true }))}
        >
          <Routes>
            <Route
              path="*"
              element={
                <TotpEnrolmentGate>
                  <Where />
                </TotpEnrolmentGate>
              }
            />
          </Routes>
        </TestAdmin>
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/profile'));
  });
});
