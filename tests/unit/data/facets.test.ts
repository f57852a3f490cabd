import { describe, expect, it } from 'vitest';
import { facetCounts, facetValues, normaliseOrgs, normaliseVenue } from '../../../src/lib/data/facets';
import type { Paper } from '../../../src/schemas/paper';

describe('venues', () => {
  it.each(['NeurIPS 2024', 'Neurips2024', 'NIPS24', "NeurIPS'24", 'neurips 2024'])('%s groups as NeurIPS 2024', (venue) => {
    expect(normaliseVenue(venue)).toMatchObject({ name: 'NeurIPS', year: '2024', label: 'NeurIPS 2024', conference: true });
  });

  it('keeps an unknown venue as written, and knows journals from conferences', () => {
    expect(normaliseVenue('Nature Machine Intelligence')).toMatchObject({
      label: 'Nature Machine Intelligence',
      conference: false,
    });
    expect(normaliseVenue('TPAMI 2023')).toMatchObject({ label: 'TPAMI 2023', conference: false });
    expect(normaliseVenue('ICLR')).toMatchObject({ label: 'ICLR', year: undefined, conference: true });
  });
});

describe('organisations', () => {
  it('splits lists and groups spellings', () => {
    expect(normaliseOrgs('Meta,Stanford')).toEqual(['Meta', 'Stanford']);
    expect(normaliseOrgs('NUS&ByteDance')).toEqual(['NUS', 'ByteDance']);
    expect(normaliseOrgs('Nvidia & HKUST')).toEqual(['NVIDIA', 'HKUST']);
    expect(normaliseOrgs('Shanghai AI Laboratory')).toEqual(['Shanghai AI Lab']);
    expect(normaliseOrgs('清华&MIT')).toEqual(['清华', 'MIT']);
  });
});

describe('facet values and counts', () => {
  const paper = (extra: Partial<Paper>): Paper => ({
    title: 'T',
    links: [{ kind: 'paper', url: 'https://arxiv.org/abs/2401.00001' }],
    added: '2024-05-01',
    ...extra,
  });

  it('gives each facet its values, none where the entry has nothing', () => {
    expect(
      facetValues(
        'mllm',
        paper({ tags: ['High Resolution', 'high-resolution'], published: '2023-11', venue: 'NIPS24', org: 'Meta' }),
      ),
    ).toEqual({
      section: ['mllm'],
      tag: ['high-resolution'],
      published: ['2023'],
      venue: ['NeurIPS 2024'],
      org: ['Meta'],
      year: ['2024'],
    });
    expect(facetValues('mllm', paper({}))).toMatchObject({ published: [], venue: [], org: [], tag: [] });
  });

  it('counts papers per value, years newest first, others most held first', () => {
    const counts = facetCounts([
      { sectionId: 'a', data: paper({ added: '2023-01-01', venue: 'Neurips2024' }) },
      { sectionId: 'b', data: paper({ added: '2024-01-01', venue: 'NeurIPS 2024' }) },
      { sectionId: 'b', data: paper({ added: '2024-02-01', venue: 'ICLR 2025' }) },
    ]);
    expect(counts.year).toEqual([
      { value: '2024', count: 2 },
      { value: '2023', count: 1 },
    ]);
    expect(counts.venue).toEqual([
      { value: 'NeurIPS 2024', count: 2 },
      { value: 'ICLR 2025', count: 1 },
    ]);
    expect(counts.section[0]).toEqual({ value: 'b', count: 2 });
  });
});
