/**
 * Forecasts from outside the five: an article with no numbered copy here, drivers of the
 * forecast's own that the record does not cover, horizons past the default span, and a catalog
 * in which one file is broken. Each is the small test forecast (fixtures/test-analyst.yaml)
 * changed one way, loaded with the real shared files and articles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { catalogFiles, readArticles } from '../../cli/readCatalog';
import { loadCatalog, type SourceFile } from './catalog';
import { buildSchedule, lastQuarter } from './schedule';
import { runPath } from './path';
import { scoreAnalyst } from './scorecard';
import { fromIndex, toIndex } from './quarter';
import { checkHistory } from './check';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML document, edited freely
type Doc = Record<string, any>;

const BASE = parse(
  readFileSync(new URL('./fixtures/test-analyst.yaml', import.meta.url), 'utf8')
) as Doc;
const articles = readArticles();

function file(id: string, change: (doc: Doc) => void = () => {}): SourceFile {
  const doc = structuredClone(BASE);
  doc.id = id;
  change(doc);
  return { path: `elsewhere/${id}.yaml`, text: stringify(doc) };
}

const load = (...forecasts: SourceFile[]) =>
  loadCatalog({ ...catalogFiles([]), forecasts }, { articles });

/** The article is one the repository has no numbered copy of, cited by its address. */
const outside = (doc: Doc) => {
  doc.source.ref = 'example-review-2026';
  doc.source.url = 'https://example.org/review/2026/outlook';
};

describe('a forecast citing an article with no numbered copy here', () => {
  it('loads when the article is cited by URL, with a warning that its quotes are as given', () => {
    const { catalog, issues } = load(file('outside', outside));
    expect(catalog?.models.has('outside')).toBe(true);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'source.ref',
        message: expect.stringContaining('https://example.org/review/2026/outlook')
      })
    ]);
  });

  it('keeps its own paragraph numbers and quotes, which no numbered copy could contradict', () => {
    const { catalog } = load(
      file('outside', (doc) => {
        outside(doc);
        doc.states.standoff.source = { para: 41, basis: 'stated', quote: 'words only it has' };
      })
    );
    expect(catalog?.scenarios[0]?.states.standoff?.source).toMatchObject({ para: 41 });
  });

  it('is refused without a URL, saying how to cite it', () => {
    const { catalog, issues } = load(
      file('nowhere', (doc) => {
        doc.source.ref = 'example-review-2026';
      })
    );
    expect(catalog?.scenarios).toEqual([]);
    expect(issues[0]).toMatchObject({ severity: 'error', path: 'source.ref' });
    expect(issues[0]!.message).toContain('`url`');
  });

  it('still checks the built-in articles’ citations: a wrong quote of a numbered article fails', () => {
    const { issues } = load(
      file('misquoted', (doc) => {
        doc.states.standoff.source.quote = 'words the article never used';
      })
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: 'states.standoff.source.quote', severity: 'error' })
    ]);
  });
});

/** A driver the shared vocabulary lacks, which the forecast reads and the record never covers. */
const ownDriver = (doc: Doc) => {
  doc.drivers = [
    {
      id: 'arcticTalks',
      label: 'Arctic Council talks',
      levels: [
        { id: 'frozen', label: 'Frozen' },
        { id: 'resumed', label: 'Resumed' }
      ],
      source: { para: 20, basis: 'reading', why: 'The test adds a channel of its own.' }
    }
  ];
  doc.assumptions.drivers.arcticTalks = {
    level: 'resumed',
    source: { para: 20, basis: 'reading', why: 'The test assumes talks resume.' }
  };
  doc.transitions.push({
    id: 'talks-thaw',
    from: 'standoff',
    to: 'breakdown',
    priority: 0,
    guard: {
      type: 'driverIs',
      params: { driver: 'arcticTalks', levels: ['frozen'] },
      source: { para: 20, basis: 'reading', why: 'The test reads frozen talks as a breakdown.' }
    },
    source: { para: 20, basis: 'reading', why: 'The test’s own transition.' }
  });
};

