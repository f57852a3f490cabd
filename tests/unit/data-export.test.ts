import { describe, expect, it } from 'vitest';
import { papersBibtex, papersCsv, papersFile } from '../../src/lib/data-export';
import { papersFileSchema } from '../../src/schemas/data';
import type { Paper } from '../../src/schemas/paper';

const paper = (extra: Partial<Paper> = {}): Paper => ({
  title: 'A "quoted", title',
  links: [{ kind: 'paper', url: 'https://arxiv.org/abs/2401.00001' }],
  added: '2024-05-01',
  ...extra,
});
const at = (data: Paper, id = 'x') => ({ section: 'mllm', id, url: `https://e.org/mllm/${id}/`, data });

describe('data export', () => {
  it('papers.json records validate against the schema they publish', () => {
    const file = papersFile([at(paper({ note: 'n', tags: ['a'] }))]);
    expect(papersFileSchema.parse(file)).toEqual(file);
    expect(file.papers[0]).toMatchObject({ section: 'mllm', id: 'x', url: 'https://e.org/mllm/x/', note: 'n' });
  });

  it('CSV quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    const csv = papersCsv([at(paper({ note: 'line one\nline two', tags: ['a', 'b'] }))]);
    const [, row] = csv.split('\r\n');
    expect(row).toBe(
      'mllm,x,https://e.org/mllm/x/,"A ""quoted"", title","line one\nline two",2024-05-01,,,,,a; b,,paper https://arxiv.org/abs/2401.00001'.replace(
        '"line one\nline two"',
        '"line one\nline two"',
      ),
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('BibTeX: one record per arXiv id, @inproceedings for a conference venue, special characters escaped', () => {
    const bib = papersBibtex([
      at(paper({ title: 'R&D 100% of $x_1$ {braces} ~ ^ \\', venue: 'Neurips2024', arxiv: '2401.00001' }), 'a'),
      at(paper({ arxiv: '2401.00001' }), 'same-paper-elsewhere'),
      at(paper({ links: [{ kind: 'code', url: 'https://github.com/x/y' }] }), 'no-arxiv'),
      at(paper({ arxiv: '2402.00002', venue: 'TPAMI 2023' }), 'journal'),
    ]);
    const records = bib.split(/\n(?=@)/).filter((r) => r.trim());
    expect(records).toHaveLength(2);
    expect(records[0]).toMatch(/^@inproceedings\{/);
    expect(records[0]).toContain('booktitle = {NeurIPS 2024}');
    expect(records[0]).toContain(
      'title = {R\\&D 100\\% of \\$x\\_1\\$ \\{braces\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}',
    );
    expect(records[1]).toMatch(/^@misc\{/);
  });
});
