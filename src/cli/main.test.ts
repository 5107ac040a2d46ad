/** The crosswinds CLI as a user runs it: `main(argv)`, its exit code and what it prints. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from './main';
import { scenariosDir } from './readCatalog';
import {
  buildSchedule,
  parseOverride,
  quarterRange,
  runPath,
  type Guard,
  type PathResult
} from '../lib/engine';
import { realCatalog } from '../lib/engine/testCatalog';

/** Runs the CLI with console output captured, as lines. */
function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = main(argv);
    const lines = (calls: string[]) => calls.flatMap((c) => c.split('\n'));
    return { code, out: lines(out), err: lines(err) };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

interface ScenarioFile {
  start: { state: string };
  states: Record<string, { label: string }>;
  transitions: Array<{ id: string; from: string; to: string; guard: Guard; probability?: object }>;
}

const scenarioFile = (id: string) =>
  parse(readFileSync(join(scenariosDir, 'forecasts', `${id}.yaml`), 'utf8')) as ScenarioFile;

const json = (lines: string[]) => JSON.parse(lines.join('\n'));

/** A guard as the file writes it, without the sources its conditions carry. */
function withoutSources(guard: Guard): unknown {
  const { type, params } = guard as { type: string; params: Record<string, unknown> };
  if (type === 'and' || type === 'or')
    return { type, params: { guards: (params.guards as Guard[]).map(withoutSources) } };
  if (type === 'not') return { type, params: { guard: withoutSources(params.guard as Guard) } };
  return { type, params };
}

/** The rows of the text table: quarter, state label, and the "Why" text. */
function tableRows(lines: string[]) {
  const body = lines.slice(lines.findIndex((l) => l.startsWith('-------')) + 1);
  return body.map((line) => {
    const m = /^(\d{4}Q[1-4]) {2,}(?:→ | {2})(.+?) {2,}[+-]?\d {2,}\d+% *(.*)$/.exec(line);
    expect(m, `a table row: ${line}`).not.toBeNull();
    return { quarter: m![1]!, label: m![2]!, why: m![3]! };
  });
}

describe('validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosswinds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns 0 and prints "valid" for the real files', () => {
    const { code, out } = run('validate');
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^valid\b/);
    expect(out.join('\n')).not.toMatch(/error|not found/);
  });

  it('returns 1 and prints `file: path: message` for a broken file', () => {
    const path = join(dir, 'test-analyst.yaml');
    const fixture = new URL('../lib/engine/fixtures/test-analyst.yaml', import.meta.url);
    const text = readFileSync(fixture, 'utf8');
    writeFileSync(path, text.replace('level: lapsed-restraint }', 'level: lapsed-restrant }'));
    const { code, out } = run('validate', path);
    expect(code).toBe(1);
    // A file outside the working directory is named by its full path.
    expect(out).toContain(
      `${path}: transitions[0].guard.params.level: ` +
        'unknown level "lapsed-restrant" for armsControl; ' +
        'expected one of collapsed, lapsed-restraint, in-force, new-framework ' +
        '(did you mean "lapsed-restraint"?)'
    );
    expect(out.at(-1)).toBe('1 error(s), 0 warning(s)');
  });
});

