/** Writes docs/audit.md from the scenario files (`npm run audit:doc`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../src/lib/engine';
import { auditMarkdown, catalogAudit } from '../src/cli/auditDoc';
import { readCatalog, repoRoot } from '../src/cli/readCatalog';

const { catalog, issues } = readCatalog();
if (!catalog) {
  issues.forEach((i) => console.error(formatIssue(i)));
  process.exit(1);
}
const path = join(repoRoot, 'docs', 'audit.md');
writeFileSync(path, auditMarkdown(catalogAudit(catalog)));
console.log(`wrote ${path}`);
