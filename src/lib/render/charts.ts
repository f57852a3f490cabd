/**
 * A horizontal bar chart as rows of text with a bar each. Labels and values are page text, not
 * SVG text scaled with the chart, so they stay at the body's size on a 360 px phone; only the bar
 * itself is a tiny SVG stretched to its share of the row.
 */
export interface BarDatum {
  label: string;
  value: number;
}

export interface BarRow extends BarDatum {
  /** The bar's length as a share of the longest, 0–100 (a non-zero value shows at least 1). */
  share: number;
}

/** Rows scaled to the largest value. */
export function layoutBars(data: readonly BarDatum[]): BarRow[] {
  const max = Math.max(1, ...data.map((d) => d.value));
  return data.map((d) => ({ ...d, share: d.value > 0 ? Math.max(1, Math.round((d.value / max) * 1000) / 10) : 0 }));
}

/** Counts per month (`YYYY-MM`), every month from the first to the last present, zeros included. */
export function countByMonth(days: readonly string[]): BarDatum[] {
  if (days.length === 0) return [];
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day.slice(0, 7), (counts.get(day.slice(0, 7)) ?? 0) + 1);
  const months = [...counts.keys()].sort();
  const [firstYear, firstMonth] = months[0]!.split('-').map(Number) as [number, number];
  const last = months.at(-1)!;
  const out: BarDatum[] = [];
  for (let year = firstYear, month = firstMonth; ; month++) {
    if (month > 12) [year, month] = [year + 1, 1];
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push({ label: key, value: counts.get(key) ?? 0 });
    if (key === last) break;
  }
  return out;
}