describe('simulate', () => {
  it('prints a table of quarters from the start quarter with the scenario’s state labels', () => {
    const { code, out } = run('simulate', 'notte-2025-reset');
    expect(code).toBe(0);
    const rows = tableRows(out);
    expect(rows.map((r) => r.quarter)).toEqual(quarterRange('2025Q2', rows.at(-1)!.quarter));
    expect(rows.length).toBeGreaterThan(4);
    const file = scenarioFile('notte-2025-reset');
    const labels = Object.values(file.states).map((s) => s.label);
    expect(rows[0]!.label).toBe(file.states[file.start.state]!.label);
    for (const row of rows) expect(labels).toContain(row.label);
    // A row where the state changes after the start says why.
    expect(rows.slice(1).some((r) => r.why.length > 0)).toBe(true);
  });

  it('prints JSON with --json: steps from 2025Q2, each distribution summing to 1', () => {
    const { code, out } = run('simulate', 'kortunov-2025-thaw', '--preset', 'observed', '--json');
    expect(code).toBe(0);
    const result = json(out) as PathResult;
    expect(result.scenario).toBe('kortunov-2025-thaw');
    expect(result.steps[0]!.quarter).toBe('2025Q2');
    expect(result.steps.length).toBeGreaterThan(4);
    for (const step of result.steps) {
      const total = Object.values(step.distribution).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 9);
    }
  });

  // In no forecast does lifting sanctions alone from 2026Q1 change the path (both presets were
  // tried): Kortunov's normalisation needs a ceasefire too. So both runs hold the ceasefire fixed
  // and differ only in the sanctions override.
  it('--set sanctions=lifted@2026Q1 changes the path from 2026Q1 on, and says why', () => {
    const ceasefire = ['simulate', 'kortunov-2025-thaw', '--set', 'ukraine=ceasefire@2026Q1'];
    const lifted = [...ceasefire, '--set', 'sanctions=lifted@2026Q1'];
    const without = json(run(...ceasefire, '--json').out) as PathResult;
    const withLift = json(run(...lifted, '--json').out) as PathResult;
    const states = (r: PathResult) => r.steps.map((s) => `${s.quarter} ${s.state}`);
    const first = states(without).findIndex((s, i) => s !== states(withLift)[i]);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(withLift.steps[first]!.quarter).toBe('2026Q1');

    const { code, out } = run(...lifted);
    expect(code).toBe(0);
    const row = tableRows(out).find((r) => r.quarter === '2026Q1')!;
    expect(row.label).toBe(withLift.steps[first]!.label);
    expect(row.why).toMatch(/sanctions/i);
  });

  it('--set names the change in the header, and a fork on the same driver gives way to it', () => {
    const plain = run('simulate', 'notte-2025-reset').out.join('\n');
    expect(plain).toMatch(/fork: transatlantic = \w+ \(\d+%\)/);
    const late = run('simulate', 'notte-2025-reset', '--set', 'transatlantic=cohesive@2027Q2');
    expect(late.out[0]).toContain('with your changes: transatlantic cohesive from 2027Q2');
    expect(late.out.join('\n')).toMatch(
      /fork: transatlantic = \w+ \(\d+%\) until 2027Q2, then your change/
    );
    const early = run('simulate', 'notte-2025-reset', '--set', 'transatlantic=cohesive@2025Q2');
    expect(early.out.join('\n')).toContain('transatlantic set by your change, not by the fork');
    expect(early.out.join('\n')).not.toMatch(/transatlantic = \w+ \(/);
  });
});

describe('bad arguments', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [
      ['simulate', 'notte-2025-rest'],
      'unknown analyst "notte-2025-rest" (did you mean "notte-2025-reset"?)'
    ],
    [['simulate', 'notte-2025-reset', '--set', 'sanctions'], '--set needs driver=level@quarter'],
    [
      ['simulate', 'notte-2025-reset', '--set', 'sanctions=lifted@2026'],
      '--set needs driver=level@quarter'
    ],
    [['simulate', 'notte-2025-reset', '--from', '2024'], '--from needs a quarter like 2024Q1']
  ])('%j returns 2 with a one-line error and the usage', (argv, message) => {
    const { code, out, err } = run(...argv);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^crosswinds: /);
    expect(err[0]).toContain(message);
    expect(err[1]).toMatch(/^usage: npm run crosswinds -- <command>/);
    expect(err.join('\n')).toMatch(/simulate <analyst>/);
    expect(out).toEqual([]);
  });
});

describe('export', () => {
  it('prints the XState machine: every state, and guards as { type, params }', () => {
    const { code, out } = run('export', 'trenin-2020-guardrails');
    expect(code).toBe(0);
    const machine = json(out);
    const file = scenarioFile('trenin-2020-guardrails');
    expect(machine.initial).toBe(file.start.state);
    expect(Object.keys(machine.states)).toEqual(Object.keys(file.states));
    for (const t of file.transitions) {
      const state = machine.states[t.from];
      const exported = [...(state.on?.QUARTER ?? []), ...(state.always ?? [])].find(
        (x: { meta: { transition: string } }) => x.meta.transition === t.id
      );
      expect(exported, t.id).toBeDefined();
      expect(exported.target).toBe(t.to);
      // A transition with a chance is its guard and a `chance` guard; both are { type, params }.
      // The conditions' sources stay in the file: the machine gets bare { type, params } guards.
      const guard = t.probability ? exported.guard.params.guards[0] : exported.guard;
      expect(guard).toEqual(withoutSources(t.guard));
      expect(JSON.stringify(guard)).not.toContain('"source"');
      expect(Object.keys(exported.guard).sort()).toEqual(['params', 'type']);
    }
  });
});

