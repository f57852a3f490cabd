// src/lib/render/: what pages are written from: escaper, Markdown, paper page and card, nav, charts, URLs, feed items.

/**
 * The home page's section cards without holes: 6 sections sit 3 + 3 rather than 4 + 2, and 7 sit
 * as two full rows of 4 with one card twice as wide. `columns` is for wide screens (at most
 * `maxColumns`, as few rows as that allows); `wide` are the cards that span two columns there,
 * the first of as many rows as would otherwise end short. On two-column screens `wideOnTwo` is
 * the card that spans both (the first, when the count is odd).
 */
export function cardGrid(count: number, maxColumns = 4): { columns: number; wide: number[]; wideOnTwo: number[] } {
  if (count <= 0) return { columns: 1, wide: [], wideOnTwo: [] };
  const rows = Math.ceil(count / maxColumns);
  const columns = Math.ceil(count / rows);
  // Fewer than `rows` holes, so one wide card per short row fills every row.
  const holes = rows * columns - count;
  const wide: number[] = [];
  for (let row = 0, index = 0; row < rows; row++) {
    if (row < holes) {
      wide.push(index);
      index += columns - 1;
    } else index += columns;
  }
  return { columns, wide: columns > 1 ? wide : [], wideOnTwo: count % 2 === 1 && count > 1 ? [0] : [] };
}
