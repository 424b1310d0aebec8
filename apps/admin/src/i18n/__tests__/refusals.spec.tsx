/// <reference types="node" />
// Node types for this test only: it reads the API and workflow sources to scan them.
/* eslint-disable no-restricted-imports -- this test runs in jest (Node), never in the browser */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
/* eslint-enable no-restricted-imports */
import {
  ERROR_CODES,
  ERROR_MESSAGES,
  FORBIDDEN_ACTIONS,
  FORBIDDEN_ROLES,
  type ErrorCode,
} from '@capacites/domain';
import { HttpError } from 'react-admin';
import { apiErrorMessage } from '../../dataProvider/errors';
import { enMessages } from '../en';
import { frCapacitesMessages } from '../fr';
import { i18nProvider } from '../index';

/**
 * Issue 12, item 16: no English refusal reaches the French back-office. Every reason code the
 * API or the workflow can answer with is declared once (libs/domain/src/errors/error-codes.ts);
 * each has a French translation, not the English text, using only its parameters; and the
 * sources are scanned so that a refusal thrown without a declared code fails here.
 */

const repoRoot = resolve(__dirname, '..', '..', '..', '..', '..');
const fr = frCapacitesMessages.app.errors as Record<string, string>;
const en = (enMessages as unknown as { app: { errors: Record<string, string> } }).app.errors;

/** The English message of a code as a template (`%{maxDays}`), and the parameters it reads. */
function englishTemplate(code: ErrorCode): { text: string; params: Set<string> } {
  const params = new Set<string>();
  const proxy = new Proxy(
    {},
    {
      get: (_target, name) => {
        params.add(String(name));
        return `%{${String(name)}}`;
      },
    },
  );
  return { text: (ERROR_MESSAGES[code] as (p: unknown) => string)(proxy), params };
}

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]);
// Words that give an English sentence away (none is French).
const ENGLISH = /\b(the|is|are|must|cannot|not|only|your|please|this|was|no longer)\b/i;

describe('the reasons the API and the workflow refuse with', () => {
  it('are declared in one place, shared by the API and the back-office', () => {
    expect(ERROR_CODES.length).toBeGreaterThan(40);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it.each(ERROR_CODES)(
    '%s has a French translation, not the English text, with its parameters only',
    (code) => {
      const english = englishTemplate(code);
      const french = fr[code];
      expect(typeof french).toBe('string');
      expect(french.trim().length).toBeGreaterThan(5);
      expect(french).not.toBe(english.text);
      expect(french).not.toBe(en[code]);
      expect(french).not.toMatch(ENGLISH);
      for (const name of placeholders(french)) expect(english.params).toContain(name);
      // English too, for the English UI.
      expect(typeof en[code]).toBe('string');
      for (const name of placeholders(en[code])) expect(english.params).toContain(name);
    },
  );

  it('names, in French, every action a 403 refuses and every role it names', () => {
    const refusals = frCapacitesMessages.app.refusals;
    for (const action of FORBIDDEN_ACTIONS) {
      expect((refusals.actions as Record<string, string>)[action]).toEqual(expect.any(String));
    }
    for (const role of FORBIDDEN_ROLES) {
      expect((refusals.roles as Record<string, string>)[role]).toEqual(expect.any(String));
    }
  });
});

/** Source files of the API and the workflows (tests left out). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const scanned = [join(repoRoot, 'apps', 'api', 'src'), join(repoRoot, 'workflows', 'src')].flatMap(sources);

/** Where a code is thrown or answered, in the sources: each of these must be a declared code. */
const CODE_SITES: RegExp[] = [
  /\brefuse\(\s*'([^']*)'/g, // workflow rules
  /\.(?:conflict|refused)\(\s*'([^']*)'/g, // ResourceException.conflict, ExperimentsException.refused
  /new RefusalException\([^,]+,\s*'([^']*)'/g, // kind, code
  /\bcode: '([A-Z][A-Z0-9_]*)'/g, // error bodies written by hand (the exception filter)
  /\[\d{3},\s*'([^']*)'/g, // Node's parser errors (client-errors.ts)
];