describe('nothing to run', () => {
  it('validate on a missing file says so in one line and returns 1', () => {
    const r = run('validate', 'scenarios/forecasts/nope.yaml');
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe('scenarios/forecasts/nope.yaml: no such file');
  });

  it('simulate for quarters before a forecast starts returns 2 and names its start', () => {
    const r = run('simulate', 'notte-2025-reset', '--to', '2024Q1');
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/runs from 2025Q2/);
  });
});

describe('reach', () => {
  const catalog = realCatalog();

  it('prints a ranked table with the --set entries and says whether the search was exhaustive', () => {
    const { code, out } = run(
      'reach',
      'kortunov-2025-thaw',
      '--target',
      'state=limitedNormalisation',
      '--by',
      '2027Q4',
      '--from',
      '2026Q2'
    );
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /^What it takes for .*kortunov-2025-thaw.* to reach Limited normalisation from 2026Q2 by 2027Q4/
    );
    const header = out.findIndex((l) => l.startsWith('#  Set'));
    const first = out[header + 2]!;
    expect(first).toMatch(/^1 {2}\S+=\S+@\d{4}Q[1-4]/);
    expect(out.at(-1)).toMatch(/^(Exhaustive|Not exhaustive)/);
  });

  it('refuses a bad target or deadline with the usage', () => {
    for (const [argv, message] of [
      [
        ['reach', 'kortunov-2025-thaw', '--target', 'state=thw', '--by', '2027Q4'],
        'unknown state "thw"'
      ],
      [['reach', 'kortunov-2025-thaw', '--target', 'level>=9', '--by', '2027Q4'], '--target needs'],
      [['reach', 'kortunov-2025-thaw', '--target', 'level>=1'], 'reach needs --by'],
      [['reach', 'kortunov-2025-thaw', '--target', 'level>=1', '--by', '2019Q1'], 'before']
    ] as const) {
      const { code, err } = run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err[0]).toContain(message);
    }
  });

  // Every state of every forecast: either the answers, simulated with the same preset and --set
  // entries (the functions simulate calls), reach it by the deadline, or there is no answer, with
  // a reason. Up to four changed drivers: Kortunov's institutionalised normalisation needs four.
  for (const model of catalog.models.values()) {
    for (const state of model.stateIds) {
      it(`${model.scenario.id}: state ${state} is reached by 2030Q4 as the answers say`, () => {
        const argv = ['reach', model.scenario.id, '--target', `state=${state}`, '--by', '2030Q4'];
        const { code, out } = run(
          ...argv,
          ...['--max-changes', '4', '--max-evaluations', '20000', '--json']
        );
        expect(code).toBe(0);
        const result = json(out) as {
          exhaustive: boolean;
          from: string;
          alternatives: Array<{ set: string[]; reachedAt: string; probability: number }>;
          reason: string | null;
        };
        if (result.alternatives.length === 0) {
          expect(result.reason).toBeTruthy();
          expect(result.exhaustive).toBe(true);
          expect(model.scenario.states[state]!.reachable).toBe(false);
          return;
        }
        for (const a of result.alternatives) {
          expect(a.probability).toBeGreaterThan(0);
          const schedule = buildSchedule(
            catalog,
            { kind: 'assumed', scenario: model.scenario },
            a.set.map((s) => parseOverride(s)!)
          );
          const path = runPath(model, schedule, { to: '2030Q4' });
          const hit = path.steps.find(
            (s) => s.quarter >= result.from && (s.distribution[state] ?? 0) > 0
          );
          expect(hit, `${a.set.join(' ')} reaches ${state}`).toBeDefined();
          expect(hit!.quarter <= '2030Q4').toBe(true);
          expect(hit!.quarter).toBe(a.reachedAt);
        }
      }, 30_000);
    }
  }
});

