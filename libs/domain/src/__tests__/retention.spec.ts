import {
  effectiveRetentionDays,
  isClosedState,
  isRetentionDue,
  orderPeopleForPseudonyms,
  PERSON_COLUMN_RULES,
  RETENTION_DEFAULT_DAYS,
  retentionDueAt,
  retentionSettingsSchema,
  uncoveredPersonColumns,
} from '../privacy/retention';

describe('retention rules (issue 17, item 3)', () => {
  it('applies the default period unless the organisation set its own', () => {
    expect(effectiveRetentionDays(null)).toBe(RETENTION_DEFAULT_DAYS);
    expect(RETENTION_DEFAULT_DAYS).toBe(730);
    expect(effectiveRetentionDays(90)).toBe(90);
  });

  it('refuses a period outside the bounds, naming the field', () => {
    expect(retentionSettingsSchema.safeParse({ retentionDays: 365 }).success).toBe(true);
    for (const retentionDays of [29, 3651, 12.5]) {
      const parsed = retentionSettingsSchema.safeParse({ retentionDays });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].path).toEqual(['retentionDays']);
    }
  });

  it('counts a test as closed only once its lifecycle has ended', () => {
    expect(['perpetuated', 'abandoned', 'iterated', 'cancelled'].every((s) => isClosedState(s as never))).toBe(true);
    expect(['draft', 'running', 'evaluating', 'deciding'].some((s) => isClosedState(s as never))).toBe(false);
  });

  it('is due when closing plus the period has passed, not a millisecond before', () => {
    const closedAt = new Date('2026-01-10T15:00:00Z');
    const due = retentionDueAt(closedAt, 30);
    expect(due.toISOString()).toBe('2026-02-09T15:00:00.000Z');
    expect(isRetentionDue(closedAt, 30, new Date(due.getTime() - 1))).toBe(false);
    expect(isRetentionDue(closedAt, 30, due)).toBe(true);
  });

  it('numbers a test’s people pilots first, then the sponsor, the participants and the others, each once', () => {
    expect(
      orderPeopleForPseudonyms({
        pilots: ['p1', 'p2'],
        sponsor: 's',
        participants: ['a', 'p1', 'b'],
        others: ['z', 'a', 'h'],
      }),
    ).toEqual(['p1', 'p2', 's', 'a', 'b', 'h', 'z']);
  });

  it('names the columns without a rule, and declares each rule once', () => {
    expect(uncoveredPersonColumns([{ table: 'check_ins', column: 'author_id' }])).toEqual([]);
    expect(uncoveredPersonColumns([{ table: 'new_table', column: 'user_id' }])).toEqual([
      { table: 'new_table', column: 'user_id' },
    ]);
    const keys = PERSON_COLUMN_RULES.map((r) => `${r.table}.${r.column}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(PERSON_COLUMN_RULES.every((r) => r.why.length > 10)).toBe(true);
  });
});
