// A PDF read back page by page with PDF.js: what each page shows, where, so tests check a printout
// as a reader holds it (and the README's pictures of it can be made the same way).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  text: string;
  /** From the page's left edge, in points. */
  x: number;
  /** From the page's top edge, in points (PDF counts from the bottom; people read from the top). */
  y: number;
}

export interface PdfPage {
  number: number;
  /** In points: A4 is 595 × 842. */
  width: number;
  height: number;
  items: PdfText[];
  /** Everything on the page in reading order, one space between pieces. */
  text: string;
}

export async function pdfPages(data: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items
      .flatMap((i) => ('str' in i && i.str.trim() ? [{ text: i.str, x: i.transform[4], y: height - i.transform[5] }] : []))
      .sort((a, b) => a.y - b.y || a.x - b.x);
    pages.push({ number: n, width, height, items, text: items.map((i) => i.text).join(' ') });
  }
  await doc.destroy();
  return pages;
}

/** One page drawn as PNG by PDF.js (with the canvas it brings for Node), for pictures of a printout. */
export async function pdfPagePng(data: Uint8Array, pageNumber: number, scale = 1.5): Promise<Buffer> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { toBuffer(type: string): Buffer }; context: unknown } } }).canvasFactory;
    const { canvas, context } = factory.create(viewport.width, viewport.height);
    await page.render({ canvasContext: context, viewport, canvas } as unknown as Parameters<typeof page.render>[0]).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
}
