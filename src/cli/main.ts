/**
 * The crosswinds CLI: validate scenario files, simulate a forecast, export its XState machine.
 * Usage is printed on any bad argument; exit codes: 0 ok, 1 invalid files, 2 bad arguments.
 */
import {
  buildSchedule,
  formatIssue,
  machineConfig,
  parseOverride,
  quarterIndex,
  runPath,
  closestName,
  auditCounts,
  parseTarget,
  searchChanges,
  type Override
} from '../lib/engine';
import { auditTable, catalogAudit } from './auditDoc';
import { existsSync } from 'node:fs';
import { readCatalog, userPath } from './readCatalog';
import { fail, FilesError, loadOrExit, takeForecasts, UsageError } from './forecastArgs';
import { formatPathTable } from './pathTable';
import { reachJson, reachTable } from './reach';

const USAGE = `usage: npm run crosswinds -- <command>
  validate [paths…]                       check scenario files (all when no path is given)
  simulate <analyst> [--preset observed|assumed] [--set driver=level@quarter …]
                     [--from Q] [--to Q] [--json]
  reach <analyst>[,<analyst>…] --target state=<id>|level>=<n>|level<=<n> --by Q
                     [--from-preset observed|assumed] [--set driver=level@quarter …]
                     [--from Q] [--at-least k] [--max-changes n] [--max-evaluations n]
                     [--min-probability p] [--json]
                                          the smallest driver changes that reach the target
  export <analyst>                        the forecast as XState machine JSON
  audit [analyst] [--json]                every element: stated (with its quote) or reading (why)
  brief <deck.json> --out <file.pptx|file.pdf>
                                          build a briefing deck headlessly
  simulate, reach, export and audit take --forecast <file.yaml> (repeatable): a forecast file
  from any path joins the built-in ones for that run`;

function validate(paths: string[]): number {
  const missing = paths.filter((p) => !existsSync(userPath(p)));
  if (missing.length) {
    for (const p of missing) console.log(`${p}: no such file`);
    console.log(`${missing.length} error(s), 0 warning(s)`);
    return 1;
  }
  const { issues, articlesFound } = readCatalog(paths.length ? paths.map(userPath) : undefined);
  for (const issue of issues) console.log(formatIssue(issue));
  if (!articlesFound)
    console.log('warning: numbered articles not found; paragraphs were not checked');
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  console.log(
    errors ? `${errors} error(s), ${warnings} warning(s)` : `valid (${warnings} warning(s))`
  );
  return errors ? 1 : 0;
}

function pickScenario(catalog: ReturnType<typeof loadOrExit>, id: string | undefined) {
  const ids = [...catalog.models.keys()];
  if (!id) fail(`name an analyst: one of ${ids.join(', ')}`);
  const model = catalog.models.get(id);
  if (!model) {
    const guess = closestName(id, ids);
    fail(
      `unknown analyst "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of ${ids.join(', ')}`
    );
  }
  return model;
}

function checkOverrides(model: ReturnType<typeof pickScenario>, overrides: Override[]) {
  for (const o of overrides) {
    const levels = model.drivers.levels.get(o.driver);
    if (!levels)
      fail(`unknown driver "${o.driver}"; expected one of ${model.drivers.ids.join(', ')}`);
    if (!levels.includes(o.level))
      fail(`unknown level "${o.level}" for ${o.driver}; expected one of ${levels.join(', ')}`);
  }
}

const quarterArg = (flag: string, value: string | undefined) => {
  if (!value || quarterIndex(value) === null) fail(`${flag} needs a quarter like 2024Q1`);
  return value;
};