function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of scanned) {
    const text = readFileSync(file, 'utf8');
    const where = relative(repoRoot, file);
    for (const site of CODE_SITES) for (const m of text.matchAll(site)) found.set(m[1], where);
    // Members of the per-context code enums (experiments.exception.ts, auth.exception.ts…).
    if (file.endsWith('.exception.ts')) {
      for (const m of text.matchAll(/^\s+[A-Z_]+ = '([A-Za-z0-9_]+)',?$/gm)) found.set(m[1], where);
    }
    // Nest's HTTP exceptions answer with their status's name as code (NotFoundException → NOT_FOUND).
    for (const m of text.matchAll(/new (\w+)Exception\(/g)) {
      if (
        [
          'Validation',
          'Refusal',
          'Experiments',
          'Auth',
          'Resource',
          'LifecycleRefused',
          'Questionnaires',
        ].includes(m[1])
      )
        continue;
      // new HttpException(message, HttpStatus.X): its code is the status's name.
      const status =
        m[1] === 'Http' ? /HttpStatus\.([A-Z_]+)/.exec(text.slice(m.index, m.index + 400)) : null;
      found.set(status ? status[1] : m[1].replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), where);
    }
  }
  return found;
}

describe('the sources, scanned for refusals', () => {
  it('find the refusals where they are thrown (the scan itself works)', () => {
    const codes = thrownCodes();
    for (const code of [
      'EXTENSION_TOO_LONG',
      'APPROVER_IS_PILOT',
      'TRACK_IN_USE',
      'FRAMING_LOCKED',
      'MALFORMED_JSON',
    ])
      expect(codes.has(code)).toBe(true);
    expect(codes.size).toBeGreaterThan(30);
  });

  it('throw only declared codes, each translated in French', () => {
    const untranslated = [...thrownCodes()]
      .filter(([code]) => !(ERROR_CODES as string[]).includes(code) || typeof fr[code] !== 'string')
      .map(([code, where]) => `${code} (${where})`);
    expect(untranslated).toEqual([]);
  });

  it('never refuse with a sentence in the workflow: every rule goes through refuse(CODE, params)', () => {
    const offenders: string[] = [];
    for (const file of scanned.filter((f) => f.includes(`${join('workflows', 'src')}`))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\brefuse\(\s*([^\s)])/g)) {
        if (m[1] !== "'") offenders.push(`${relative(repoRoot, file)}: refuse(${m[1]}…`);
      }
      // A failure built by hand must carry a declared code in its details (see LifecycleRefusal).
      for (const m of text.matchAll(/ApplicationFailure\.(\w+)\(/g)) {
        const after = text.slice(m.index, m.index + 400);
        if (!/details: \[\{ code:/.test(after))
          offenders.push(`${relative(repoRoot, file)}: ApplicationFailure.${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the error display of the back-office', () => {
  const translate = (key: string, options?: object) => i18nProvider.translate(key, options);
  const refusal = (code: string, params: object, message: string) =>
    new HttpError(message, 409, { statusCode: 409, code, params, message });

  it('says a refusal in French from its code and parameters, never the English message', () => {
    const english = 'the new expiry date must stay within the maximum duration of 90 days from launch';
    const shown = apiErrorMessage(refusal('EXTENSION_TOO_LONG', { maxDays: 90 }, english), translate);
    expect(shown).toBe(
      'La nouvelle date de péremption doit rester dans la durée maximale de 90 jours après le lancement.',
    );
  });

  it('says each missing item of a refused launch in French', () => {
    const shown = apiErrorMessage(
      refusal(
        'NOT_READY_TO_LAUNCH',
        {
          missing: ['hypothesis', 'consent'],
          problems: ['a hypothesis is required: no hypothesis, no test'],
        },
        'The experiment is not ready to launch: a hypothesis is required: no hypothesis, no test.',
      ),
      translate,
    );
    expect(shown).toContain('Pas d’hypothèse, pas de test.');
    expect(shown).toContain("certain·es n'ont pas encore donné leur accord");
    expect(shown).not.toMatch(ENGLISH);
  });

  it('names what a 403 refuses and who may do it, in French', () => {
    const shown = apiErrorMessage(
      new HttpError('Your role does not allow this action', 403, {
        code: 'FORBIDDEN',
        params: { action: 'approveExtension', roles: ['sponsor'] },
      }),
      translate,
    );
    expect(shown).toBe(
      'Votre rôle ne le permet pas : « accorder la prolongation » est réservé au portage institutionnel du test.',
    );
  });

  it('names an unknown code in a French sentence rather than showing the English message', () => {
    const shown = apiErrorMessage(refusal('SOMETHING_NEW', {}, 'Something new went wrong.'), translate);
    expect(shown).toBe('Le serveur a refusé la demande (motif SOMETHING_NEW).');
    expect(apiErrorMessage(new TypeError('Failed to fetch'), translate)).toBe(
      'Le serveur ne répond pas : vérifiez votre connexion et réessayez.',
    );
  });
});
