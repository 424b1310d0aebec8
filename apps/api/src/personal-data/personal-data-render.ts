import type { Writable } from 'node:stream';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  PERSONAL_DATA_EXCLUSIONS_FR,
  PERSONAL_DATA_SECTION_TITLES_FR,
  PERSONAL_DATA_SECTIONS,
  type PersonalDataRecord,
  type PersonalDataSection,
  type PersonalDataSubject,
} from '@capacites/domain';
// The product's one pdfmake instance: fonts and access policies set once (committee-pdf.ts).
import { pdfmake } from '../committee-sessions/committee-pdf';
import { formatInstant, recordLines } from './personal-data-format';

/** What both readable renderings say on their first page. */
export interface RenderMeta {
  subject: PersonalDataSubject;
  requestedBy: { displayName: string; kind: 'self' | 'administrator' };
  generatedAt: Date;
  timeZone: string;
}

const DOCUMENT_TITLE = 'Vos données personnelles dans Capacités';

function introLines(meta: RenderMeta): string[] {
  return [
    `Personne concernée : ${meta.subject.displayName} (${meta.subject.email})`,
    `Document produit le ${formatInstant(meta.generatedAt, meta.timeZone)} (heure de ${meta.timeZone})` +
      (meta.requestedBy.kind === 'administrator'
        ? `, par ${meta.requestedBy.displayName}, pour répondre à votre demande d’accès (article 15 du RGPD).`
        : ', à votre demande (droit d’accès, article 15 du RGPD).'),
    'Toutes les dates sont données dans ce fuseau horaire. Le même contenu existe au format JSON, lisible par une machine.',
  ];
}

/** A record's short heading: what it is about, when the record says. */
function recordHeading(record: PersonalDataRecord, index: number): string {
  const about = ['title', 'experiment', 'subject', 'event', 'organization', 'name', 'questionnaire']
    .map((key) => record[key])
    .find((value) => typeof value === 'string' && value !== '');
  return about ? `${index}. ${about as string}` : `${index}.`;
}

/**
 * The PDF: a cover, a table of contents by category, then every category with every record
 * whole (long texts wrap, nothing cut). pdfmake draws no structure tree, so the document is
 * marked tagged with its language and title only; the HTML rendering is the accessible one.
 */
