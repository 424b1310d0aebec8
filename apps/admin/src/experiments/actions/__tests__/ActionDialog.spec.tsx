import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { TestAdmin, fakeDataProvider } from '../../../testing/TestAdmin';
import { experimentStub } from '../../../testing/experimentStub';
import { ActionDialog } from '../ActionDialog';

function renderDialog(action: Parameters<typeof ActionDialog>[0]['action'], runAction: jest.Mock) {
  const onClose = jest.fn();
  const experiment = experimentStub.running();
  render(
    <TestAdmin dataProvider={fakeDataProvider({ runAction })}>
      <ActionDialog experiment={experiment} action={action} open onClose={onClose} />
    </TestAdmin>,
  );
  return { onClose, experiment };
}

describe('an action dialog', () => {
  it('asks for the reason of an early stop before sending anything', async () => {
    const runAction = jest.fn().mockResolvedValue({});
    renderDialog('stopEarly', runAction);
    await userEvent.click(await screen.findByRole('button', { name: 'Arrêter le test' }));
    expect(await screen.findByText('Ce champ est requis')).toBeInTheDocument();
    expect(runAction).not.toHaveBeenCalled();
  });

  it('sends the early stop with its reason, then closes', async () => {
    const runAction = jest.fn().mockResolvedValue({});
    const { onClose, experiment } = renderDialog('stopEarly', runAction);
    await userEvent.type(await screen.findByLabelText(/Raison/), 'Les équipes ont changé de locaux');
    await userEvent.click(screen.getByRole('button', { name: 'Arrêter le test' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(runAction).toHaveBeenCalledWith(experiment.id, 'stopEarly', {
      reason: 'Les équipes ont changé de locaux',
    });
  });

  it("shows the server's refusal in French, from its code and parameters, and stays open", async () => {
    const english = '"stopEarly" is not allowed while the experiment is evaluating';
    const runAction = jest.fn().mockRejectedValue(
      new HttpError(english, 409, {
        code: 'TRANSITION_NOT_ALLOWED',
        params: { transition: 'stopEarly', state: 'evaluating' },
        message: english,
      }),
    );
    const { onClose } = renderDialog('stopEarly', runAction);
    await userEvent.type(await screen.findByLabelText(/Raison/), 'Fin anticipée');
    await userEvent.click(screen.getByRole('button', { name: 'Arrêter le test' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      "« Arrêt anticipé » n'est pas possible quand le test est à l'état « En évaluation ».",
    );
    expect(alert).not.toHaveTextContent(english);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('requires the weather and the progress of a check-in', async () => {
    const runAction = jest.fn().mockResolvedValue({});
    renderDialog('recordCheckIn', runAction);
    await userEvent.click(await screen.findByRole('button', { name: "Faire un point d'étape" }));
    expect(await screen.findByText('Choisissez une valeur')).toBeInTheDocument();
    expect(screen.getByText('Ce champ est requis')).toBeInTheDocument();
    expect(runAction).not.toHaveBeenCalled();
  });

  it('records a check-in with its weather', async () => {
    const runAction = jest.fn().mockResolvedValue({});
    const { experiment } = renderDialog('recordCheckIn', runAction);
    await userEvent.click(await screen.findByLabelText(/Nuageux/));
    await userEvent.type(screen.getByLabelText(/Avancement/), 'Deux crèches ont commencé');
    await userEvent.click(screen.getByRole('button', { name: "Faire un point d'étape" }));
    await waitFor(() =>
      expect(runAction).toHaveBeenCalledWith(experiment.id, 'recordCheckIn', {
        weather: 'cloudy',
        progress: 'Deux crèches ont commencé',
        blockers: '',
      }),
    );
  });

  it('asks for the handover when the decision is to perpetuate', async () => {
    const runAction = jest.fn().mockResolvedValue({});
    renderDialog('decide', runAction);
    await userEvent.click(await screen.findByLabelText('Pérenniser'));
    await userEvent.type(screen.getByLabelText(/Motivation/), 'Les résultats sont probants');
    await userEvent.click(screen.getByRole('button', { name: 'Décider de la suite' }));
    expect(await screen.findAllByText('Ce champ est requis')).toHaveLength(2);
    expect(runAction).not.toHaveBeenCalled();
  });

  it('sends an iteration with what it will test next', async () => {
    const runAction = jest.fn().mockResolvedValue({});
    const { experiment } = renderDialog('decide', runAction);
    await userEvent.click(await screen.findByLabelText('Itérer'));
    await userEvent.type(screen.getByLabelText(/Motivation/), 'Étendre à une autre crèche');
    await userEvent.type(
      screen.getByLabelText(/itération suivante/),
      'Le même classeur dans une troisième crèche',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Décider de la suite' }));
    await waitFor(() =>
      expect(runAction).toHaveBeenCalledWith(experiment.id, 'decide', {
        outcome: 'iterate',
        rationale: 'Étendre à une autre crèche',
        nextFocus: 'Le même classeur dans une troisième crèche',
      }),
    );
  });
});
