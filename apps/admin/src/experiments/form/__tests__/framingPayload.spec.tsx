import { updateExperimentSchema } from '@capacites/domain';
import { experimentStub, stubIds } from '../../../testing/experimentStub';
import { toFramingFormValues, toFramingPayload } from '../framingPayload';

describe('the framing form', () => {
  it("shows the expiry as the organisation's local day", () => {
    const record = experimentStub.readyDraft('2026-03-12T22:59:59.999Z');
    expect(toFramingFormValues(record, 'Europe/Paris').expiresOn).toBe('2026-03-12');
  });

  it("sends a draft's whole framing, accepted by the domain's schema", () => {
    const values = toFramingFormValues(experimentStub.readyDraft('2026-03-12T22:59:59.999Z'), 'Europe/Paris');
    const body = toFramingPayload(
      { ...values, criteria: [{ name: 'Satisfaction des familles', coBuiltWithUsers: true }] },
      'draft',
    );
    const parsed = updateExperimentSchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(Object.keys(body)).not.toContain('state');
    expect(body.criteria?.[0]).toMatchObject({
      name: 'Satisfaction des familles',
      method: '',
      coBuiltWithUsers: true,
    });
    expect(body.criteria?.[0].id).toEqual(expect.any(String));
  });

  it("never sends a participant's consent: the people only (consent is their own act)", () => {
    const values = toFramingFormValues(experimentStub.readyDraft('2026-03-12T22:59:59.999Z'), 'Europe/Paris');
    const body = toFramingPayload(
      { ...values, participants: [{ userId: stubIds.member, consentedAt: '2026-01-01T09:00:00.000Z' }] },
      'draft',
    );
    expect(body.participants).toEqual([{ userId: stubIds.member }]);
    // What the API refuses: a framing edit carrying a consent (400 naming the field).
    const forged = updateExperimentSchema.safeParse({
      participants: [{ userId: stubIds.member, consentedAt: '2026-01-01T09:00:00.000Z' }],
    });
    expect(forged.success).toBe(false);
    expect(forged.error?.issues[0].path).toEqual(['participants', 0, 'consentedAt']);
  });

  it('sends only the vision and the scope of a running test', () => {
    const values = toFramingFormValues(experimentStub.running(), 'Europe/Paris');
    expect(Object.keys(toFramingPayload(values, 'running')).sort()).toEqual(['scope', 'vision']);
  });
});
