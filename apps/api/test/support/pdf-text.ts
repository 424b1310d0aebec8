import { spawn } from 'node:child_process';

// pdf-parse (pdf.js) loads its worker with a dynamic import, which jest's module sandbox refuses:
// the extraction runs in a plain Node process of its own, given the PDF on stdin.
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
});`;

/** The text of a PDF, extracted by a library (pdf-parse), and its number of pages. */
export function pdfText(data: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', EXTRACT], {
      cwd: process.cwd(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0)
        return reject(new Error(`pdf-parse failed (${code}): ${Buffer.concat(err).toString()}`));
      resolve(JSON.parse(Buffer.concat(out).toString()) as { text: string; pages: number });
    });
    child.stdin.end(data);
  });
}

/** supertest's parser for a binary body: collected as a Buffer (`.buffer(true).parse(binary)`). */
export function binary(res: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}
