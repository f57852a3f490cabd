import { sectionRegistrySchema, type Section } from '../../schemas/section';
import { sectionRegistryPath } from '../paths';
import { ProblemsError } from './problems';
import { readYamlFile } from './yaml-file';

/**
 * Reads and checks the section registry, sorted by `order`. Throws a ProblemsError naming the
 * file, line and field of each problem (`sections.yaml:5: 1.id: …`), as validation reports them.
 */
export function loadSections(file: string = sectionRegistryPath()): Section[] {
  const { data, problems } = readRegistry(file);
  if (!data) throw new ProblemsError(problems);
  return [...data].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The registry's sections as written, or its problems. A file that cannot be read throws. */
export function readRegistry(file: string = sectionRegistryPath()) {
  return readYamlFile(file, sectionRegistrySchema, '(registry)');
}
