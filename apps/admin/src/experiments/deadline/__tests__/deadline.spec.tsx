import { render, screen } from '@testing-library/react';
import { TestAdmin } from '../../../testing/TestAdmin';
import { experimentStub } from '../../../testing/experimentStub';
import { countdown, currentDeadline } from '../deadline';
import { DeadlineCountdown } from '../DeadlineCountdown';

const NOW = new Date('2026-02-28T10:00:00.000Z');
const DAY = 86_400_000;

describe('the countdown to a deadline', () => {
  it('counts whole days left, rounded up', () => {
    expect(countdown(new Date(NOW.getTime() + 11.5 * DAY), NOW)).toEqual({ overdue: false, days: 12 });
  });

  it('counts the days overdue once the deadline has passed', () => {
    expect(countdown(new Date(NOW.getTime() - 4.2 * DAY), NOW)).toEqual({ overdue: true, days: 5 });
  });

  it('follows the expiry while running, then the evaluation due date', () => {
    expect(currentDeadline(experimentStub.running('2026-03-12T22:59:59.999Z'))).toEqual({
      kind: 'expiry',
      at: '2026-03-12T22:59:59.999Z',
    });
    expect(currentDeadline(experimentStub.evaluating('2026-03-01T22:59:59.999Z'))?.kind).toBe('evaluation');
    expect(currentDeadline(experimentStub.readyDraft())).toBeNull();
  });
});

describe('<DeadlineCountdown>', () => {
  it('shows "J-12" twelve days before the expiry of a running test', async () => {
    const record = experimentStub.running(new Date(NOW.getTime() + 11.5 * DAY).toISOString());
    render(
      <TestAdmin record={record}>
        <DeadlineCountdown now={NOW} />
      </TestAdmin>,
    );
    const countdownText = await screen.findByText('J-12');
    expect(countdownText).toHaveAttribute('data-overdue', 'false');
  });

  it('shows an overdue evaluation in red, "dépassé de 5 jours"', async () => {
    const record = experimentStub.evaluating(new Date(NOW.getTime() - 4.2 * DAY).toISOString());
    render(
      <TestAdmin record={record}>
        <DeadlineCountdown now={NOW} />
      </TestAdmin>,
    );
    const countdownText = await screen.findByText('Évaluation : dépassé de 5 jours');
    expect(countdownText).toHaveAttribute('data-overdue', 'true');
    expect(countdownText).toHaveStyle({ color: 'rgb(211, 47, 47)' });
  });

  it('says "dépassé de 1 jour" in the singular', async () => {
    const record = experimentStub.evaluating(new Date(NOW.getTime() - 0.5 * DAY).toISOString());
    render(
      <TestAdmin record={record}>
        <DeadlineCountdown now={NOW} />
      </TestAdmin>,
    );
    expect(await screen.findByText('Évaluation : dépassé de 1 jour')).toBeInTheDocument();
  });

  it('shows nothing for a draft', () => {
    const { container } = render(
      <TestAdmin record={experimentStub.readyDraft()}>
        <DeadlineCountdown now={NOW} />
      </TestAdmin>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