/**
 * The worked example (docs/writing-forecasts.md): a forecast from an article with no numbered copy
 * here, kept outside scenarios/ and copied to a folder outside the repository, as a user's own file.
 */
describe('a forecast file from outside the repository', () => {
  const example = new URL('../../examples/forecasts/tkachenko-2025-gamble.yaml', import.meta.url);
  const text = readFileSync(example, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'crosswinds-own-'));
  const path = join(dir, 'tkachenko-2025-gamble.yaml');
  writeFileSync(path, text);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validate accepts it with its own citations (url and paragraph numbers)', () => {
    const { code, out } = run('validate', path);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^valid\b/);
    expect(out.join('\n')).not.toMatch(/\berror\b/);
    // Where the numbered articles are at hand, it says the quotes are to be checked at the url.
    for (const line of out.filter((l) => l.startsWith('warning: '))) {
      expect(line).toMatch(/numbered articles not found|https:\/\/news\.az\//);
    }
  });

  it('validate reports a planted error with the file and the path inside it, and returns 1', () => {
    const broken = join(dir, 'broken', 'tkachenko-2025-gamble.yaml');
    mkdirSync(join(dir, 'broken'));
    writeFileSync(broken, text.replace('levels: [strategic]', 'levels: [strategc]'));
    const { code, out } = run('validate', broken);
    expect(code).toBe(1);
    expect(out).toContain(
      `${broken}: transitions[1].guard.params.guards[0].params.levels[0]: ` +
        'unknown level "strategc" for usIntent; expected one of tactical, undecided, strategic ' +
        '(did you mean "strategic"?)'
    );
    expect(out.at(-1)).toMatch(/^1 error\(s\), \d warning\(s\)$/);
  });

  it('simulate --forecast runs it beside the built-in ones; without it the analyst is unknown', () => {
    expect(run('simulate', 'tkachenko-2025-gamble').code).toBe(2);
    const { code, out } = run('simulate', 'tkachenko-2025-gamble', '--forecast', path);
    expect(code).toBe(0);
    const rows = tableRows(out);
    expect(rows[0]).toMatchObject({ quarter: '2025Q1', label: 'Pragmatic thaw' });
    // Its own driver takes --set like a shared one: a tactical turn ends in confrontation.
    const tactical = run(
      ...['simulate', 'tkachenko-2025-gamble', '--forecast', path],
      ...['--set', 'usIntent=tactical@2025Q2', '--json']
    );
    const result = json(tactical.out) as PathResult;
    expect(result.steps.at(-1)!.distribution['back-to-confrontation']).toBeGreaterThan(0.5);
    // The built-in forecasts are still there in the same run.
    expect(run('simulate', 'notte-2025-reset', '--forecast', path).code).toBe(0);
  });

  it('audit and reach take --forecast too', () => {
    const audit = run('audit', 'tkachenko-2025-gamble', '--forecast', path, '--json');
    expect(audit.code).toBe(0);
    const { rows } = json(audit.out) as { rows: Array<{ analyst: string; basis: string }> };
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.analyst))).toEqual(new Set(['tkachenko-2025-gamble']));
    expect(new Set(rows.map((r) => r.basis))).toEqual(new Set(['stated', 'reading']));

    const reach = run(
      ...['reach', 'tkachenko-2025-gamble', '--forecast', path],
      ...[
        '--target',
        'state=beyond-cold-war-reflexes',
        '--by',
        '2028Q4',
        '--from-preset',
        'observed'
      ],
      '--json'
    );
    expect(reach.code).toBe(0);
    const answer = json(reach.out) as { alternatives: Array<{ set: string[] }> };
    expect(answer.alternatives[0]!.set.join(' ')).toMatch(/usIntent=strategic@/);
  });

  it('--forecast with a broken file returns 1 with its errors; a missing one is a bad argument', () => {
    const broken = join(dir, 'broken', 'tkachenko-2025-gamble.yaml');
    const r = run('simulate', 'tkachenko-2025-gamble', '--forecast', broken);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain(`${broken}: transitions[1].guard.params.guards[0]`);
    const missing = run('simulate', 'x', '--forecast', join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toContain('nope.yaml: no such file');
  });
});
