/**
 * Each entry and record file parsed once per build. `astro build` validates all of them first
 * (the content-validation integration, so every problem is listed) and its loaders then read the
 * same files again to store them: between the two, lib/content/yaml-file hands each parse on, and the
 * loader's parse of the same text takes the validator's data instead of parsing again. Only a
 * build opens the hand-off, and it is emptied once the content is loaded (`astro:build:start`),
 * so what no loader took (files unchanged since the last build) is not kept while pages render.
 *
 * Astro loads the integration (with the config) and the loaders (with the content config) through
 * separate Vite module runners of one process, so the hand-off lives on `globalThis`: both see it
 * whether or not they share this module. Both only read the data they are handed.
 */

/** A parse waiting for its second reader: the YAML's data (never a file with syntax errors). */
interface HandedOn {
  data: unknown;
}

const HANDOFF = Symbol.for('awesome-mllm.yaml-handoff');
type Store = Map<string, HandedOn>;
const store = () => (globalThis as { [HANDOFF]?: Store })[HANDOFF];

/** Starts handing parses on (the build's validation, before Astro loads any entry). */
export function openYamlHandoff(): void {
  (globalThis as { [HANDOFF]?: Store })[HANDOFF] ??= new Map();
}

/** Stops, forgetting what no one took. */
export function closeYamlHandoff(): void {
  delete (globalThis as { [HANDOFF]?: Store })[HANDOFF];
}

/** The text's place in the store: the same text at another first line reports other lines. */
const keyOf = (text: string, firstLine: number) => `${firstLine}\n${text}`;

/** Keeps a parse for the next reader of the same text, while the hand-off is open. */
export function handOn(text: string, firstLine: number, data: unknown): void {
  store()?.set(keyOf(text, firstLine), { data });
}

/** The parse handed on for this text, once: a later read of it parses again. */
export function takeHandedOn(text: string, firstLine: number): HandedOn | undefined {
  const handoff = store();
  if (!handoff?.size) return undefined;
  const key = keyOf(text, firstLine);
  const handed = handoff.get(key);
  if (handed) handoff.delete(key);
  return handed;
}
