/** A path as a readable text table for the terminal. */
import { formatPercent, type Model, type PathResult } from '../lib/engine';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function formatPathTable(result: PathResult, model: Model, preset: string): string {
  const s = model.scenario;
  const lines = [
    `${s.source.author}, ${s.source.published} — ${s.id} (drivers: ${preset === 'observed' ? 'what happened' : "the analyst's assumptions"})`,
    result.probabilistic
      ? `The path follows the most probable state each quarter (probability of this path ${formatPercent(result.pathProbability)}${result.branch ? `; fork: ${result.branch.picks.map((p) => `${p.driver} = ${p.level} (${formatPercent(p.weight)})`).join(', ')}` : ''}); P = chance of being in that state that quarter.`
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