describe('a driver the forecast declares itself', () => {
  it('joins the catalog’s vocabulary, marked as the forecast’s', () => {
    const { catalog, issues } = load(file('own', ownDriver));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const driver = catalog!.vocabulary.drivers.find((d) => d.id === 'arcticTalks');
    expect(driver).toMatchObject({
      declaredBy: 'own',
      ordered: true,
      label: 'Arctic Council talks'
    });
  });

  it('is "not recorded" in every quarter of the observed record, never a load failure', () => {
    const { catalog } = load(file('own', ownDriver));
    const schedule = buildSchedule(catalog!, { kind: 'observed' });
    const recorded = catalog!.history.quarters.map((q) => q.quarter);
    for (const q of recorded) {
      expect(schedule.provenance[toIndex(q) - schedule.first]!.arcticTalks).toBe('unrecorded');
    }
    // The shared drivers stay observed.
    expect(schedule.provenance[toIndex(recorded[0]!) - schedule.first]!.sanctions).toBe('observed');
    // Where unrecorded, it stands at the declaring forecast's assumption, not at a made-up level.
    expect(schedule.levels[0]!.arcticTalks).toBe('resumed');
  });

  it('leaves the quarters it decides unscored (unknown) on the observed drivers', () => {
    const { catalog } = load(file('own', ownDriver), file('plain'));
    const own = scoreAnalyst(catalog!, catalog!.models.get('own')!)!;
    const plain = scoreAnalyst(catalog!, catalog!.models.get('plain')!)!;
    expect(own.runB.unknown?.every(Boolean)).toBe(true);
    expect(own.runB.n).toBe(0);
    expect(own.runB.rps).toBeUndefined();
    expect(own.verdictCounted.some(Boolean)).toBe(false);
    // Its own assumptions name the level, so run A is scored as usual.
    expect(own.runA.n).toBeGreaterThan(0);
    // A forecast that does not read the driver is scored as before.
    expect(plain.runB.unknown).toBeUndefined();
    expect(plain.runB.n).toBeGreaterThan(0);
  });

  it('may not redefine a shared driver', () => {
    const { issues } = load(
      file('clash', (doc) => {
        ownDriver(doc);
        doc.drivers[0].id = 'sanctions';
      })
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'drivers[0].id', message: expect.stringContaining('shared') })
    );
  });

  it('is refused when a second forecast declares the same id with other levels', () => {
    const { catalog, issues } = load(
      file('first', ownDriver),
      file('second', (doc) => {
        ownDriver(doc);
        doc.drivers[0].levels[1].id = 'open';
        doc.assumptions.drivers.arcticTalks.level = 'open';
      })
    );
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['first']);
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'elsewhere/second.yaml', path: 'drivers[0].levels' })
    );
  });
});

describe('a record that leaves a driver out', () => {
  it('is read with a warning naming the driver and its quarters, not an error', () => {
    const { catalog } = load();
    const history = structuredClone(catalog!.history);
    delete history.quarters.at(-1)!.drivers.sanctions;
    const issues = checkHistory(history, 'observed.json', catalog!.vocabulary);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/"sanctions" is not recorded in 1 quarter/)
      })
    ]);
    const schedule = buildSchedule({ ...catalog!, history }, { kind: 'observed' });
    const last = toIndex(history.quarters.at(-1)!.quarter) - schedule.first;
    expect(schedule.provenance[last]!.sanctions).toBe('unrecorded');
    // Carried from the quarter before, not invented.
    expect(schedule.levels[last]!.sanctions).toBe(schedule.levels[last - 1]!.sanctions);
  });
});

describe('horizons from the data', () => {
  it('keeps 2020Q1–2030Q4 for the built-in forecasts', () => {
    expect(load(file('plain')).catalog!.horizon).toEqual({ first: '2020Q1', last: '2030Q4' });
  });

  it('starts before 2020 and runs past 2030 when a forecast does, and simulates all of it', () => {
    const { catalog, issues } = load(
      file('long', (doc) => {
        doc.start.quarter = '2018Q3';
        doc.until = '2034Q2';
        // The hedge's window grows with the earlier start; its chance is spread over it.
        doc.transitions[1].probability.withinQuarters = 13;
      })
    );
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(catalog!.horizon).toEqual({ first: '2018Q3', last: '2034Q2' });
    const schedule = buildSchedule(catalog!, { kind: 'observed' });
    expect(fromIndex(schedule.first)).toBe('2018Q3');
    expect(fromIndex(lastQuarter(schedule))).toBe('2034Q2');
    const path = runPath(catalog!.models.get('long')!, schedule);
    expect(path.steps[0]!.quarter).toBe('2018Q3');
    expect(path.steps.at(-1)!.quarter).toBe('2034Q2');
    // Before the record starts, the drivers stand at its first quarter's levels, marked carried.
    expect(schedule.provenance[0]!.sanctions).toBe('carried');
  });

  it('refuses an end before the start', () => {
    const { issues } = load(file('backwards', (doc) => (doc.until = '2019Q4')));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'until', message: expect.stringContaining('2020Q2') })
    );
  });
});

describe('a catalog with one broken file', () => {
  it('loads every other forecast and names the broken one with its messages', () => {
    const broken = file('broken', (doc) => (doc.transitions[0].to = 'nowhere'));
    const { catalog, issues } = load(file('good-one'), broken, file('good-two', outside));
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['good-one', 'good-two']);
    expect(catalog?.skipped).toEqual([
      {
        file: 'elsewhere/broken.yaml',
        messages: [expect.stringContaining('transitions[0].to')]
      }
    ]);
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.file)).toEqual([
      'elsewhere/broken.yaml'
    ]);
  });

  it('says so for a file that is not YAML at all, and still loads the rest', () => {
    const { catalog } = load({ path: 'elsewhere/garbled.yaml', text: 'id: [unclosed' }, file('ok'));
    expect(catalog?.scenarios.map((s) => s.id)).toEqual(['ok']);
    expect(catalog?.skipped?.[0]?.file).toBe('elsewhere/garbled.yaml');
  });
});
