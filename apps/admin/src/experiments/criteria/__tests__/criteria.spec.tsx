import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestAdmin, fakeDataProvider } from '../../../testing/TestAdmin';
import { criteriaStub, experimentStub, stubIds } from '../../../testing/experimentStub';
import { ActionDialog } from '../../actions/ActionDialog';
import { Criteria } from '../../show/Framing';

// Typing in a dozen fields is slow on a loaded machine: generous, never a timing assertion.
jest.setTimeout(60_000);

const pilot = { id: stubIds.pilot, displayName: 'Paule Pilote' };

function setUp(experiment = experimentStub.evaluating('2026-03-01T22:59:59.999Z')) {
  const history = criteriaStub.amendedOnce(experiment);
  const getCriteria = jest.fn().mockResolvedValue(history);
  const runAction = jest.fn().mockResolvedValue({});
  const dataProvider = fakeDataProvider({
    getCriteria,
    runAction,
    getMany: jest.fn(() => Promise.resolve({ data: [pilot] })),
  });
  return { experiment, history, getCriteria, runAction, dataProvider };
}

describe('the criteria of an amended experiment', () => {
  it('shows the criteria in force and every amendment: what changed, why, who and when', async () => {
    const { experiment, dataProvider, getCriteria } = setUp();
    render(
      <TestAdmin dataProvider={dataProvider}>
        <Criteria experiment={experiment} />
      </TestAdmin>,
    );
    const table = await screen.findByTestId('current-criteria');
    expect(getCriteria).toHaveBeenCalledWith(experiment.id);
    expect(within(table).getByText('Sérénité des équipes')).toBeInTheDocument();
    expect(within(table).getByText('2 au plus')).toBeInTheDocument();
    expect(
      screen.getByText('Critères en vigueur, après 1 modification depuis le lancement.'),
    ).toBeInTheDocument();

    const amendments = screen.getByTestId('criteria-amendments');
    expect(
      within(amendments).getByRole('heading', { name: 'Modification des critères depuis le lancement (1)' }),
    ).toBeInTheDocument();
    expect(
      within(amendments).getByText('Zéro erreur est hors de portée ; la sérénité compte aussi.'),
    ).toBeInTheDocument();
    expect(await within(amendments).findByText(/Paule Pilote/)).toBeInTheDocument();
    expect(within(amendments).getByText(/20 janvier 2026/)).toBeInTheDocument();
    const changes = within(amendments)
      .getAllByRole('listitem')
      .filter((li) => li.closest('[data-testid="amendment-changes"]'))
      .map((li) => li.textContent);
    expect(changes).toEqual([
      'Critère ajouté : Sérénité des équipes (Comment le mesurer : Entretiens)',
      "Critère « Erreurs d'administration » modifié : Cible : « 0 » devient « 2 au plus »",
    ]);
  });

  it('builds the evaluation form from the criteria in force, and sends a result for each', async () => {
    const { experiment, history, dataProvider, runAction } = setUp();
    render(
      <TestAdmin dataProvider={dataProvider}>
        <ActionDialog experiment={experiment} action="submitEvaluation" open onClose={jest.fn()} />
      </TestAdmin>,
    );
    await userEvent.click(await screen.findByLabelText('Hypothèse confirmée'));
    await userEvent.type(screen.getByLabelText(/Erreurs d'administration/), 'Deux erreurs en un mois');
    await userEvent.type(screen.getByLabelText(/Sérénité des équipes/), 'Les équipes sont rassurées');
    await userEvent.type(screen.getByLabelText(/Si personne n'a été entendu/), 'Aucune enquête possible');
    await userEvent.type(screen.getByLabelText(/Enseignements/), 'Un classeur ne suffit pas.');
    await userEvent.click(screen.getByRole('button', { name: "Remettre l'évaluation" }));
    await waitFor(() => expect(runAction).toHaveBeenCalled());
    const body = runAction.mock.calls[0][2] as { criterionResults: { criterionId: string }[] };
    expect(body.criterionResults.map((r) => r.criterionId)).toEqual(history.current.map((c) => c.id));
  });

  it('starts an amendment from the criteria in force, not those of the launch', async () => {
    const experiment = experimentStub.running();
    const { dataProvider, runAction } = setUp(experiment);
    render(
      <TestAdmin dataProvider={dataProvider}>
        <ActionDialog experiment={experiment} action="amendCriteria" open onClose={jest.fn()} />
      </TestAdmin>,
    );
    expect(await screen.findByDisplayValue('Sérénité des équipes')).toBeInTheDocument();
    expect(screen.getByDisplayValue('2 au plus')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Raison/), 'Un troisième regard');
    await userEvent.click(screen.getByRole('button', { name: 'Modifier les critères' }));
    await waitFor(() => expect(runAction).toHaveBeenCalled());
    const body = runAction.mock.calls[0][2] as { criteria: { id: string; target: string }[] };
    expect(body.criteria.map((c) => [c.id, c.target])).toEqual([
      ['errors', '2 au plus'],
      ['calm', ''],
    ]);
  });

  it('says so when the criteria cannot be read, rather than showing a form of the wrong ones', async () => {
    const experiment = experimentStub.evaluating('2026-03-01T22:59:59.999Z');
    const dataProvider = fakeDataProvider({ getCriteria: jest.fn().mockRejectedValue(new Error('down')) });
    render(
      <TestAdmin dataProvider={dataProvider}>
        <ActionDialog experiment={experiment} action="submitEvaluation" open onClose={jest.fn()} />
      </TestAdmin>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Les critères ne peuvent pas être lus');
    expect(screen.queryByRole('button', { name: "Remettre l'évaluation" })).not.toBeInTheDocument();
  });
});
