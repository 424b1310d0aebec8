import { parseInput } from '../../validation';
import {
  canManageTemplates,
  draftFramingFromTemplate,
  templateCreateSchema,
  templateRequiredFor,
  templateUpdateSchema,
  templateUsableBy,
} from '../template';
import type { Principal } from '../../organization/access';

const ORG = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const OTHER = '7c1d2e3f-0a1b-4c2d-9e3f-4a5b6c7d8e9f';
const TRACK = '11111111-2222-4333-8444-555555555555';

const templateStub = {
  minimal: () => ({ name: 'Tiers-lieu RH', trackId: TRACK }),
  complete: () => ({
    name: 'Micro-mobilité : immersion de trois jours',
    trackId: TRACK,
    organizationId: ORG,
    hypothesis: 'Si des agents passent trois jours dans un autre service, alors …',
    criteria: [
      {
        id: 'envie',
        name: 'Envie de mobilité',
        method: 'Questionnaire',
        target: '60 %',
        coBuiltWithUsers: true,
      },
    ],
    durationDays: 90,
    checkInCadenceDays: 14,
    exitPlan: { pilotWithdrawal: 'À la fin du trimestre', takeover: 'Le service RH' },
    questionnaires: [
      {
        title: 'Pulse à mi-parcours',
        audience: 'participants',
        window: 'run',
        questions: [
          {
            kind: 'scale',
            label: 'Avez-vous envie de bouger ?',
            minLabel: 'Non',
            maxLabel: 'Oui',
            criterionId: 'envie',
          },
          { kind: 'singleChoice', label: 'Quel service ?', options: ['Voirie', 'Crèche'] },
        ],
      },
    ],
  }),
};

const principal = (memberships: Principal['memberships']): Principal => ({ userId: 'u', memberships });

describe('a template', () => {
  it('takes a name and a track, everything else defaulted, shared by the network when no organisation is given', () => {
    const result = parseInput(templateCreateSchema, templateStub.minimal());
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        organizationId: null,
        criteria: [],
        durationDays: null,
        questionnaires: [],
        exitPlan: { pilotWithdrawal: '', takeover: '' },
      }),
    });
  });

  it('holds criteria with methods and targets, a duration, a rhythm, an exit plan and questionnaire skeletons', () => {
    const result = parseInput(templateCreateSchema, templateStub.complete());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.criteria[0]).toMatchObject({ method: 'Questionnaire', target: '60 %' });
    expect(result.value.questionnaires[0]).toMatchObject({ window: 'run', intro: '' });
    expect(result.value.questionnaires[0].questions[1]).toMatchObject({
      kind: 'singleChoice',
      options: ['Voirie', 'Crèche'],
    });
  });

  it('names every bad field: duration out of range, a choice question without choices, a question tied to no criterion', () => {
    const stub = templateStub.complete();
    const result = parseInput(templateCreateSchema, {
      ...stub,
      durationDays: 0,
      questionnaires: [
        {
          ...stub.questionnaires[0],
          questions: [
            { kind: 'multipleChoice', label: 'Lesquels ?', options: ['Un seul'] },
            { kind: 'yesNo', label: 'Et alors ?', criterionId: 'inconnu' },
          ],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'durationDays',
      'questionnaires.0.questions.0.options',
      'questionnaires.0.questions.1.criterionId',
    ]);
  });

  it('names a missing track and an unknown field', () => {
    const result = parseInput(templateCreateSchema, {
      ...templateStub.complete(),
      trackId: undefined,
      state: 'draft',
    });
    expect(result.ok === false && result.errors.map((e) => e.field).sort()).toEqual(['state', 'trackId']);
  });

  it('refuses two criteria with one id (questions point at them)', () => {
    const stub = templateStub.complete();
    const result = parseInput(templateCreateSchema, {
      ...stub,
      criteria: [stub.criteria[0], stub.criteria[0]],
    });
    expect(result.ok === false && result.errors.map((e) => e.field)).toEqual(['criteria.1.id']);
  });

  it('is archived by an update, and its owner cannot change', () => {
    expect(parseInput(templateUpdateSchema, { archived: true })).toEqual({
      ok: true,
      value: { archived: true },
    });
    const moved = parseInput(templateUpdateSchema, { organizationId: OTHER });
    expect(moved.ok === false && moved.errors.map((e) => e.field)).toEqual(['organizationId']);
  });
});

