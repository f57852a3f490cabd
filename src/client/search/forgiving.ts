import { termsOf, type CompiledConcept, type QueryTerm } from '../../lib/search/glossary';
import { SEARCH_META } from '../../lib/routes';
import { correctionFor, latinWords, MIN_CORRECTED_LENGTH } from '../../lib/search/spelling';
import { toHit, unionCounts } from './hits';
import { optional } from './load';
import { everyWord } from './match';
import type { Matches, PagefindResponse, PagefindResult, PagefindResultData, ResultGroup, SearchContext } from './types';
import { pagefindQuery } from './query';

/**
 * Search that forgives: what a search shows below the papers matching every word of the query.
 *
 * - Misspellings. A query word of MIN_CORRECTED_LENGTH letters or more that the index does not
 *   hold, or that fewer than FEW_PAPERS papers hold, is looked up in the index's vocabulary
 *   (fetched then, never before), and the query is searched again with the closest much more
 *   frequent word (lib/search/spelling): "Showing results for …".
 * - Some of the words. A query of two or more words (a glossary term counts as one) whose full
 *   matches, corrected ones included, are fewer than SOME_WORDS_BELOW also lists the papers holding
 *   some of its words, those holding more of them first; a word's glossary forms count.
 */

/** A word the index holds is checked only when this few papers hold it (a misspelling in the notes themselves). */
export const FEW_PAPERS = 3;
/** Full matches below which a query of several words also shows papers with some of them. */
export const SOME_WORDS_BELOW = 5;

type Counts = Record<string, Record<string, number>>;
/** A group, with its facet counts for when no paper matches every word. */
export type Group = ResultGroup & { facets(): Promise<Counts> };

export async function forgivingGroups(context: SearchContext, all: Matches, exact: boolean): Promise<Group[]> {
  const groups: Group[] = [];
  const shown = new Set(all.ids);
  let text = context.text;
  if (!exact) {
    const corrected = await correctedText(context, all);
    if (corrected) {
      text = corrected;
      const matches = await everyWord({ ...context, text }, shown);
      if (matches.total > 0) groups.push({ ...matches, kind: 'corrected', text, facets: async () => matches.facets });
      for (const id of matches.ids) shown.add(id);
    }
  }
  const units = unitsOf(text, context.glossary);
  if (units.length >= 2 && shown.size < SOME_WORDS_BELOW) {
    const some = await someWords({ ...context, text }, units, shown);
    if (some.total > 0) groups.push(some);
  }
  return groups;
}

/**
 * The query with each misspelt word replaced by its correction; undefined when none is found.
 * A word counts as found when Pagefind's best result for it holds it: for a word it does not know,
 * Pagefind still returns pages matching a part of it (`langage` finds LLaVA), so a count alone
 * cannot tell. When the query finds enough papers and the first shown (fetched for showing anyway)
 * holds every word, none is checked further; the vocabulary is fetched only for a word found too
 * little.
 */
async function correctedText(context: SearchContext, { top, total }: Matches): Promise<string | undefined> {
  const words = [
    ...new Set(
      pagefindQuery(context.text)
        .split(' ')
        .filter((word) => word.length >= MIN_CORRECTED_LENGTH && /^[A-Za-z]+$/.test(word)),
    ),
  ];
  if (words.length === 0) return undefined;
  if (top && total >= FEW_PAPERS) {
    const shown = latinWords(textOf(await top.data()));
    if (words.every((word) => shown.some((other) => other.startsWith(word.toLowerCase())))) return undefined;
  }
  const found = await Promise.all(words.map((word) => papersHolding(context, word)));
  if (found.every((count) => count >= FEW_PAPERS)) return undefined;
  const vocabulary = await optional('vocabulary', context.sources.vocabulary, new Map<string, number>());
  let text = context.text;
  words.forEach((word, i) => {
    const correction = found[i]! < FEW_PAPERS ? correctionFor(word, found[i]!, vocabulary) : undefined;
    if (correction) text = text.replace(new RegExp(`(?<![A-Za-z])${word}(?![A-Za-z])`, 'g'), correction);
  });
  return text === context.text ? undefined : text;
}

