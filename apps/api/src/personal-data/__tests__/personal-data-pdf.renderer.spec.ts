import { PERSONAL_DATA_PDF_QUEUE, PersonalDataPdfRenderer } from '../personal-data-pdf.renderer';
import type { PdfJob } from '../personal-data-pdf.worker';

describe('the personal data PDF renderer’s places', () => {
  it('holds one PDF being laid out and PERSONAL_DATA_PDF_QUEUE waiting, refuses one more, and frees a place once', () => {
    const renderer = new PersonalDataPdfRenderer();
    const places = Array.from({ length: 1 + PERSONAL_DATA_PDF_QUEUE }, () => renderer.reserve());
    expect(places.every((release) => typeof release === 'function')).toBe(true);
    expect(renderer.reserve()).toBeNull();
    places[0]?.();
    places[0]?.(); // given back twice: still one place
    const again = renderer.reserve();
    expect(again).not.toBeNull();
    expect(renderer.reserve()).toBeNull();
  });

  it('does not lay out a document whose client left before its turn (no worker started)', async () => {
    const renderer = new PersonalDataPdfRenderer();
    await expect(renderer.render({} as PdfJob, () => true)).rejects.toThrow('closed the download');
    await renderer.onModuleDestroy();
  });
});