export function renderPersonalDataPdf(
  meta: RenderMeta,
  sections: Record<PersonalDataSection, PersonalDataRecord[]>,
): Promise<Buffer> {
  const content: Content[] = [
    { text: 'DROIT D’ACCÈS · RGPD ARTICLE 15', style: 'kicker' },
    { text: DOCUMENT_TITLE, style: 'title' },
    ...introLines(meta).map((text): Content => ({ text, margin: [0, 0, 0, 4] })),
    { text: 'Ce que ce document ne contient pas', style: 'h3' },
    { ul: [...PERSONAL_DATA_EXCLUSIONS_FR] },
    { toc: { title: { text: 'Sommaire', style: 'h2' } }, margin: [0, 12, 0, 0] },
  ];
  for (const section of PERSONAL_DATA_SECTIONS) {
    const records = sections[section];
    content.push({
      text: `${PERSONAL_DATA_SECTION_TITLES_FR[section]} (${records.length})`,
      style: 'h1',
      tocItem: true,
      pageBreak: section === PERSONAL_DATA_SECTIONS[0] ? 'before' : undefined,
    });
    if (records.length === 0) content.push({ text: 'Aucune donnée.', italics: true });
    records.forEach((record, i) => {
      const lines = recordLines(record, meta.timeZone);
      content.push({
        stack: [
          { text: recordHeading(record, i + 1), style: 'h3' },
          ...lines.map((line): Content => ({
            text:
              line.value === ''
                ? [{ text: line.label, bold: true }]
                : [{ text: `${line.label} : `, bold: true }, line.value],
            margin: [line.depth * 12, 0, 0, 1],
          })),
        ],
        margin: [0, 0, 0, 6],
      });
    });
  }
  const definition: TDocumentDefinitions = {
    info: {
      title: DOCUMENT_TITLE,
      subject: meta.subject.displayName,
      author: 'Capacités',
      creator: 'Capacités',
    },
    language: 'fr-FR',
    tagged: true,
    displayTitle: true,
    version: '1.7',
    content,
    defaultStyle: { fontSize: 9 },
    styles: {
      kicker: { fontSize: 9, bold: true, color: '#3a3a3a', characterSpacing: 1 },
      title: { fontSize: 20, bold: true, margin: [0, 4, 0, 10] },
      h1: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 2] },
    },
    footer: (page: number, pages: number): Content => ({
      text: `${DOCUMENT_TITLE} · ${meta.subject.displayName} · page ${page} / ${pages}`,
      fontSize: 8,
      color: '#3a3a3a',
      alignment: 'center',
      margin: [0, 10, 0, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/**
 * Writes a chunk and waits for the stream to take more (backpressure); a client that left
 * ends the export with an error instead of a wait that never ends.
 */
export function writeChunk(out: Writable, text: string): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('the client closed the download'));
  if (out.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      out.off('drain', onDrain);
      reject(new Error('the client closed the download'));
    };
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#161616;max-width:60rem;margin:0 auto;padding:1rem}
a{color:#000091}a:focus{outline:3px solid #000091;outline-offset:2px}
h1{font-size:1.8rem}h2{font-size:1.4rem;border-bottom:2px solid #161616;margin-top:2.5rem}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
dl{margin:0 0 .5rem}dl>div{display:flex;gap:.5rem}dt{font-weight:700;min-width:12rem}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.empty{font-style:italic}`;

/**
 * The accessible HTML page, written as the records arrive (one batch in memory at a time):
 * one document, no script and nothing fetched, `lang="fr"`, a table of contents, one heading
 * per category and per record, each record a description list.
 */
export class PersonalDataHtmlWriter {
  private index = 0;

  constructor(
    private readonly out: Writable,
    private readonly meta: RenderMeta,
  ) {}

  private write(text: string): Promise<void> {
    return writeChunk(this.out, text);
  }

  start(): Promise<void> {
    const toc = PERSONAL_DATA_SECTIONS.map(
      (s) => `<li><a href="#${s}">${escapeHtml(PERSONAL_DATA_SECTION_TITLES_FR[s])}</a></li>`,
    ).join('');
    return this.write(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(`${DOCUMENT_TITLE} · ${this.meta.subject.displayName}`)}</title><style>${STYLE}</style></head><body>` +
        `<header><p>Droit d’accès · RGPD article 15</p><h1>${DOCUMENT_TITLE}</h1>` +
        introLines(this.meta)
          .map((line) => `<p>${escapeHtml(line)}</p>`)
          .join('') +
        `<h2 id="exclusions">Ce que ce document ne contient pas</h2><ul>${PERSONAL_DATA_EXCLUSIONS_FR.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></header>` +
        `<nav aria-labelledby="toc-title"><h2 id="toc-title">Sommaire</h2><ol>${toc}</ol></nav><main>`,
    );
  }

  sectionStart(section: PersonalDataSection): Promise<void> {
    this.index = 0;
    return this.write(
      `<section aria-labelledby="${section}"><h2 id="${section}">${escapeHtml(PERSONAL_DATA_SECTION_TITLES_FR[section])}</h2>`,
    );
  }

  async records(batch: PersonalDataRecord[]): Promise<void> {
    let html = '';
    for (const record of batch) {
      this.index += 1;
      html += `<article><h3>${escapeHtml(recordHeading(record, this.index))}</h3><dl>`;
      for (const line of recordLines(record, this.meta.timeZone)) {
        html +=
          `<div style="margin-left:${line.depth * 1.5}rem"><dt>${escapeHtml(line.label)}</dt>` +
          `<dd>${escapeHtml(line.value)}</dd></div>`;
      }
      html += '</dl></article>';
    }
    await this.write(html);
  }

  sectionEnd(count: number): Promise<void> {
    return this.write(
      `${count === 0 ? '<p class="empty">Aucune donnée.</p>' : `<p>${count} enregistrement${count > 1 ? 's' : ''}.</p>`}</section>`,
    );
  }

  end(): Promise<void> {
    return this.write('</main></body></html>');
  }
}
