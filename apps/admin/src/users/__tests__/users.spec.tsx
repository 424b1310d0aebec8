import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError, Notification } from 'react-admin';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { adminMemberships, organizationStub, userStub } from '../../testing/adminStubs';
import { stubIds } from '../../testing/experimentStub';
import { fakeAuthProvider, fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { UserCreate } from '../UserCreate';
import { UserEdit } from '../UserEdit';

// Generous: the machine running the suites may be loaded (typing in jsdom is slow then).
jest.setTimeout(60_000);

function renderAt(path: string, element: React.ReactElement, overrides: Record<string, unknown>) {
  const dataProvider = fakeDataProvider({
    getList: jest.fn(() => Promise.resolve({ data: [organizationStub.nantes()], total: 1 })),
    getMany: jest.fn(() => Promise.resolve({ data: [organizationStub.nantes()] })),
    ...overrides,
  });
  render(
    <MemoryRouter initialEntries={[path]}>
      <TestAdmin
        dataProvider={dataProvider}
        authProvider={fakeAuthProvider(stubIds.admin, adminMemberships)}
        resource="users"
      >
        <Routes>
          <Route path="/users/create" element={element} />
          <Route path="/users/:id" element={element} />
        </Routes>
        <Notification />
      </TestAdmin>
    </MemoryRouter>,
  );
}

describe('creating a person', () => {
  it('checks the email and the password with the domain rules before sending', async () => {
    const create = jest.fn();
    renderAt('/users/create', <UserCreate />, { create });
    await userEvent.type(await screen.findByLabelText(/Nom/), 'Camille Agent');
    await userEvent.type(screen.getByLabelText(/Adresse électronique/), 'pas-une-adresse');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'court');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Minimum 12 caractères')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('sends the account with its role in an organisation', async () => {
    const create = jest.fn((_resource: string, { data }: { data: object }) =>
      Promise.resolve({ data: { id: 'new', ...data } }),
    );
    renderAt('/users/create', <UserCreate />, { create });
    await userEvent.type(await screen.findByLabelText(/Nom/), 'Camille Agent');
    await userEvent.type(screen.getByLabelText(/Adresse électronique/), 'Camille.Agent@nantes.test');
    await userEvent.type(screen.getByLabelText(/Mot de passe/), 'un-mot-de-passe-long');
    await userEvent.click(screen.getByRole('combobox', { name: /Organisation/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Ville de Nantes' }));
    await waitFor(() => expect(create).not.toHaveBeenCalled());
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[1].data).toEqual({
      email: 'Camille.Agent@nantes.test',
      displayName: 'Camille Agent',
      password: 'un-mot-de-passe-long',
      memberships: [{ organizationId: stubIds.organization, role: 'member' }],
      oidcAllowed: false,
    });
  });
});

describe("editing one's own account", () => {
  it('says in French why the admin cannot remove their own admin role (409 SELF_LOCKOUT)', async () => {
    const update = jest.fn((_resource: string, _params: { data: object }) =>
      Promise.reject(
        new HttpError('You cannot remove your own admin role.', 409, {
          code: 'SELF_LOCKOUT',
          message: 'You cannot remove your own admin role.',
        }),
      ),
    );
    renderAt(`/users/${stubIds.admin}`, <UserEdit />, {
      getOne: jest.fn(() => Promise.resolve({ data: userStub.admin() })),
      update,
    });
    await userEvent.click(await screen.findByRole('combobox', { name: /Rôle/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'RH / transformation' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(
      await screen.findByText(
        "Vous ne pouvez ni désactiver votre propre compte, ni retirer votre propre rôle d'administration de la plateforme.",
      ),
    ).toBeInTheDocument();
    expect(update.mock.calls[0]?.[1].data).toEqual({
      email: 'admin@plateforme.test',
      displayName: 'Admin',
      memberships: [{ organizationId: stubIds.organization, role: 'hr' }],
      disabled: false,
      oidcAllowed: false,
    });
  });
});

describe('ProConnect (OpenID Connect) link of an account', () => {
  it('marks a new account for ProConnect with a labelled switch', async () => {
    const create = jest.fn((_resource: string, { data }: { data: object }) =>
      Promise.resolve({ data: { id: 'new', ...data } }),
    );
    renderAt('/users/create', <UserCreate />, { create });
    await userEvent.type(await screen.findByLabelText(/Nom/), 'Camille Agent');
    await userEvent.type(screen.getByLabelText(/Adresse électronique/), 'camille@nantes.test');
    await userEvent.click(screen.getByRole('switch', { name: 'Connexion ProConnect autorisée' }));
    await userEvent.click(screen.getByRole('combobox', { name: /Organisation/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Ville de Nantes' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[1].data).toMatchObject({ oidcAllowed: true });
  });

  it('shows that an account is linked, and lets the admin forget the link', async () => {
    const update = jest.fn((_resource: string, { data }: { data: object }) =>
      Promise.resolve({ data: { ...userStub.admin(), ...data } }),
    );
    renderAt(`/users/${stubIds.admin}`, <UserEdit />, {
      getOne: jest.fn(() =>
        Promise.resolve({ data: { ...userStub.admin(), oidcAllowed: true, oidcLinked: true } }),
      ),
      update,
    });
    expect(await screen.findByText(/Relié à une identité ProConnect/)).toBeInTheDocument();
    const allowed = screen.getByRole('switch', { name: 'Connexion ProConnect autorisée' });
    expect(allowed).toBeChecked();
    await userEvent.click(screen.getByRole('switch', { name: "Délier l'identité ProConnect" }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]?.[1].data).toMatchObject({ oidcAllowed: true, oidcUnlink: true });
  });

  it('offers no unlink for an account that is not linked', async () => {
    renderAt(`/users/${stubIds.admin}`, <UserEdit />, {
      getOne: jest.fn(() => Promise.resolve({ data: userStub.admin() })),
    });
    expect(await screen.findByRole('switch', { name: 'Connexion ProConnect autorisée' })).not.toBeChecked();
    expect(screen.queryByRole('switch', { name: "Délier l'identité ProConnect" })).toBeNull();
  });
});
