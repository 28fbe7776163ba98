import type { Locale } from '../enums.js';

/**
 * Words of the charts and of the printed page, per locale. Kept beside the charts rather than in
 * the report's own words, which describe tables.
 */
export interface ChartWords {
  /** In place of a chart whose every value is hidden. */
  allHidden: string;
  /** In place of a chart with nothing counted. */
  nothingCounted: string;
  /** Above a chart that draws only the largest rows of a long table. */
  largest: string;
  /** Page numbers of the printed report: the words around the two numbers. */
  page: [before: string, between: string];
}

export const CHART_WORDS: Record<Locale, ChartWords> = {
  nb: {
    allHidden: 'Ingen figur: alle tallene den skulle vise, er skjult for å verne enkeltpersoner. Tabellen viser det som kan publiseres.',
    nothingCounted: 'Ingen figur: det er ingen henvendelser å vise her.',
    largest: 'De {n} største av {total}. Alle står i tabellen.',
    page: ['Side ', ' av '],
  },
  da: {
    allHidden: 'Ingen figur: alle de tal, den skulle vise, er skjult for at beskytte enkeltpersoner. Tabellen viser det, der kan offentliggøres.',
    nothingCounted: 'Ingen figur: der er ingen henvendelser at vise her.',
    largest: 'De {n} største af {total}. Alle står i tabellen.',
    page: ['Side ', ' af '],
  },
  en: {
    allHidden: 'No chart: every number it would show is hidden to protect individuals. The table shows what can be published.',
    nothingCounted: 'No chart: there are no contacts to show here.',
    largest: 'The {n} largest of {total}. The table has them all.',
    page: ['Page ', ' of '],
  },
};
