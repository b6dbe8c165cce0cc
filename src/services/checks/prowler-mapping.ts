import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prowlerMapping, type ProwlerMapping, type ProwlerMappingFile } from '../../domain/checks/prowler';

/**
 * Prowler's mapping of its Well-Architected requirement ids to practice ids,
 * shipped as Prowler publishes it in src/checks/prowler/ (Apache License 2.0,
 * see the LICENSE and README there).
 */
const MAPPING_DIR = fileURLToPath(new URL('../../checks/prowler/', import.meta.url));

export function loadProwlerMapping(dir = MAPPING_DIR): ProwlerMapping {
  const files = readdirSync(dir)
    .filter((name) => name.startsWith('prowler-compliance-') && name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as ProwlerMappingFile);
  return prowlerMapping(files);
}
