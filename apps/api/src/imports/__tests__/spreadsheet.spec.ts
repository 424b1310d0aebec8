import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '@capacites/domain';
import { importModelCsv, importModelXlsx, readSpreadsheet } from '../spreadsheet';

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code: string }).code, params: (error as { params: unknown }).params };
  }
  throw new Error('accepted');
};

describe('reading an import spreadsheet', () => {
  it('reads a CSV with ";" and a BOM, headers in any case, rows numbered as the spreadsheet shows them', async () => {
    const rows = await readSpreadsheet(
      'suivi.csv',
      Buffer.from(
        '\uFEFFtitre;ÉTAT;Date de Péremption\r\nUn test;brouillon;\r\n;;\r\n"Deux; tests";en cours;30/09/2026\r\n',
      ),
    );
    expect(rows).toEqual([
      { rowNumber: 2, cells: { title: 'Un test', state: 'brouillon', expiresOn: '' } },
      { rowNumber: 4, cells: { title: 'Deux; tests', state: 'en cours', expiresOn: '30/09/2026' } },
    ]);
  });

  it('reads a CSV with "," and one saved in Windows-1252 by an older spreadsheet', async () => {
    const latin = Buffer.from('Titre,État\r\nPérennité,pérennisé\r\n', 'latin1');
    expect(await readSpreadsheet('a.csv', latin)).toEqual([
      { rowNumber: 2, cells: { title: 'Pérennité', state: 'pérennisé' } },
    ]);
  });

  it('reads an XLSX: its "Tests" sheet, dates typed as dates, rich text and formulas by their text', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Autre').addRow(['rien']);
    const sheet = workbook.addWorksheet('Tests');
    sheet.addRow(['Titre', 'État', 'Date de lancement', 'Hypothèse']);
    sheet.addRow([
      { richText: [{ text: 'Un ' }, { text: 'test', font: { bold: true } }] },
      { formula: '"en"&" cours"', result: 'en cours' },
      new Date(Date.UTC(2026, 0, 5)),
      42,
    ]);
    const rows = await readSpreadsheet('suivi.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: { title: 'Un test', state: 'en cours', launchedOn: '2026-01-05', hypothesis: '42' },
      },
    ]);
  });

  it('refuses unknown or missing columns, an empty file, another format, naming each', async () => {
    expect(await refusal(readSpreadsheet('a.csv', Buffer.from('Titre;État;Budget\r\nx;y;z\r\n')))).toEqual({
      code: 'IMPORT_COLUMNS_UNKNOWN',
      params: { columns: ['Budget'] },
    });
    expect(await refusal(readSpreadsheet('a.csv', Buffer.from('Titre\r\nx\r\n')))).toEqual({
      code: 'IMPORT_COLUMNS_MISSING',
      params: { columns: ['État'] },
    });
    expect((await refusal(readSpreadsheet('a.csv', Buffer.from('Titre;État\r\n'))))?.code).toBe(
      'IMPORT_EMPTY',
    );
    expect((await refusal(readSpreadsheet('a.pdf', Buffer.from('%PDF'))))?.code).toBe(
      'IMPORT_FORMAT_UNSUPPORTED',
    );
    expect((await refusal(readSpreadsheet('a.xlsx', Buffer.from('PK not a zip'))))?.code).toBe(
      'IMPORT_FILE_UNREADABLE',
    );
  });

  it('reads back its own model files: every column, the example row', async () => {
    const fromXlsx = await readSpreadsheet('modele.xlsx', await importModelXlsx());
    const fromCsv = await readSpreadsheet('modele.csv', Buffer.from(importModelCsv()));
    for (const rows of [fromXlsx, fromCsv]) {
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0].cells)).toEqual(IMPORT_COLUMNS.map((c) => c.key));
      expect(rows[0].cells.state).toBe('pérennisé');
    }
  });
});
