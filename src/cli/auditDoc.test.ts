import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditMarkdown, catalogAudit } from './auditDoc';
import { readCatalog, repoRoot } from './readCatalog';

describe('docs/audit.md', () => {
  it('is what `npm run audit:doc` generates from the scenario files now', () => {
    const { catalog } = readCatalog();
    expect(catalog, 'the catalog loads').toBeDefined();
    const committed = readFileSync(join(repoRoot, 'docs', 'audit.md'), 'utf8');
    // On failure: run `npm run audit:doc` and commit docs/audit.md.
    expect(committed).toBe(auditMarkdown(catalogAudit(catalog!)));
  });
});
