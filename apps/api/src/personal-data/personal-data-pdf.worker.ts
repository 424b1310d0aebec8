// The personal data PDF, laid out in a worker thread: pdfmake lays a document out in one
// synchronous block (minutes for thousands of records), which must never hold the API's event
// loop. One job at a time; the API queues the rest (personal-data-pdf.renderer.ts).
import { parentPort } from 'node:worker_threads';
import type { PersonalDataRecord, PersonalDataSection } from '@capacites/domain';
import { renderPersonalDataPdf, type RenderMeta } from './personal-data-render';

export interface PdfJob {
  meta: RenderMeta;
  sections: Record<PersonalDataSection, PersonalDataRecord[]>;
}

export type PdfJobResult = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

parentPort?.on('message', (job: PdfJob) => {
  renderPersonalDataPdf(job.meta, job.sections).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      parentPort?.postMessage({ ok: true, pdf: bytes } satisfies PdfJobResult);
    },
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, message: (error as Error).message } satisfies PdfJobResult),
  );
});