/** How many papers a word finds (glossary forms included), or 0 when the best of them does not hold it. */
async function papersHolding(context: SearchContext, word: string): Promise<number> {
  const { results } = await papersWith(context, unitsOf(word, context.glossary)[0]!);
  if (results.length === 0) return 0;
  const typed = word.toLowerCase();
  return latinWords(textOf(await results[0]!.data())).some((other) => other.startsWith(typed)) ? results.length : 0;
}

/** What Pagefind matches a query word in: the title, the text and the section. */
const textOf = (data: PagefindResultData) =>
  `${data.meta[SEARCH_META.title] ?? ''}\n${data.content ?? ''}\n${data.meta[SEARCH_META.section] ?? ''}`;

/** One word of a query, or one glossary term (which may be several words). */
interface Unit {
  /** As typed. */
  label: string;
  term?: QueryTerm;
}

function unitsOf(text: string, glossary: readonly CompiledConcept[]): Unit[] {
  const terms = termsOf(text, glossary);
  let rest = text;
  for (const term of [...terms].reverse()) rest = `${rest.slice(0, term.start)} ${rest.slice(term.end)}`;
  const units: (Unit & { at: number })[] = [
    ...terms.map((term) => ({ label: term.typed, term, at: term.start })),
    ...pagefindQuery(rest)
      .split(' ')
      .filter(Boolean)
      .map((word) => ({ label: word, at: rest.indexOf(word) })),
  ];
  const seen = new Set<string>();
  return units
    .sort((a, b) => a.at - b.at)
    .filter(({ label }) => !seen.has(label.toLowerCase()) && seen.add(label.toLowerCase()))
    .map(({ label, term }) => ({ label, term }));
}

/** The papers holding a unit as typed, then those holding another glossary form of it. */
async function papersWith(
  context: SearchContext,
  unit: Unit,
): Promise<{ results: PagefindResult[]; viaGlossary: Set<string>; responses: PagefindResponse[] }> {
  const { api, filters } = context;
  const [typed, widened] = await Promise.all([
    api.search(pagefindQuery(unit.label), { filters }),
    unit.term ? api.search(unit.term.token, { filters }) : undefined,
  ]);
  const ids = new Set(typed.results.map((result) => result.id));
  const more = (widened?.results ?? []).filter((result) => !ids.has(result.id));
  return {
    results: [...typed.results, ...more],
    viaGlossary: new Set(more.map((result) => result.id)),
    responses: widened ? [typed, widened] : [typed],
  };
}

/** Papers holding some of the units and not already `shown`, the most units first. */
async function someWords(context: SearchContext, units: Unit[], shown: ReadonlySet<string>): Promise<Group> {
  const found = await Promise.all(units.map((unit) => papersWith(context, unit)));
  const held = new Map<string, { result: PagefindResult; units: number[]; viaGlossary: QueryTerm[]; score: number }>();
  found.forEach(({ results, viaGlossary }, unit) => {
    for (const result of results) {
      if (shown.has(result.id)) continue;
      const paper = held.get(result.id) ?? { result, units: [], viaGlossary: [], score: 0 };
      paper.units.push(unit);
      paper.score += result.score;
      if (viaGlossary.has(result.id)) paper.viaGlossary.push(units[unit]!.term!);
      held.set(result.id, paper);
    }
  });
  const { ranks } = context;
  const rank = (id: string) => ranks?.get(id) ?? 0;
  const ordered = [...held.values()].sort(
    (a, b) => b.units.length - a.units.length || (ranks ? rank(a.result.id) - rank(b.result.id) : b.score - a.score),
  );
  return {
    kind: 'some',
    text: context.text,
    total: ordered.length,
    hits: (start, count) =>
      Promise.all(
        ordered.slice(start, start + count).map(async (paper) => ({
          ...toHit(await paper.result.data(), context, paper.viaGlossary),
          holds: paper.units.map((unit) => units[unit]!.label),
        })),
      ),
    facets: async () => {
      const responses = found.flatMap((unit) => unit.responses);
      const base = responses.reduce((a, b) => (b.results.length > a.results.length ? b : a));
      return unionCounts(
        base,
        [...held.values()].map((paper) => paper.result),
      );
    },
  };
}
