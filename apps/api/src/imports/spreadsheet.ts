import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  IMPORT_COLUMN_HEADER,
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  importColumnForHeader,
  type ImportColumnKey,
  type RawImportRow,
} from '@capacites/domain';
import { ImportsErrorCode, importsRefusal } from './imports.exception';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** XLSX by its name or its zip signature; CSV by its name or a text type. */
export function spreadsheetFormat(fileName: string, content: Buffer): SpreadsheetFormat {
  if (/\.xlsx$/i.test(fileName) || content.subarray(0, 2).toString('latin1') === 'PK') return 'xlsx';
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  throw importsRefusal(ImportsErrorCode.FORMAT_UNSUPPORTED, {}, [
    { field: 'file', message: 'only XLSX and CSV files can be imported' },
  ]);
}

/** A cell as the text HR typed: dates as YYYY-MM-DD, rich text and formulas by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer without the ArrayBufferLike parameter of newer @types/node.
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw unreadable('XLSX');
  }
  // The model's sheet is "Tests"; any other file: its first sheet.
  const sheet = workbook.getWorksheet('Tests') ?? workbook.worksheets[0];
  if (!sheet) throw unreadable('XLSX');
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    lines[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(lines, (l) => l ?? []);
}

function readCsv(content: Buffer): string[][] {
  // UTF-8 (with or without BOM) as the model; a file saved by an older spreadsheet in Windows-1252 too.
  let text = new TextDecoder('utf-8').decode(content);
  if (text.includes('\uFFFD')) text = new TextDecoder('windows-1252').decode(content);
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', ',', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch {
    throw unreadable('CSV');
  }
}

const unreadable = (format: string) =>
  importsRefusal(ImportsErrorCode.FILE_UNREADABLE, { format }, [
    { field: 'file', message: `this ${format} file cannot be read` },
  ]);

/**
 * The rows of a spreadsheet under its header line, numbered as the spreadsheet shows them
 * (the headers are line 1). Headers are matched without case or accents; a missing required
 * column or an unknown one is refused before any row is read.
 */
export async function readSpreadsheet(fileName: string, content: Buffer): Promise<RawImportRow[]> {
  const format = spreadsheetFormat(fileName, content);
  const lines = format === 'xlsx' ? await readXlsx(content) : readCsv(content);
  const headerIndex = lines.findIndex((line) => line.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0)
    throw importsRefusal(ImportsErrorCode.EMPTY, {}, [{ field: 'file', message: 'no rows' }]);
  const headers = lines[headerIndex].map((h) => h.trim());
  const columns = headers.map((h) => (h ? importColumnForHeader(h) : undefined));
  const unknown = headers.filter((h, i) => h && !columns[i]);
  if (unknown.length > 0)
    throw importsRefusal(ImportsErrorCode.COLUMNS_UNKNOWN, { columns: unknown }, [
      { field: 'file', message: `unknown columns: ${unknown.join(', ')}` },
    ]);
  const required: ImportColumnKey[] = ['title', 'state'];
  const missing = required.filter((key) => !columns.includes(key)).map((key) => IMPORT_COLUMN_HEADER[key]);
  if (missing.length > 0)
    throw importsRefusal(ImportsErrorCode.COLUMNS_MISSING, { columns: missing }, [
      { field: 'file', message: `missing columns: ${missing.join(', ')}` },
    ]);
  const rows: RawImportRow[] = [];
  lines.slice(headerIndex + 1).forEach((line, index) => {
    if (!line.some((cell) => (cell ?? '').trim() !== '')) return;
    const cells: RawImportRow['cells'] = {};
    columns.forEach((key, column) => {
      if (key) cells[key] = (line[column] ?? '').trim();
    });
    rows.push({ rowNumber: headerIndex + index + 2, cells });
  });
  if (rows.length === 0)
    throw importsRefusal(ImportsErrorCode.EMPTY, {}, [{ field: 'file', message: 'no rows' }]);
  if (rows.length > IMPORT_MAX_ROWS)
    throw importsRefusal(ImportsErrorCode.TOO_MANY_ROWS, { max: IMPORT_MAX_ROWS }, [
      { field: 'file', message: `at most ${IMPORT_MAX_ROWS} rows` },
    ]);
  return rows;
}

/** The model file: the "Tests" sheet (headers, one example) and the "Notice" sheet (each column explained). */
export async function importModelXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Capacités';
  const sheet = workbook.addWorksheet('Tests', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(14, c.header.length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example])));
  const notice = workbook.addWorksheet('Notice');
  notice.columns = [
    { header: 'Colonne', key: 'header', width: 36 },
    { header: 'Ce qu’elle contient', key: 'help', width: 110 },
  ];
  notice.getRow(1).font = { bold: true };
  notice.addRow({
    header: 'Mode d’emploi',
    help:
      'Une ligne par test, sous les en-têtes de la feuille « Tests ». Envoyez le fichier depuis « Importer des tests » : ' +
      'un essai à blanc montre ce qui sera créé et chaque cellule à corriger (ligne et colonne) avant toute écriture. ' +
      'Importer deux fois le même fichier ne crée rien de plus. Dates au format jj/mm/aaaa.',
  });
  for (const c of IMPORT_COLUMNS) notice.addRow({ header: c.header, help: c.help });
  notice.getColumn('help').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same model as CSV (UTF-8 with BOM, ";"-separated, as the exports). */
export function importModelCsv(): string {
  const quote = (value: string) => (/[";\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return (
    '\uFEFF' +
    [
      IMPORT_COLUMNS.map((c) => quote(c.header)).join(';'),
      IMPORT_COLUMNS.map((c) => quote(c.example)).join(';'),
    ].join('\r\n') +
    '\r\n'
  );
}
