/**
 * The bilingual glossary at work: which concepts a paper's text uses, which abbreviations hide
 * inside its compounds, and how a query is widened to the other forms of the concepts it names.
 * Pure, so the pages, the search client and the tests share one reading of "uses a form".
 *
 * How a query finds papers written in the other language: each paper page indexes one made-up
 * word per concept its text uses (its "concept token", `conceptToken(id)`), and the search client
 * replaces a glossary term of the query by that token. One extra Pagefind search then finds every
 * paper using any form of the concept, with Pagefind's own facet counts; the query as typed is
 * searched too, and its results rank first.
 */
import type { Concept } from '../../schemas/glossary';
import { foldChinese, foldedRuns, type FoldTable } from './chinese-fold';
import { HAN } from '../language';
import { memoize } from '../memo';
import { escapeRegExp } from '../regexp';

export type { Concept } from '../../schemas/glossary';

/** The kinds of form a concept has, in the order the glossary writes them. */
export const FORM_KINDS = ['en', 'zh', 'abbr'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export interface Form {
  text: string;
  kind: FormKind;
}

export function formsOf(concept: Concept): Form[] {
  return FORM_KINDS.flatMap((kind) => (concept[kind] ?? []).map((text) => ({ text, kind })));
}

/** Every concept token starts with this; the search client hides such words from excerpts. */
export const CONCEPT_TOKEN_PREFIX = 'qxq';
const TOKEN_LETTERS = 7;
/** A concept token anywhere in a text (as Pagefind returns it, possibly inside <mark>). */
export const CONCEPT_TOKEN_PATTERN = new RegExp(`(?:<mark>)?${CONCEPT_TOKEN_PREFIX}[a-z]{${TOKEN_LETTERS}}\\s*(?:</mark>)?`, 'g');

/**
 * The word a page indexes for a concept: lower-case letters only (Pagefind keeps such a word
 * whole) and all of one length, so no token is a prefix of another (Pagefind matches prefixes).
 */
export function conceptToken(id: string): string {
  // FNV-1a, spelt in letters: stable across builds and runtimes.
  let hash = 0x811c9dc5;
  for (const char of id) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let letters = '';
  for (let i = 0; i < TOKEN_LETTERS; i++) {
    letters += String.fromCharCode(97 + (hash % 26));
    hash = Math.floor(hash / 26) ^ (Math.imul(hash, 31 + i) >>> 0);
    hash >>>= 0;
  }
  return CONCEPT_TOKEN_PREFIX + letters;
}

/**
 * A Latin form as a pattern: spaces and hyphens in the form match any run of them in the text.
 * Letters match either case through classes ([dD]), not the `i` flag, which would also make the
 * camelCase test in WORD_START match between any two letters.
 */
function latinPattern(form: string): string {
  return form
    .trim()
    .split(/[\s\-_/]+/)
    .map((word) =>
      [...word]
        .map((char) => (/[a-z]/i.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : escapeRegExp(char)))
        .join(''),
    )
    .join('[\\s\\-_/]+');
}

interface CompiledForm extends Form {
  /** Lower-case, separators as one space: what a text's word must start with (Latin forms). */
  key: string;
}

export interface CompiledConcept {
  concept: Concept;
  token: string;
  forms: CompiledForm[];
}

/** Separators a Latin form may be written with ("high-resolution", "high resolution"). */
const SEPARATORS = /[\s\-_/]+/g;
const latinKey = (text: string) => text.normalize('NFKC').replace(SEPARATORS, ' ').trim().toLowerCase();

/** Compiles once per build (or page load); every other function takes the compiled glossary. */
export function compileGlossary(concepts: readonly Concept[]): CompiledConcept[] {
  return concepts.map((concept) => ({
    concept,
    token: conceptToken(concept.id),
    forms: formsOf(concept).map((form) => ({ ...form, key: HAN.test(form.text) ? form.text : latinKey(form.text) })),
  }));
}

/** Latin forms by their first two letters, so a text's words look up only forms that could fit. */
const latinBuckets = memoize((glossary: readonly CompiledConcept[]) => {
  const map = new Map<string, { index: number; form: CompiledForm }[]>();
  glossary.forEach(({ forms }, index) => {
    for (const form of forms) {
      if (HAN.test(form.text)) continue;
      const bucket = form.key.slice(0, 2);
      map.set(bucket, [...(map.get(bucket) ?? []), { index, form }]);
    }
  });
  return map;
});

const isAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isLower = (code: number) => code >= 97 && code <= 122;
const isUpper = (code: number) => code >= 65 && code <= 90;

/**
 * The forms of each concept a text uses (concepts in glossary order; unused concepts absent).
 * Latin forms match at a word start (any case, any ending), as Pagefind matches a query word;
 * Chinese forms anywhere; an abbreviation also inside a capitalised compound (FDPO holds DPO).
 * One pass over the text's word starts: a build calls this for every paper.
 */
export function conceptsIn(text: string, glossary: readonly CompiledConcept[]): Map<string, string[]> {
  const normal = text.normalize('NFKC').replace(SEPARATORS, ' ');
  const lower = normal.toLowerCase();
  const used = glossary.map(() => new Set<string>());
  const byBucket = latinBuckets(glossary);
  for (let i = 0; i < normal.length; i++) {
    const code = normal.charCodeAt(i);
    if (!isAlnum(code)) continue;
    const before = i > 0 ? normal.charCodeAt(i - 1) : 32;
    if (isAlnum(before) && !(isLower(before) && isUpper(code))) continue;
    for (const { index, form } of byBucket.get(lower.slice(i, i + 2)) ?? []) {
      if (lower.startsWith(form.key, i)) used[index]!.add(form.text);
    }
  }
  glossary.forEach(({ forms }, index) => {
    for (const form of forms) {
      if (form.kind === 'abbr' ? normal.includes(form.text) : HAN.test(form.text) && normal.includes(form.text))
        used[index]!.add(form.text);
    }
  });
  const found = new Map<string, string[]>();
  glossary.forEach(({ concept, forms }, index) => {
    // in the glossary's order of forms
    if (used[index]!.size)
      found.set(
        concept.id,
        forms.filter((form) => used[index]!.has(form.text)).map((form) => form.text),
      );
  });
  return found;
}

/**
 * The glossary abbreviations a text holds only inside compounds (FDPO, DDPO → DPO), which
 * Pagefind's prefix matching cannot find: the paper page indexes them as extra words.
 */
export function hiddenAcronyms(text: string, glossary: readonly CompiledConcept[]): string[] {
  const out = new Set<string>();
  let words: string[] | undefined;
  for (const { forms } of glossary) {
    for (const { kind, text: abbr } of forms) {
      if (kind !== 'abbr' || !text.includes(abbr)) continue;
      words ??= text.normalize('NFKC').match(/[A-Za-z0-9]+/g) ?? [];
      if (words.some((word) => hiddenIn(word, abbr))) out.add(abbr);
    }
  }
  return [...out];
}

/** `abbr` occurs in `word`, but nowhere Pagefind starts a word (the start, or a camelCase step). */
function hiddenIn(word: string, abbr: string): boolean {
  let found = false;
  for (let at = word.indexOf(abbr); at >= 0; at = word.indexOf(abbr, at + 1)) {
    if (at === 0 || (/[a-z]/.test(word[at - 1]!) && /[A-Z]/.test(abbr[0]!))) return false;
    found = true;
  }
  return found;
}

/** What a paper page indexes besides its text (see ./chinese-fold for `folded`). */
export interface IndexKeywords {
  /** The concept token of every concept its text uses, in either script. */
  tokens: string[];
  /** Glossary abbreviations hidden inside compounds. */
  acronyms: string[];
  /** Its Traditional Chinese, folded to Simplified (nothing for a text in Simplified). */
  folded: string[];
}

export function indexKeywords(text: string, glossary: readonly CompiledConcept[], fold: FoldTable = new Map()): IndexKeywords {
  const used = conceptsIn(foldChinese(text, fold), glossary);
  return {
    tokens: glossary.filter(({ concept }) => used.has(concept.id)).map(({ token }) => token),
    acronyms: hiddenAcronyms(text, glossary),
    folded: foldedRuns(text, fold),
  };
}

/** A glossary term found in a query. */
export interface QueryTerm {
  concept: Concept;
  token: string;
  /** The query's text for it, as typed. */
  typed: string;
  start: number;
  end: number;
}

/**
 * The glossary terms of a query, longest first where they overlap: 直接偏好优化 is one term, not
 * 偏好 inside it. Latin forms match whole words (a plural -s or -es allowed), abbreviations whole
 * words only, so "RLHF" is not "RL"; Chinese forms match anywhere.
 */
export function termsOf(query: string, glossary: readonly CompiledConcept[]): QueryTerm[] {
  const text = query.normalize('NFKC');
  const candidates: QueryTerm[] = [];
  for (const { concept, token, forms } of glossary) {
    for (const form of forms) {
      const pattern = HAN.test(form.text)
        ? new RegExp(escapeRegExp(form.text), 'gu')
        : new RegExp(`(?<![A-Za-z0-9])${latinPattern(form.text)}${form.kind === 'en' ? '(?:e?s)?' : ''}(?![A-Za-z0-9])`, 'giu');
      for (const match of text.matchAll(pattern)) {
        candidates.push({ concept, token, typed: match[0], start: match.index!, end: match.index! + match[0].length });
      }
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: QueryTerm[] = [];
  for (const term of candidates) {
    if (chosen.every((other) => term.end <= other.start || term.start >= other.end)) chosen.push(term);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The query with each glossary term replaced by its concept token; undefined when it has none. */
export function expandQuery(
  query: string,
  glossary: readonly CompiledConcept[],
): { text: string; terms: QueryTerm[] } | undefined {
  const terms = termsOf(query, glossary);
  if (terms.length === 0) return undefined;
  const text = query.normalize('NFKC');
  let out = '';
  let at = 0;
  for (const term of terms) {
    out += `${text.slice(at, term.start)} ${term.token} `;
    at = term.end;
  }
  return { text: (out + text.slice(at)).trim(), terms };
}

/**
 * The forms a paper found only through the glossary uses, for the terms of the query that it does
 * not hold as typed: what the result says it matched ("幻觉" for a search for hallucination).
 */
export function matchedForms(content: string, terms: readonly QueryTerm[], glossary: readonly CompiledConcept[]): string[] {
  const out: string[] = [];
  for (const term of terms) {
    const compiled = glossary.find((entry) => entry.concept.id === term.concept.id);
    const used = compiled ? (conceptsIn(content, [compiled]).get(term.concept.id) ?? []) : [];
    out.push(...used.filter((form) => form.toLowerCase() !== term.typed.toLowerCase()));
  }
  return [...new Set(out)];
}
