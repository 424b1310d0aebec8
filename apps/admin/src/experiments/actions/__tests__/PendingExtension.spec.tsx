import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import type { TimelineEntry } from '../../../dataProvider';
import { experimentStub, stubIds } from '../../../testing/experimentStub';
import { fakeDataProvider, TestAdmin } from '../../../testing/TestAdmin';
import { ActionDialog } from '../ActionDialog';
import { lastExtensionRequest } from '../PendingExtension';

const REQUEST = {
  requestedBy: stubIds.pilot,
  requestedAt: '2026-03-01T09:00:00.000Z',
  newExpiresAt: '2026-04-30T21:59:59.999Z',
  justification: 'Les retours des familles arrivent en avril.',
};

const timelineEntry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  id: '1',
  kind: 'audit',
  event: 'extensionRequested',
  at: REQUEST.requestedAt,
  fromState: 'running',
  toState: 'running',
  actorId: REQUEST.requestedBy,
  reason: REQUEST.justification,
  details: { newExpiresAt: REQUEST.newExpiresAt },
  recipients: null,
  ...overrides,
});

function renderDialog(overrides: Record<string, unknown>, action: 'approveExtension' | 'refuseExtension') {
  const onClose = jest.fn();
  render(
    <TestAdmin dataProvider={fakeDataProvider(overrides)}>
      <ActionDialog experiment={experimentStub.running()} action={action} open onClose={onClose} />
    </TestAdmin>,
  );
  return onClose;
}

describe('the extension request in the sponsor dialogs', () => {
  it('shows the new date and the justification asked for, from the workflow status', async () => {
    renderDialog(
      { getStatus: jest.fn(() => Promise.resolve({ pendingExtension: REQUEST })) },
      'approveExtension',
    );
    expect(await screen.findByTestId('pending-extension-date')).toHaveTextContent('30 avril 2026');
    expect(screen.getByText('Les retours des familles arrivent en avril.')).toBeInTheDocument();
    expect(screen.getByText('12 mars 2026')).toBeInTheDocument();
  });

  it("falls back to the history's last request when the status cannot be read", async () => {
    const getTimeline = jest.fn(() =>
      Promise.resolve([
        timelineEntry({
          id: '0',
          details: { newExpiresAt: '2026-03-31T21:59:59.999Z' },
          reason: 'Première demande',
        }),
        timelineEntry({ id: '1' }),
      ]),
    );
    renderDialog(
      { getStatus: jest.fn(() => Promise.reject(new HttpError('unavailable', 503, {}))), getTimeline },
      'refuseExtension',
    );
    expect(await screen.findByTestId('pending-extension-date')).toHaveTextContent('30 avril 2026');
    expect(screen.getByText('Les retours des familles arrivent en avril.')).toBeInTheDocument();
  });

  it('closes with Escape without sending anything', async () => {
    const runAction = jest.fn();
    const onClose = renderDialog(
      { getStatus: jest.fn(() => Promise.resolve({ pendingExtension: REQUEST })), runAction },
      'approveExtension',
    );
    await screen.findByTestId('pending-extension');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(runAction).not.toHaveBeenCalled();
  });
});

describe('the last extension request of a timeline', () => {
  it('is the latest recorded one, none without', () => {
    expect(lastExtensionRequest([timelineEntry({ id: '1' })])).toEqual(REQUEST);
    expect(lastExtensionRequest([timelineEntry({ kind: 'notice' })])).toBeNull();
    expect(lastExtensionRequest([])).toBeNull();
  });
});
