/**
 * Rows as a plain-text table: columns padded to their widest cell, the first `textColumns`
 * left-aligned and the rest (counts) right-aligned, two spaces apart. The sync report and
 * check:counts print their tables with it.
 */
export function formatTextTable(rows: readonly (readonly string[])[], textColumns = 1): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < textColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
