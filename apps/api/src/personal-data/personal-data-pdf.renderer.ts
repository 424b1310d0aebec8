import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { PdfJob, PdfJobResult } from './personal-data-pdf.worker';

/**
 * PDF exports that may wait (counting or reading their rows, or queued) beside the one being
 * laid out, per API process; one more is refused (409, PERSONAL_DATA_PDF_BUSY).
 */
export const PERSONAL_DATA_PDF_QUEUE = 4;

/**
 * The worker's entry point: the compiled file beside this one (dist/, plain node), or the
 * TypeScript source loaded through the repository's SWC hook (dev runtime, tests), since a
 * worker thread does not inherit the transpiler of the thread that starts it.
 */
function startWorker(): Worker {
  const compiled = join(__dirname, 'personal-data-pdf.worker.js');
  if (existsSync(compiled)) return new Worker(compiled);
  const source = join(__dirname, 'personal-data-pdf.worker.ts');
  const register = join(__dirname, '..', '..', '..', '..', 'scripts', 'register.cjs');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, { eval: true });
}

interface Pending {
  job: PdfJob;
  cancelled: () => boolean;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * Lays the personal data PDFs out off the event loop: one worker thread per API process,
 * started at the first PDF and kept (its fonts loaded once), one document at a time. An export
 * reserves its place on arrival (`reserve`), so that at most 1 + PERSONAL_DATA_PDF_QUEUE are in
 * progress, rows held included. A worker that dies fails its job and is replaced.
 */
@Injectable()
export class PersonalDataPdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(PersonalDataPdfRenderer.name);
  private worker: Worker | null = null;
  private current: Pending | null = null;
  private readonly queue: Pending[] = [];
  private reserved = 0;

  /**
   * A place for one PDF export, taken before any row is read or any audit written, or null
   * when 1 + PERSONAL_DATA_PDF_QUEUE are already in progress. Give it back (once) when done.
   */
  reserve(): (() => void) | null {
    if (this.reserved >= 1 + PERSONAL_DATA_PDF_QUEUE) return null;
    this.reserved += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.reserved -= 1;
    };
  }

  /** Lays the document out when its turn comes; skipped (rejected) if `cancelled` by then. */
  render(job: PdfJob, cancelled: () => boolean = () => false): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ job, cancelled, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.current) return;
    let pending = this.queue.shift();
    while (pending?.cancelled()) {
      pending.reject(new Error('the client closed the download before its turn'));
      pending = this.queue.shift();
    }
    if (!pending) return;
    this.current = pending;
    const worker = this.ensureWorker();
    worker.ref();
    worker.postMessage(pending.job);
  }

  private settle(outcome: { pdf: Buffer } | { error: Error }): void {
    const pending = this.current;
    this.current = null;
    this.worker?.unref();
    if (pending) {
      if ('pdf' in outcome) pending.resolve(outcome.pdf);
      else pending.reject(outcome.error);
    }
    this.next();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (result: PdfJobResult) =>
      this.settle(
        result.ok
          ? { pdf: Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength) }
          : { error: new Error(result.message) },
      ),
    );
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.logger.error(`personal data PDF worker lost: ${reason}`);
      this.settle({ error: new Error(`the PDF worker stopped: ${reason}`) });
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the API is stopping'));
    if (worker) await worker.terminate();
    this.current?.reject(new Error('the API is stopping'));
    this.current = null;
  }
}
