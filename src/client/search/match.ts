import { expandQuery } from '../../lib/search/glossary';
import { byDate, phraseFirst, toHit, unionCounts } from './hits';
import { pagefindQuery } from './query';
import type { Matches, SearchContext } from './types';

/**
 * Papers matching every word of `context.text`, as typed or through the glossary, in the order
 * searchPapers gives, leaving out those in `exclude` (shown already).
 */
export async function everyWord(context: SearchContext, exclude: ReadonlySet<string> = new Set()): Promise<Matches> {
  const { api, filters, ranks, text, glossary } = context;
  const term = pagefindQuery(text);
  const expansion = term ? expandQuery(text, glossary) : undefined;
  const expandedTerm = expansion ? pagefindQuery(expansion.text) : undefined;
  const [typed, widened] = await Promise.all([
    api.search(term || null, { filters }),
    expandedTerm ? api.search(expandedTerm, { filters }) : undefined,
  ]);
  const asTyped = new Set(typed.results.map((result) => result.id));
  const glossaryOnly = (widened?.results ?? []).filter((result) => !asTyped.has(result.id));
  let ordered = [...(term && !ranks ? await phraseFirst(typed.results, text, context.fold) : typed.results), ...glossaryOnly];
  if (ranks) ordered = byDate(ordered, ranks);
  ordered = ordered.filter((result) => !exclude.has(result.id));
  return {
    total: ordered.length,
    ids: new Set(ordered.map((result) => result.id)),
    top: ordered[0],
    facets: widened ? await unionCounts(widened, typed.results) : (typed.filters ?? {}),
    hits: (start, count) =>
      Promise.all(
        ordered
          .slice(start, start + count)
          .map(async (result) => toHit(await result.data(), context, asTyped.has(result.id) ? [] : (expansion?.terms ?? []))),
      ),
  };
}
