import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { spreadsheetText, type ExportFormat } from '@capacites/domain';

export type Cell = string | number | null;

/** Writes a table row by row into a stream, waiting when the reader is slower. */
export interface TabularWriter {
  rows(rows: Cell[][]): Promise<void>;
  end(): Promise<void>;
}

/** Text typed by people stays text in a spreadsheet (formula injection); numbers stay numbers. */
const guarded = (cell: Cell): Cell => (typeof cell === 'string' ? spreadsheetText(cell) : cell);

/**
 * Waits until the reader has taken what was written. A client that leaves closes the
 * stream without 'drain': the export stops then (its cursor closed, its connection back).
 */
async function drained(out: Writable): Promise<void> {
  if (!out.destroyed && out.writableNeedDrain) {
    const stop = new AbortController();
    // Whichever comes first; the other listener is removed (its rejection is expected).
    const settled = (event: string) =>
      once(out, event, { signal: stop.signal }).then(
        () => undefined,
        () => undefined,
      );
    await Promise.race([settled('drain'), settled('close')]);
    stop.abort();
  }
  if (out.destroyed) throw new Error('the client closed the download');
}

const csvCell = (cell: Cell): string => {
  if (cell === null) return '';
  const text = String(cell);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV as French spreadsheets open it: UTF-8 with a byte order mark, `;` between fields,
 * CRLF between records, fields quoted when they hold a separator, a quote or a line break
 * (RFC 4180 otherwise).
 */
function csvWriter(out: Writable, headers: string[]): TabularWriter {
  const line = (cells: Cell[]) => `${cells.map(csvCell).join(';')}\r\n`;
  out.write(`\uFEFF${line(headers)}`);
  return {
    async rows(rows) {
      out.write(rows.map((row) => line(row.map(guarded))).join(''));
      await drained(out);
    },
    async end() {
      await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

/** XLSX through exceljs's streaming writer: each row is committed (and freed) once written. */
function xlsxWriter(out: Writable, headers: string[], sheetName: string): TabularWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  return {
    async rows(rows) {
      for (const row of rows) sheet.addRow(row.map(guarded)).commit();
      await drained(out);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function tabularWriter(
  format: ExportFormat,
  out: Writable,
  headers: string[],
  sheetName: string,
): TabularWriter {
  return format === 'xlsx' ? xlsxWriter(out, headers, sheetName) : csvWriter(out, headers);
}
