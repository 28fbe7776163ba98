import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { login, openBrowser, type Browser } from './support/browser.js';
import { pdfPages, type PdfPage } from './support/pdf.js';

const baseUrl = inject('baseUrl');
const users = inject('users');
// `brobygger demo` (in global setup) loads last year whole and this year so far.
const YEAR = new Date().getUTCFullYear() - 1;

const HELPLINES = [
  // A large year: every chart drawn, a report of many pages.
  { id: 'kors-pa-halsen', name: 'Kors på halsen' },
  // A small year with a long name: the running head must still carry all of it.
  { id: 'rode-kors-telefonen', name: 'Røde Kors-telefonen om negativ sosial kontroll og æresrelatert vold' },
];

/**
 * Marks where boxes start and end, as tiny white text that lands in the PDF wherever its box is
 * laid out: the top of each section's heading and of what follows it, the top and the bottom of
 * each chart. Absolutely placed, so the page breaks the test checks stay as they were.
 */
function markBoxes() {
  const mark = (el: Element, text: string, edge: 'top' | 'bottom') => {
    (el as HTMLElement).style.position = 'relative';
    const span = document.createElement('span');
    span.textContent = text;
    span.style.cssText = `position:absolute;left:0;${edge}:0;font-size:3px;line-height:1;color:#fff;white-space:nowrap`;
    el.append(span);
  };
  const sections = [...document.querySelectorAll('main section')];
  const titles = sections.map((s) => s.querySelector('h2')!.textContent!);
  sections.forEach((section, i) => {
    const heading = section.querySelector('h2')!;
    let next = heading.nextElementSibling!;
    // A table's header row repeats on every page it spans; its first body row is what follows.
    if (next.matches('table, .table-scroll')) next = next.querySelector('tbody th')!;
    mark(heading, `MARKH${i}X`, 'top');
    mark(next, `MARKN${i}X`, 'top');
    const figure = section.querySelector('figure');
    if (figure) {
      mark(figure, `MARKCS${i}X`, 'top');
      mark(figure, `MARKCE${i}X`, 'bottom');
    }
  });
  return { sections: sections.length, figures: document.querySelectorAll('main figure').length, titles };
}

const pageOf = (pages: PdfPage[], marker: string) => pages.filter((p) => p.text.includes(marker)).map((p) => p.number);

describe('the printable report prints to A4', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
    await login(browser.page, baseUrl, users.admin, '/dashboard');
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const helpline of HELPLINES) {
    it(`${helpline.name}: helpline, year and page number on every page; no heading alone at a page's foot; no chart split`, async () => {
      const { page } = browser;
      await page.goto(`${baseUrl}/api/stats/report.html?helplineId=${helpline.id}&year=${YEAR}&suppress=true&lang=nb`);
      const marked = await page.evaluate(markBoxes);
      expect(marked.sections).toBeGreaterThanOrEqual(9);

      // As the browser's own print to PDF does: the page's CSS chooses the paper.
      const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(pages.length).toBeGreaterThanOrEqual(helpline.id === 'kors-pa-halsen' ? 6 : 3);

      for (const p of pages) {
        expect([Math.round(p.width), Math.round(p.height)], `page ${p.number} is A4`).toEqual([595, 842]);
        const top = p.items[0];
        const bottom = p.items[p.items.length - 1];
        // The running head, first on the page, and the page number, last on it.
        expect(top.text, `page ${p.number} head`).toBe(`${helpline.name} · Årsrapport ${YEAR}`);
        expect(bottom.text, `page ${p.number} foot`).toBe(`Side ${p.number} av ${pages.length}`);
        expect(top.y).toBeLessThan(60);
        expect(bottom.y).toBeGreaterThan(p.height - 50);
      }

      // Every heading and chart checked, and all that fall short listed together.
      const problems: string[] = [];
      let charts = 0;
      marked.titles.forEach((title, i) => {
        const [headingPage] = pageOf(pages, `MARKH${i}X`);
        if (!headingPage || !pages[headingPage - 1].text.includes(title)) problems.push(`heading "${title}" is not printed`);
        const next = pageOf(pages, `MARKN${i}X`);
        if (next.join() !== String(headingPage)) problems.push(`"${title}" ends page ${headingPage}; what it heads starts on page ${next.join()}`);
        const start = pageOf(pages, `MARKCS${i}X`);
        if (!start.length) return;
        charts++;
        const end = pageOf(pages, `MARKCE${i}X`);
        if (end.join() !== start.join()) problems.push(`chart "${title}" starts on page ${start.join()} and ends on page ${end.join()}`);
      });
      expect(problems).toEqual([]);
      expect(charts, 'every chart was found in the PDF').toBe(marked.figures);
      if (helpline.id === 'kors-pa-halsen') expect(charts).toBeGreaterThanOrEqual(8);
    });
  }
});
