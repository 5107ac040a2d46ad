/** A path as a readable text table for the terminal. */
import { formatPercent, type Model, type Override, type PathResult } from '../lib/engine';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** "sanctions lifted from 2026Q1" for each `--set`. */
const changeText = (o: Override) =>
  `${o.driver} ${o.level} from ${o.from}${o.until ? ` until ${o.until}` : ''}`;

/**
 * A fork's pick as the header states it: where the user set the same driver, the pick holds only
 * until their change, or not at all when the change comes first.
 */
function pickText(
  pick: { driver: string; level: string; weight: number },
  overrides: readonly Override[],
  first: string | undefined
): string {
  const own = `${pick.driver} = ${pick.level} (${formatPercent(pick.weight)})`;
  const set = overrides
    .filter((o) => o.driver === pick.driver)
    .sort((a, b) => a.from.localeCompare(b.from))[0];
  if (!set) return own;
  if (first && set.from <= first) return `${pick.driver} set by your change, not by the fork`;
  return `${own} until ${set.from}, then your change`;
}

export function formatPathTable(
  result: PathResult,
  model: Model,
  preset: string,
  overrides: readonly Override[] = []
): string {
  const s = model.scenario;
  const drivers = preset === 'observed' ? 'what happened' : "the analyst's assumptions";
  const changes = overrides.length
    ? `, with your changes: ${overrides.map(changeText).join('; ')}`
    : '';
  const first = result.steps[0]?.quarter;
  const picks = result.branch?.picks.map((p) => pickText(p, overrides, first));
  const lines = [
    `${s.source.author}, ${s.source.published} — ${s.id} (drivers: ${drivers}${changes})`,
    result.probabilistic
      ? `The path follows the most probable state each quarter (probability of this path ${formatPercent(result.pathProbability)}${picks ? `; fork: ${picks.join(', ')}` : ''}); P = chance of being in that state that quarter.`
      : 'Deterministic: one path.',
    ''
  ];
  const rows = result.steps.map((step) => {
    const why = step.transitions.length
      ? step.transitions.map((t) => `${t.guardText} [¶${t.source.para}]`).join('; then ')
      : '';
    return [
      step.quarter,
      `${step.entered ? '→ ' : '  '}${step.label}`,
      signed(step.level),
      formatPercent(step.distribution[step.state] ?? 0),
      why
    ];
  });
  const header = ['Quarter', 'State', 'Level', 'P', 'Why (transition taken)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  widths[4] = 0;
  lines.push(
    header
      .map((h, i) => pad(h, widths[i]!))
      .join('  ')
      .trimEnd()
  );
  lines.push(widths.map((w, i) => '-'.repeat(i === 4 ? 22 : w)).join('  '));
  for (const r of rows)
    lines.push(
      r
        .map((c, i) => pad(c, widths[i]!))
        .join('  ')
        .trimEnd()
    );
  return lines.join('\n');
}
