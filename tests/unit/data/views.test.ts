import { describe, expect, it } from 'vitest';
import { countByMonth, layoutBars } from '../../../src/lib/render/charts';
import { pageRest, paginate, sectionViews, viewRest } from '../../../src/lib/data/section-views';
import { sortEntries } from '../../../src/lib/data/sort';
import { hasTag, tagSlug } from '../../../src/lib/tags';

const entry = (id: string, added: string, title = id, extra: { published?: string; tags?: string[] } = {}) => ({
  id,
  data: { title, added, ...extra },
});

describe('sortEntries', () => {
  const entries = [
    entry('b', '2024-01-01', 'Beta'),
    entry('a', '2024-01-01', 'alpha'),
    entry('c', '2024-03-01', 'Gamma', { published: '2023-01' }),
    entry('d', '2023-05-01', 'Delta', { published: '2024-02' }),
  ];

  it('puts the newest added first, ties by title so every build agrees', () => {
    expect(sortEntries(entries).map((e) => e.id)).toEqual(['c', 'a', 'b', 'd']);
  });
  it('orders by publication month, entries without one last', () => {
    expect(sortEntries(entries, 'published').map((e) => e.id)).toEqual(['d', 'c', 'a', 'b']);
  });
  it('orders by title ignoring case', () => {
    expect(sortEntries(entries, 'title').map((e) => e.id)).toEqual(['a', 'b', 'd', 'c']);
  });
});

describe('section views', () => {
  it('names views by path: tag, then sort, then page', () => {
    expect(viewRest({ order: 'added' })).toBe('');
    expect(viewRest({ order: 'title', tagSlug: 'video', page: 2 })).toBe('tag/video/sort/title/page/2/');
  });

  it('makes every order × tag × page, each page at most the page size', () => {
    const entries = Array.from({ length: 5 }, (_, i) =>
      entry(`e${i}`, `2024-01-0${i + 1}`, `T${i}`, { tags: i % 2 ? ['Video'] : ['High Resolution'] }),
    );
    const views = sectionViews(entries, 2);
    expect(views.map((v) => v.rest)).toContain('tag/high-resolution/sort/published/page/2/');
    const defaultViews = views.filter((v) => !v.tag && v.order === 'added');
    expect(defaultViews.map((v) => v.entries.map((e) => e.id))).toEqual([['e4', 'e3'], ['e2', 'e1'], ['e0']]);
    expect(
      views.filter((v) => v.tag?.slug === 'video' && v.order === 'added').flatMap((v) => v.entries.map((e) => e.id)),
    ).toEqual(['e3', 'e1']);
    expect(new Set(views.map((v) => v.rest)).size).toBe(views.length);
  });

  it('gives an empty section one (empty) page', () => {
    expect(sectionViews([]).map((v) => [v.rest, v.entries.length])).toEqual([
      ['', 0],
      ['sort/published/', 0],
      ['sort/title/', 0],
    ]);
  });
});

describe('paginate', () => {
  it('cuts a list into pages of at most the page size, and names pages after the first', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([[]]);
    expect([pageRest(1), pageRest(3)]).toEqual(['', 'page/3/']);
  });
});

describe('charts', () => {
  it('scales bars to the largest value, a non-zero value always visible', () => {
    expect(
      layoutBars([
        { label: 'a', value: 1000 },
        { label: 'b', value: 500 },
        { label: 'c', value: 1 },
        { label: 'd', value: 0 },
      ]).map((row) => row.share),
    ).toEqual([100, 50, 1, 0]);
  });
  it('counts per month with empty months in between', () => {
    expect(countByMonth(['2024-11-03', '2024-09-06', '2024-09-22'])).toEqual([
      { label: '2024-09', value: 2 },
      { label: '2024-10', value: 0 },
      { label: '2024-11', value: 1 },
    ]);
    expect(countByMonth(['2024-12-01', '2025-01-01']).map((d) => d.label)).toEqual(['2024-12', '2025-01']);
  });
});

describe('tags', () => {
  it('slug a tag like a title key, joined by hyphens', () => {
    expect(tagSlug('High  Resolution')).toBe('high-resolution');
    expect(tagSlug('Any-to-Any！')).toBe('any-to-any');
    expect(tagSlug('幻觉 检测')).toBe('幻觉-检测');
  });
  it('match an entry whatever its spelling of the tag', () => {
    expect(hasTag({ data: { tags: ['High Resolution'] } }, 'high-resolution')).toBe(true);
    expect(hasTag({ data: {} }, 'video')).toBe(false);
  });
});
