import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.js';
import { indexColumns } from './validate-rows.js';
import { FileProblem } from './file-problem.js';

// docs/import-format.md: "Error messages quote at most 40 characters of any cell or column name."

/** The FileProblem a header is refused with. */
function refusal(header: string[]): FileProblem {
  try {
    indexColumns(header);
  } catch (err) {
    if (err instanceof FileProblem) return err;
    throw err;
  }
  throw new Error('header accepted');
}

describe('quoting user input in an error message', () => {
  it('quotes a value of 40 characters whole and cuts a longer one to 40 with an ellipsis', () => {
    const forty = 'abcdefghij'.repeat(4);
    expect(excerpt(forty)).toBe(forty);
    expect(excerpt(`${forty}k`)).toBe(`${'abcdefghij'.repeat(3)}abcdefghi…`);
    expect(excerpt(`${forty}k`)).toHaveLength(40);
    expect(excerpt('kvinne')).toBe('kvinne');
  });

  it('names up to ten unknown columns and counts the rest', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `kolonne${i + 1}`);
    expect(refusal(['date_time', 'channel', 'kind', ...ten]).params).toEqual({
      columns: 'kolonne1, kolonne2, kolonne3, kolonne4, kolonne5, kolonne6, kolonne7, kolonne8, kolonne9, kolonne10',
    });
    expect(refusal(['date_time', 'channel', 'kind', ...ten, 'kolonne11', 'kolonne12']).params).toEqual({
      columns: 'kolonne1, kolonne2, kolonne3, kolonne4, kolonne5, kolonne6, kolonne7, kolonne8, kolonne9, kolonne10 (+2)',
    });
  });

  it('cuts each long column name in the list', () => {
    const long = 'x'.repeat(2_000);
    expect(refusal(['date_time', 'channel', 'kind', long, 'tema']).params).toEqual({ columns: `${'x'.repeat(39)}…, tema` });
    expect(refusal(['date_time', 'channel', 'kind', 'summary', 'summary']).params).toEqual({ columns: 'summary' });
  });
});
