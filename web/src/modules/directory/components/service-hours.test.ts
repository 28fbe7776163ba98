import { describe, expect, it } from 'vitest';
import nb from '../../../i18n/nb.json' with { type: 'json' };
import en from '../../../i18n/en.json' with { type: 'json' };
import { serviceHoursLines } from './service-hours.js';

/** The app's own words: a key's text in the bundle, as i18next would give it. */
const words = (bundle: Record<string, unknown>) => (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], bundle) as string;

describe("a service's weekly hours on its card", () => {
  it('says days and times in the reader\'s words, each with the note written beside it', () => {
    const hours = [
      { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '15:00', note: 'Stengt i romjulen' },
      { days: [6], opens: '22:00', closes: '02:00', note: null },
    ];
    expect(serviceHoursLines(hours, words(nb))).toEqual([
      { text: 'man–fre 09:00–15:00', note: 'Stengt i romjulen' },
      { text: 'lør 22:00–02:00', note: null },
    ]);
    expect(serviceHoursLines(hours, words(en)).map((l) => l.text)).toEqual(['Mon–Fri 09:00–15:00', 'Sat 22:00–02:00']);
  });

  it('puts hours of the same days on one line when no note stands between them', () => {
    const split = [
      { days: [1, 3], opens: '09:00', closes: '11:30', note: null },
      { days: [3, 1], opens: '12:00', closes: '16:00', note: null },
    ];
    expect(serviceHoursLines(split, words(nb))).toEqual([{ text: 'man, ons 09:00–11:30, 12:00–16:00', note: null }]);
  });

  it('reads a whole day as such, and every day around the clock as always open (the editor writes 00:00–23:59)', () => {
    const everyDay = [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59', note: null }];
    expect(serviceHoursLines(everyDay, words(nb))).toEqual([{ text: 'Alltid åpen', note: null }]);
    expect(serviceHoursLines([{ days: [6, 7], opens: '00:00', closes: '24:00', note: null }], words(nb))).toEqual([{ text: 'lør, søn hele døgnet', note: null }]);
    expect(serviceHoursLines([], words(nb))).toEqual([]);
  });
});
