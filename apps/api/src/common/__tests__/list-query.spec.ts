import { z } from 'zod';
import { ValidationException } from '../app.exception';
import { contentRange, parseListQuery } from '../list-query';

describe('react-admin list query parsing', () => {
  const filter = z.object({ state: z.string().optional() }).strict();
  const parse = (query: Record<string, unknown>) =>
    parseListQuery(query, filter, ['title', 'createdAt'], { field: 'createdAt', order: 'DESC' });

  it('reads filter, range and sort in the simple REST format', () => {
    expect(parse({ filter: '{"state":"draft"}', range: '[10,19]', sort: '["title","ASC"]' })).toEqual({
      filter: { state: 'draft' },
      offset: 10,
      limit: 10,
      sort: { field: 'title', order: 'ASC' },
    });
  });

  it('defaults to the first 25 rows in the default order', () => {
    expect(parse({})).toMatchObject({ offset: 0, limit: 25, sort: { field: 'createdAt', order: 'DESC' } });
  });

  it('serves a range longer than a page its first rows', () => {
    expect(parse({ range: '[0,10000]' })).toMatchObject({ offset: 0, limit: 500 });
  });

  it('names every bad parameter: malformed JSON, unknown filter, unsortable field, bad range', () => {
    expect.assertions(2);
    try {
      parse({ filter: '{"colour":"red"}', range: '[0,-1]', sort: '["password","ASC"]' });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationException);
      expect((error as ValidationException).fields?.map((f) => f.field)).toEqual([
        'filter.colour',
        'range',
        'sort',
      ]);
    }
  });

  it('rejects a filter that is not JSON', () => {
    expect(() => parse({ filter: '{state:' })).toThrow(/filter must be JSON/);
  });

  it('formats Content-Range, including for an empty page', () => {
    expect(contentRange('experiments', 0, 25, 319)).toBe('experiments 0-24/319');
    expect(contentRange('experiments', 50, 0, 10)).toBe('experiments */10');
  });

  it('reads an end before the start as an empty page, not an error', () => {
    const q = parse({ range: '[10,3]' });
    expect(q.limit).toBe(1);
    expect(q.offset).toBe(Number.MAX_SAFE_INTEGER);
  });
});