describe('who writes templates', () => {
  it('a shared template is the platform admin’s only; an organisation’s own is its HR’s too', () => {
    const admin = principal([{ organizationId: OTHER, role: 'admin' }]);
    const hr = principal([{ organizationId: ORG, role: 'hr' }]);
    const pilot = principal([{ organizationId: ORG, role: 'pilot' }]);
    expect(canManageTemplates(admin, null)).toBe(true);
    expect(canManageTemplates(admin, ORG)).toBe(true);
    expect(canManageTemplates(hr, ORG)).toBe(true);
    expect(canManageTemplates(hr, null)).toBe(false);
    expect(canManageTemplates(hr, OTHER)).toBe(false);
    expect(canManageTemplates(pilot, ORG)).toBe(false);
  });

  it('an organisation starts from a shared template or its own, never an archived one nor another’s', () => {
    expect(templateUsableBy({ organizationId: null, archived: false }, ORG)).toBe(true);
    expect(templateUsableBy({ organizationId: ORG, archived: false }, ORG)).toBe(true);
    expect(templateUsableBy({ organizationId: OTHER, archived: false }, ORG)).toBe(false);
    expect(templateUsableBy({ organizationId: null, archived: true }, ORG)).toBe(false);
  });
});

describe('the rule "a template is required for this track"', () => {
  it('refuses a test of that track unless it comes from a template of that track', () => {
    expect(templateRequiredFor([TRACK], TRACK, null)).toBe(true);
    expect(templateRequiredFor([TRACK], TRACK, OTHER)).toBe(true);
    expect(templateRequiredFor([TRACK], TRACK, TRACK)).toBe(false);
  });

  it('leaves other tracks and tests without a track alone', () => {
    expect(templateRequiredFor([TRACK], OTHER, null)).toBe(false);
    expect(templateRequiredFor([TRACK], null, null)).toBe(false);
    expect(templateRequiredFor([], TRACK, null)).toBe(false);
  });
});

describe('a draft from a template', () => {
  const parsed = parseInput(templateCreateSchema, templateStub.complete());
  if (!parsed.ok) throw new Error('the stub is valid');
  const template = parsed.value;

  it('takes the template’s framing, and its duration as an expiry at the end of that local day', () => {
    // 6 December 2026, 10:00 in Paris: 90 days later is 6 March 2027, ending at 23:59:59.999 there.
    const framing = draftFramingFromTemplate(template, {}, new Date('2026-12-06T09:00:00Z'), 'Europe/Paris');
    expect(framing).toMatchObject({
      trackId: TRACK,
      hypothesis: template.hypothesis,
      criteria: template.criteria,
      checkInCadenceDays: 14,
      exitPlan: template.exitPlan,
    });
    expect(framing.expiresAt?.toISOString()).toBe('2027-03-06T22:59:59.999Z');
  });

  it('keeps what the author typed over the skeleton, and copies the criteria (no shared objects)', () => {
    const framing = draftFramingFromTemplate(
      template,
      { hypothesis: 'Notre propre hypothèse', scope: '  ' },
      new Date('2026-12-06T09:00:00Z'),
      'Europe/Paris',
    );
    expect(framing.hypothesis).toBe('Notre propre hypothèse');
    expect(framing.scope).toBe(template.scope);
    expect(framing.criteria[0]).not.toBe(template.criteria[0]);
  });

  it('proposes no expiry when the template plans no duration', () => {
    const framing = draftFramingFromTemplate(
      { ...template, durationDays: null },
      {},
      new Date(),
      'Europe/Paris',
    );
    expect(framing.expiresAt).toBeNull();
  });
});
