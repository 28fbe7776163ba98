import { echarts } from './echarts.js';

/**
 * Chart text is set in Arial or a font of the same widths (Liberation Sans, Helvetica, Arimo),
 * the widths ECharts measures with when it renders on the server: so labels wrapped here fit the
 * room they are given and never run past the edge of the drawing.
 */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif";

// ECharts counts a letter outside its table (æ, ø, å, ›) as a full em, which would wrap
// "Førstegangshenvendelse" a line early; such letters are measured as the letters they resemble.
const RESEMBLES: Record<string, string> = { æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', '›': '>', '–': '-', '—': 'm', '«': '<', '»': '>', '\u00a0': ' ', '\u202f': ' ' };
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[æÆøØ›–—«»\u00a0\u202f]/g, (c) => RESEMBLES[c]);

/** Width in pixels, with 5 % to spare for a font a little wider than Arial. */
export const textWidth = (text: string, fontSize: number) => echarts.format.getTextRect(plain(text), `${fontSize}px ${FONT_FAMILY}`).width * 1.05;
export const lineHeight = (fontSize: number) => Math.ceil(fontSize * 1.3);

/** A word longer than a line is broken after a hyphen or slash if it has one, else between letters. */
function splitWord(word: string, max: number, fontSize: number): string[] {
  const parts: string[] = [];
  let rest = word;
  while (textWidth(rest, fontSize) > max) {
    let cut = rest.length - 1;
    while (cut > 1 && textWidth(rest.slice(0, cut), fontSize) > max) cut--;
    const soft = Math.max(rest.lastIndexOf('-', cut - 1), rest.lastIndexOf('/', cut - 1));
    if (soft > 0) cut = soft + 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...parts, rest];
}

/** A label wrapped into lines of at most `max` pixels. Every letter is kept: labels are never cut. */
export function wrapLines(label: string, max: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean).flatMap((w) => splitWord(w, max, fontSize))) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, fontSize) <= max) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  return [...lines, line];
}

/** Height of a legend of these names laid out in rows within `width` (as ECharts wraps it). */
export function legendHeight(names: string[], width: number, fontSize: number): number {
  const ITEM_GAP = 10;
  const ICON = 25 + 5;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = ICON + textWidth(name, fontSize);
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + ITEM_GAP;
  }
  return rows * (Math.max(14, lineHeight(fontSize)) + ITEM_GAP);
}
