import { QUESTIONNAIRE_LIMITS, type PublicQuestion } from '@capacites/domain';
import { targetOf } from '../api';
import { format } from '../messages';
import { answeredKey, browserToken } from '../token';
import { answersToSend, frenchErrors, serverErrors } from '../validate';

const question = (
  id: string,
  kind: PublicQuestion['kind'],
  more: Partial<PublicQuestion> = {},
): PublicQuestion => ({
  id,
  kind,
  label: `Question ${id}`,
  help: '',
  required: false,
  options: [],
  minLabel: '',
  maxLabel: '',
  ...more,
});

const questions = [
  question('satisfaction', 'scale', { required: true, minLabel: 'Pas du tout', maxLabel: 'Beaucoup' }),
  question('again', 'yesNo'),
  question('liked', 'multipleChoice', { options: ['Le délai', 'L’écoute'] }),
  question('word', 'shortText'),
];

describe('the public answer page', () => {
  it('answers /q/<code> for a public questionnaire, /q/<uuid> for a participant, nothing else', () => {
    expect(targetOf('/q/23456789ab')).toEqual({ kind: 'public', code: '23456789ab' });
    expect(targetOf('/q/3F2504E0-4F89-41D3-9A0C-0305E82C3301/')).toEqual({
      kind: 'participant',
      id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    });
    // Look-alike characters are not in codes; other paths are unknown, and nothing is asked.
    for (const path of ['/q/0123456789', '/q/abc', '/q/', '/q/23456789ab/x', '/api/q/23456789ab'])
      expect(targetOf(path)).toBeNull();
  });

  it('names, in French, each answer the API would refuse, by question', () => {
    expect(frenchErrors(questions, {})).toEqual({ satisfaction: 'Répondez à cette question.' });
    const long = 'x'.repeat(QUESTIONNAIRE_LIMITS.shortText + 1);
    expect(frenchErrors(questions, { satisfaction: 6, liked: ['Le lieu'], word: long })).toEqual({
      satisfaction: 'Cette réponse n’est pas valable : choisissez parmi les propositions.',
      liked: 'Cette réponse n’est pas valable : choisissez parmi les propositions.',
      word: `Votre réponse dépasse ${QUESTIONNAIRE_LIMITS.shortText} caractères : raccourcissez-la.`,
    });
    expect(
      frenchErrors(questions, { satisfaction: 4, again: false, liked: ['L’écoute'], word: ' Bien ' }),
    ).toEqual({});
  });

  it('sends only the answered questions, texts trimmed', () => {
    expect(answersToSend(questions, { satisfaction: 3, again: null, liked: [], word: '  oui ' })).toEqual({
      satisfaction: 3,
      word: 'oui',
    });
  });

  it('shows the API’s 400 under the questions it names', () => {
    expect(
      serverErrors(questions, { word: 'x' }, [
        { field: 'answers.satisfaction' },
        { field: 'answers.word' },
        { field: 'token' },
      ]),
    ).toEqual({
      satisfaction: 'Répondez à cette question.',
      word: 'Cette réponse n’est pas valable : choisissez parmi les propositions.',
    });
  });

  it('keeps one random token per questionnaire in the browser, and makes one when storage is refused', () => {
    const kept = new Map<string, string>();
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    };
    const token = browserToken('23456789ab', storage);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(browserToken('23456789ab', storage)).toBe(token);
    expect(browserToken('bcdefghjkm', storage)).not.toBe(token);
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
    };
    expect(browserToken('23456789ab', refusing)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(answeredKey('23456789ab')).not.toBe(answeredKey('bcdefghjkm'));
  });

  it('fills its messages’ placeholders', () => {
    expect(format('du %{a} au %{b}, %{c}', { a: 1, b: 'deux' })).toBe('du 1 au deux, %{c}');
  });
});
