import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { authProvider } from '../../authProvider';
import { MemoryRouter } from 'react-router-dom';
import { TestAdmin } from '../../testing/TestAdmin';
import { LoginPage } from '../LoginPage';

const PROVIDERS_WITH_OIDC = {
  password: { enabled: true },
  oidc: { enabled: true, label: 'ProConnect', loginUrl: '/api/auth/oidc/login' },
};
const PASSWORD_ONLY = { password: { enabled: true }, oidc: { enabled: false } };

function answerProviders(body: unknown, status = 200) {
  // jsdom has no Response: the fields fetchAuthProviders reads.
  const fetchMock = jest.fn(() =>
    Promise.resolve({ ok: status >= 200 && status < 300, status, json: () => Promise.resolve(body) }),
  );
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

function renderLogin(path = '/login', withAuthProvider = false) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <TestAdmin authProvider={withAuthProvider ? authProvider : undefined}>
        <LoginPage />
      </TestAdmin>
    </MemoryRouter>,
  );
}

describe('the login page', () => {
  const originalFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = originalFetch;
  });

  it('offers ProConnect when the API says it is enabled, leading to the API', async () => {
    const fetchMock = answerProviders(PROVIDERS_WITH_OIDC);
    renderLogin();
    const button = await screen.findByRole('link', { name: 'Se connecter avec ProConnect' });
    expect(button).toHaveAttribute('href', '/api/auth/oidc/login');
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/providers', expect.anything());
    // The password form stays beside it.
    expect(screen.getByLabelText(/Identifiant/)).toBeInTheDocument();
  });

  it('shows the password form only when OpenID Connect is off', async () => {
    const fetchMock = answerProviders(PASSWORD_ONLY);
    renderLogin();
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    // Once the answer is read, not before: the button would show up then if it were wrong.
    await act(async () => {
      await (fetchMock.mock.results[0]?.value as Promise<{ json: () => Promise<unknown> }>).then((r) =>
        r.json(),
      );
    });
    expect(await screen.findByLabelText(/Mot de passe/)).toBeInTheDocument();
    expect(screen.queryByText(/Se connecter avec/)).not.toBeInTheDocument();
  });

  it('falls back to the password form when the API cannot be reached', async () => {
    globalThis.fetch = jest.fn(() =>
      Promise.reject(new TypeError('network down')),
    ) as unknown as typeof fetch;
    renderLogin();
    expect(await screen.findByLabelText(/Mot de passe/)).toBeInTheDocument();
    expect(screen.queryByText(/Se connecter avec/)).not.toBeInTheDocument();
  });

  it('explains why the provider login was refused, naming the provider', async () => {
    answerProviders(PROVIDERS_WITH_OIDC);
    renderLogin('/login?error=oidc_unknown_user');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Votre compte ProConnect ne correspond à aucun utilisateur de Capacités. Demandez à un administrateur',
    );
  });

  it('explains in French that the account is linked to another ProConnect identity', async () => {
    answerProviders(PROVIDERS_WITH_OIDC);
    renderLogin('/login?error=oidc_subject_mismatch');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Ce compte Capacités est déjà relié à une autre identité ProConnect.');
  });

  it('ignores an error reason the API does not send', async () => {
    answerProviders(PASSWORD_ONLY);
    renderLogin('/login?error=%3Cimg%20src%3Dx%3E');
    expect(await screen.findByLabelText(/Mot de passe/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks the second factor after the password, with its error tied to the field', async () => {
    jest.setTimeout(60_000);
    const answers: Record<string, Array<{ status: number; body: unknown }>> = {
      '/api/auth/providers': [{ status: 200, body: PASSWORD_ONLY }],
      '/api/auth/login': [{ status: 200, body: { totpRequired: true, pendingToken: 'p-1', expiresAt: 'x' } }],
      '/api/auth/login/totp': [
        { status: 401, body: { code: 'TOTP_INVALID' } },
        { status: 200, body: { id: 'u' } },
      ],
    };
    const fetchMock = jest.fn((url: string) => {
      const next = answers[url]?.shift() ?? { status: 401, body: {} };
      return Promise.resolve({
        ok: next.status < 300,
        status: next.status,
        json: () => Promise.resolve(next.body),
      });
    });
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    renderLogin('/login', true);
    await userEvent.type(await screen.findByLabelText(/Identifiant/), 'admin@plateforme.test');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'un-mot-de-passe-long');
    await userEvent.click(screen.getByRole('button', { name: 'Connexion' }));

    const code = await screen.findByRole('textbox', { name: /Code de vérification/ });
    await userEvent.type(code, '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    await waitFor(() => expect(code).toHaveAccessibleDescription(/Code incorrect ou déjà utilisé/));
    await userEvent.clear(code);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        '/api/auth/login/totp',
        expect.objectContaining({ body: JSON.stringify({ pendingToken: 'p-1', code: '123456' }) }),
      ),
    );
  }, 60_000);
});
