/**
 * The words of a text as the directory search compares them: lower case, letters and digits,
 * and a folded form without diacritics (ø → o, æ → ae, å → a, é → e) so a query typed on a
 * keyboard without Norwegian or Danish letters still finds the word.
 */
export function wordsOf(text: string): string[] {
  // Composed first: "A" with a separate ring (as some exports write "Å") is one letter, not two words.
  return (text.normalize('NFC').toLocaleLowerCase('nb').match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function fold(word: string): string {
  return word
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}
