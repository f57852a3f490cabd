import { isRealDate } from '../../../../src/schemas/dates';
import { titleKey } from '../../../../src/lib/title-key';
import type { ParsedEntry } from '../parse';

/**
 * When each entry line first appeared (a TSV `section, number, added, title` with a header row).
 * Looked up by section heading + number + title, else by section heading + title key, else (for a
 * line only read after mending, which the file names by its text) by section heading + number +
 * the line's text, whether the line is numbered or bulleted.
 */
export interface AddedDates {
  lookup(sectionTitle: string, entry: Pick<ParsedEntry, 'number' | 'title'> & { raw?: string }): string | undefined;
}

/** Throws `line N: …` on a malformed row, so a typo in the dates file never passes unnoticed. */
export function parseAddedDates(text: string): AddedDates {
  const exact = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const byLineText: { key: string; text: string; added: string }[] = [];
  text.split(/\r?\n/).forEach((row, index) => {
    if (!row.trim() || (index === 0 && /^section\t/i.test(row))) return;
    const [section, number, added, title] = row.split('\t').map((cell) => cell.trim());
    if (!section || !number || !added || !title)
      throw new Error(`line ${index + 1}: expected 4 tab-separated columns: section, number, added, title`);
    if (!isRealDate(added)) throw new Error(`line ${index + 1}: "${added}" is not a date written YYYY-MM-DD`);
    exact.set(`${section}\t${number}\t${title}`, added);
    byLineText.push({ key: `${section}\t${number}`, text: title, added });
    const key = `${section}\t${titleKey(title)}`;
    const known = byTitle.get(key);
    if (known === undefined || added < known) byTitle.set(key, added);
  });
  return {
    lookup: (sectionTitle, entry) =>
      exact.get(`${sectionTitle.trim()}\t${entry.number}\t${entry.title}`) ??
      byTitle.get(`${sectionTitle.trim()}\t${titleKey(entry.title)}`) ??
      byLineText.find(
        (row) =>
          row.key === `${sectionTitle.trim()}\t${entry.number}` &&
          entry.raw !== undefined &&
          withoutMarker(entry.raw).startsWith(withoutMarker(row.text)),
      )?.added,
  };
}

/** A line's text without its `N.` or bullet. */
const withoutMarker = (line: string) => line.trim().replace(/^(?:\d+\.(?!\d)|[-*+](?=\s))\s*/, '');
