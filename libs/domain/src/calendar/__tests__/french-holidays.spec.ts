import { frenchPublicHolidays, workingCalendar } from '../french-holidays';
import { departementSchema } from '../departement';

/**
 * The published dates (service-public.fr, "Jours fériés"; Légifrance, décret n° 83-1003 for
 * the abolition days), written out by hand: Easter Monday, Ascension (Easter + 39) and Whit
 * Monday (Easter + 50) move every year, Good Friday too in Alsace-Moselle.
 */
const EASTER_BASED: Record<
  number,
  { goodFriday: string; easterMonday: string; ascension: string; whitMonday: string }
> = {
  2026: {
    goodFriday: '2026-04-03',
    easterMonday: '2026-04-06',
    ascension: '2026-05-14',
    whitMonday: '2026-05-25',
  },
  2027: {
    goodFriday: '2027-03-26',
    easterMonday: '2027-03-29',
    ascension: '2027-05-06',
    whitMonday: '2027-05-17',
  },
  2028: {
    goodFriday: '2028-04-14',
    easterMonday: '2028-04-17',
    ascension: '2028-05-25',
    whitMonday: '2028-06-05',
  },
  2029: {
    goodFriday: '2029-03-30',
    easterMonday: '2029-04-02',
    ascension: '2029-05-10',
    whitMonday: '2029-05-21',
  },
  2030: {
    goodFriday: '2030-04-19',
    easterMonday: '2030-04-22',
    ascension: '2030-05-30',
    whitMonday: '2030-06-10',
  },
};

const national = (year: number): string[] =>
  [
    `${year}-01-01`,
    EASTER_BASED[year].easterMonday,
    `${year}-05-01`,
    `${year}-05-08`,
    EASTER_BASED[year].ascension,
    EASTER_BASED[year].whitMonday,
    `${year}-07-14`,
    `${year}-08-15`,
    `${year}-11-01`,
    `${year}-11-11`,
    `${year}-12-25`,
  ].sort();

const datesOf = (year: number, departement: string | null) =>
  frenchPublicHolidays(year, departement).map((holiday) => holiday.date);

describe('French public holidays, 2026–2030', () => {
  for (const year of [2026, 2027, 2028, 2029, 2030]) {
    it(`are the eleven national days in ${year} for a mainland département`, () => {
      expect(datesOf(year, null)).toEqual(national(year));
      expect(datesOf(year, '75')).toEqual(national(year));
      expect(datesOf(year, '2A')).toEqual(national(year));
    });

    it(`add Good Friday and 26 December in Moselle, Bas-Rhin and Haut-Rhin in ${year}`, () => {
      const alsaceMoselle = [...national(year), EASTER_BASED[year].goodFriday, `${year}-12-26`].sort();
      for (const departement of ['57', '67', '68']) expect(datesOf(year, departement)).toEqual(alsaceMoselle);
    });

    it(`add each overseas département's abolition-of-slavery day in ${year}`, () => {
      expect(datesOf(year, '972')).toEqual(
        [...national(year), EASTER_BASED[year].goodFriday, `${year}-05-22`].sort(),
      );
      expect(datesOf(year, '971')).toEqual(
        [...national(year), EASTER_BASED[year].goodFriday, `${year}-05-27`].sort(),
      );
      expect(datesOf(year, '973')).toEqual([...national(year), `${year}-06-10`].sort());
      expect(datesOf(year, '974')).toEqual([...national(year), `${year}-12-20`].sort());
      expect(datesOf(year, '976')).toEqual([...national(year), `${year}-04-27`].sort());
    });
  }

  it('name the days in French', () => {
    const names = frenchPublicHolidays(2027, '974').map((holiday) => holiday.name);
    expect(names).toContain('Lundi de Pentecôte');
    expect(names.some((name) => /esclavage/i.test(name))).toBe(true);
  });

  it('do not depend on the time zone of the process (dates are local days there)', () => {
    // Tahiti's offset is −10 h: a Date built in local time would land on the previous day in UTC.
    const calendar = workingCalendar('67', 2028, 2029);
    expect(calendar.holidays).toContain('2028-12-26');
    expect(calendar.holidays).toContain('2029-03-30');
    expect(calendar.holidays).toEqual([...calendar.holidays].sort());
    expect(calendar.holidays).toHaveLength(2 * 13);
  });

  it('accept INSEE département codes only', () => {
    for (const code of ['01', '13', '2A', '2B', '57', '95', '971', '976'])
      expect(departementSchema.safeParse(code).success).toBe(true);
    for (const code of ['00', '20', '96', '975', '977', '2C', '7', 'Paris', ''])
      expect(departementSchema.safeParse(code).success).toBe(false);
  });
});
