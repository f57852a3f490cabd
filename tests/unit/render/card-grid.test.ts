import { describe, expect, it } from 'vitest';
import { cardGrid } from '../../../src/lib/render/card-grid';

/** Cards per row as CSS grid auto-placement lays them out, a wide card taking two columns. */
function rowsOf(count: number, columns: number, wide: readonly number[]): number[] {
  const rows: number[] = [];
  let used = columns;
  for (let index = 0; index < count; index++) {
    const span = wide.includes(index) ? 2 : 1;
    if (used + span > columns) {
      rows.push(0);
      used = 0;
    }
    used += span;
    rows[rows.length - 1] = used;
  }
  return rows;
}

describe('the section cards on the home page', () => {
  it.each(Array.from({ length: 13 }, (_, index) => index + 1))('%i cards fill every row, wide and on two columns', (count) => {
    const { columns, wide, wideOnTwo } = cardGrid(count);
    expect(columns).toBeLessThanOrEqual(4);
    expect(rowsOf(count, columns, wide).every((filled) => filled === columns)).toBe(true);
    if (count > 1) expect(rowsOf(count, 2, wideOnTwo).every((filled) => filled === 2)).toBe(true);
  });

  it('sits 6 sections 3 + 3 and 7 as two rows of 4, the first card wide', () => {
    expect(cardGrid(6)).toEqual({ columns: 3, wide: [], wideOnTwo: [] });
    expect(cardGrid(7)).toEqual({ columns: 4, wide: [0], wideOnTwo: [0] });
  });
});
