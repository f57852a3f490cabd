/** Geometry for a horizontal bar chart drawn as static SVG at build time. */
export interface BarDatum {
  label: string;
  value: number;
}

export interface BarLayout {
  width: number;
  height: number;
  labelWidth: number;
  bars: { label: string; value: number; y: number; width: number; labelY: number }[];
}

const ROW = 26;
const BAR = 18;

/** Bars scaled to the largest value; label column sized to the longest label (about 7 px a character). */
export function layoutBars(data: readonly BarDatum[], width = 640): BarLayout {
  const labelWidth = Math.min(260, Math.max(60, ...data.map((d) => d.label.length * 7 + 12)));
  const plotWidth = width - labelWidth - 48;
  const max = Math.max(1, ...data.map((d) => d.value));
  return {
    width,
    height: data.length * ROW + 4,
    labelWidth,
    bars: data.map((d, index) => ({
      label: d.label,
      value: d.value,
      y: index * ROW + (ROW - BAR) / 2,
      width: Math.max(d.value > 0 ? 2 : 0, Math.round((d.value / max) * plotWidth)),
      labelY: index * ROW + ROW / 2 + 4,
    })),
  };
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
