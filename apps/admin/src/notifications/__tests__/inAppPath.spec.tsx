import { inAppPath } from '../NotificationList';

describe('a notification opened in the back-office', () => {
  it('leads to the page its email links to: a questionnaire’s answer page, not its test', () => {
    expect(
      inAppPath({
        experimentId: 'e1',
        link: 'https://capacites.nantes.fr/#/questionnaires/q1/answer',
      }),
    ).toBe('/questionnaires/q1/answer');
  });

  it('leads to its test’s page otherwise', () => {
    expect(inAppPath({ experimentId: 'e1', link: 'https://capacites.nantes.fr/#/experiments/e1/show' })).toBe(
      '/experiments/e1/show',
    );
    expect(inAppPath({ experimentId: 'e1', link: '' })).toBe('/experiments/e1/show');
    expect(inAppPath({ experimentId: null, link: '' })).toBeNull();
  });
});