function reach(argv: string[]): number {
  const { forecasts, rest: args } = takeForecasts(argv);
  let ids: string | undefined;
  let preset = 'assumed';
  let target: ReturnType<typeof parseTarget> = null;
  let by: string | undefined;
  let from: string | undefined;
  let atLeast: number | undefined;
  let maxChanges: number | undefined;
  let minProbability: number | undefined;
  let maxEvaluations: number | undefined;
  let json = false;
  const overrides: Override[] = [];
  const count = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) fail(`${flag} needs a whole number of at least 1`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--from-preset' || a === '--preset') {
      preset = args[++i] ?? '';
      if (preset !== 'observed' && preset !== 'assumed') fail(`${a} is observed or assumed`);
    } else if (a === '--set') {
      const o = parseOverride(args[++i] ?? '');
      if (!o) fail('--set needs driver=level@quarter, e.g. sanctions=easing@2026Q3');
      overrides.push(o);
    } else if (a === '--target') {
      target = parseTarget(args[++i] ?? '');
      if (!target) fail('--target needs state=<id>, level>=<n> or level<=<n> (n from -3 to 3)');
    } else if (a === '--by') by = quarterArg(a, args[++i]);
    else if (a === '--from') from = quarterArg(a, args[++i]);
    else if (a === '--at-least') atLeast = count(a, args[++i]);
    else if (a === '--max-changes') maxChanges = count(a, args[++i]);
    else if (a === '--max-evaluations') maxEvaluations = count(a, args[++i]);
    else if (a === '--min-probability') {
      minProbability = Number(args[++i]);
      if (!(minProbability >= 0 && minProbability < 1))
        fail('--min-probability needs a number from 0 up to (not including) 1');
    } else if (a === '--json') json = true;
    else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else if (ids) fail(`unexpected argument ${a}`);
    else ids = a;
  }
  if (!target) fail('reach needs --target, e.g. --target state=thaw or --target level>=1');
  if (!by) fail('reach needs --by, the deadline quarter');
  const catalog = loadOrExit(forecasts);
  const models = (ids ?? '').split(',').map((id) => pickScenario(catalog, id || undefined));
  for (const model of models) checkOverrides(model, overrides);
  if (target.kind === 'state' && !models.some((m) => target.state in m.scenario.states)) {
    const states = models.flatMap((m) => m.stateIds);
    const guess = closestName(target.state, states);
    fail(
      `unknown state "${target.state}"${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of ${states.join(', ')}`
    );
  }
  if (preset === 'assumed' && models.length > 1)
    fail('--from-preset assumed takes one analyst; use observed for several');
  let result;
  try {
    result = searchChanges({
      models,
      atLeast,
      target,
      by,
      from,
      sources: catalog,
      preset:
        preset === 'observed'
          ? { kind: 'observed' }
          : { kind: 'assumed', scenario: models[0]!.scenario },
      overrides,
      limits: { maxChanges, maxEvaluations, minProbability }
    });
  } catch (e) {
    if (e instanceof RangeError) fail(e.message);
    throw e;
  }
  console.log(
    json ? JSON.stringify(reachJson(result), null, 2) : reachTable(result, models, preset)
  );
  return 0;
}

function simulate(argv: string[]): number {
  const { forecasts, rest: args } = takeForecasts(argv);
  let id: string | undefined;
  let preset = 'assumed';
  let from: string | undefined;
  let to: string | undefined;
  let json = false;
  const overrides: Override[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--preset') {
      preset = args[++i] ?? '';
      if (preset !== 'observed' && preset !== 'assumed') fail('--preset is observed or assumed');
    } else if (a === '--set') {
      const o = parseOverride(args[++i] ?? '');
      if (!o) fail('--set needs driver=level@quarter, e.g. sanctions=easing@2026Q3');
      overrides.push(o);
    } else if (a === '--from') from = quarterArg(a, args[++i]);
    else if (a === '--to') to = quarterArg(a, args[++i]);
    else if (a === '--json') json = true;
    else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else if (id) fail(`unexpected argument ${a}`);
    else id = a;
  }
  const catalog = loadOrExit(forecasts);
  const model = pickScenario(catalog, id);
  checkOverrides(model, overrides);
  // The catalog's horizon covers every forecast in it, one that starts before 2020 or names an
  // `until` past 2030 included.
  const { horizon } = catalog;
  const last = to && quarterIndex(to)! > quarterIndex(horizon.last)! ? to : horizon.last;
  const schedule = buildSchedule(
    catalog,
    preset === 'observed' ? { kind: 'observed' } : { kind: 'assumed', scenario: model.scenario },
    overrides,
    { first: horizon.first, last }
  );
  const result = runPath(model, schedule, { from, to: to ?? horizon.last });
  if (result.steps.length === 0) {
    fail(
      `${model.scenario.id} runs from ${model.scenario.start.quarter}; nothing to show for ${from ?? model.scenario.start.quarter}–${to ?? horizon.last}`
    );
  }
  if (json) console.log(JSON.stringify(result, (k, v) => (k === 'trace' ? undefined : v), 2));
  else console.log(formatPathTable(result, model, preset, overrides));
  return 0;
}

function audit(argv: string[]): number {
  const { forecasts, rest: args } = takeForecasts(argv);
  let id: string | undefined;
  let json = false;
  for (const a of args) {
    if (a === '--json') json = true;
    else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else if (id) fail(`unexpected argument ${a}`);
    else id = a;
  }
  const catalog = loadOrExit(forecasts);
  if (id) pickScenario(catalog, id);
  const rows = catalogAudit(catalog, id);
  if (json) {
    console.log(JSON.stringify({ rows, counts: auditCounts(rows) }, null, 2));
  } else console.log(auditTable(rows));
  return 0;
}

function exportMachine(argv: string[]): number {
  const { forecasts, rest: args } = takeForecasts(argv);
  if (args.length > 1) fail(`unexpected argument ${args[1]}`);
  const catalog = loadOrExit(forecasts);
  console.log(JSON.stringify(machineConfig(pickScenario(catalog, args[0])), null, 2));
  return 0;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validate(rest);
      case 'simulate':
        return simulate(rest);
      case 'reach':
        return reach(rest);
      case 'export':
        return exportMachine(rest);
      case 'audit':
        return audit(rest);
      case undefined:
      case '--help':
      case '-h':
        console.log(USAGE);
        return command ? 0 : 2;
      default:
        fail(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof FilesError) return 1;
    if (!(e instanceof UsageError)) throw e;
    console.error(`crosswinds: ${e.message}\n${USAGE}`);
    return 2;
  }
}
