/** `crosswinds reach`: what it would take for an analyst's model to reach a target by a deadline. */
import {
  describeTarget,
  formatPercent,
  formatTarget,
  type Model,
  type SearchResult
} from '../lib/engine';

/** The JSON the command prints: the search result in the form the CLI documents. */
export function reachJson(result: SearchResult) {
  return {
    analyst: result.analysts.join(','),
    ...(result.analysts.length > 1 ? { analysts: result.analysts, atLeast: result.atLeast } : {}),
    target: formatTarget(result.target),
    from: result.from,
    by: result.by,
    exhaustive: result.exhaustive,
    ...(result.bound ? { bound: result.bound } : {}),
    evaluations: result.evaluations,
    alternatives: result.alternatives.map((a) => ({
      set: a.set,
      reachedAt: a.reachedAt,
      probability: a.probability,
      ...(result.analysts.length > 1
        ? {
            analysts: a.analysts.map(({ analyst, probability, reachedAt }) => ({
              analyst,
              probability,
              reachedAt
            }))
          }
        : {})
    })),
    reason: result.reason ?? null
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The result as a readable table. */
export function reachTable(result: SearchResult, models: Model[], preset: string): string {
  const who =
    models.length === 1
      ? `${models[0]!.scenario.source.author} (${models[0]!.scenario.id})`
      : `at least ${result.atLeast} of ${models.map((m) => m.scenario.id).join(', ')}`;
  const lines = [
    `What it takes for ${who} to reach ${describeTarget(result.target, models[0])} from ${result.from} by ${result.by} (drivers: ${preset === 'observed' ? 'what happened' : "the analyst's assumptions"})`,
    ''
  ];
  if (result.alternatives.length === 0) {
    lines.push(`Nothing reaches it. ${result.reason ?? ''}`.trim());
  } else {
    const rows = result.alternatives.map((a, i) => [
      String(i + 1),
      a.set.length ? a.set.join(' ') : '(no change: already reaches it)',
      a.reachedAt,
      formatPercent(a.probability)
    ]);
    const header = ['#', 'Set (as simulate --set takes it)', 'Reached', 'P'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r
        .map((c, i) => pad(c, widths[i]!))
        .join('  ')
        .trimEnd();
    lines.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line));
  }
  lines.push(
    '',
    result.exhaustive
      ? `Exhaustive: every combination that could rank was tried (${result.evaluations.toLocaleString('en')} evaluated).`
      : `Not exhaustive: stopped at its bound (${result.bound?.kind} = ${result.bound?.value.toLocaleString('en')}); ${result.evaluations.toLocaleString('en')} evaluated.`
  );
  return lines.join('\n');
}
