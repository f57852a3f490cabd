import { describe, expect, it } from 'vitest';
import { resolvePaperRef, withPaperRefTitles } from '../../../src/lib/data/paper-ref';

const SECTIONS = [{ id: 'survey' }, { id: 'mllm' }, { id: 'unified' }];
const entry = (section: string, id: string) => ({ id, section: { id: section }, title: `${section}/${id}` });
// Listing order (by date) differs from registry order on purpose.
const PAPERS = [entry('unified', 'chameleon'), entry('mllm', 'chameleon'), entry('mllm', '2409.12191')];

describe('resolvePaperRef', () => {
  it('finds `section/id` exactly', () => {
    expect(resolvePaperRef('unified/chameleon', PAPERS, SECTIONS)?.title).toBe('unified/chameleon');
    expect(resolvePaperRef('survey/chameleon', PAPERS, SECTIONS)).toBeUndefined();
  });

  it('finds a bare id in the first section of the registry that lists it', () => {
    expect(resolvePaperRef('chameleon', PAPERS, SECTIONS)?.title).toBe('mllm/chameleon');
    expect(resolvePaperRef('2409.12191', PAPERS, SECTIONS)?.title).toBe('mllm/2409.12191');
  });

  it('finds nothing for an id no section has', () => {
    expect(resolvePaperRef('gone', PAPERS, SECTIONS)).toBeUndefined();
  });
});

describe('withPaperRefTitles', () => {
  it('puts the title of the paper each <PaperRef> names where the tag stood, in either quote', () => {
    expect(
      withPaperRefTitles('See <PaperRef id="chameleon" /> and <PaperRef id=\'unified/chameleon\'/>.', PAPERS, SECTIONS),
    ).toBe('See mllm/chameleon and unified/chameleon.');
  });

  it('leaves a tag naming no paper, and a body without tags, as they are', () => {
    expect(withPaperRefTitles('<PaperRef id="gone" />', PAPERS, SECTIONS)).toBe('<PaperRef id="gone" />');
    expect(withPaperRefTitles('plain **Markdown**', PAPERS, SECTIONS)).toBe('plain **Markdown**');
  });
});
