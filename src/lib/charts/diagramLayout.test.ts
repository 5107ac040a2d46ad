import { describe, expect, it } from 'vitest';
import { buildSchedule, runPath, type PathStep } from '$lib/engine';
import { realCatalog } from '$lib/engine/testCatalog';
import { layoutDiagram } from './diagramPlacement';
import {
  diagramInput,
  estimateTextWidth,
  pathFootprint,
  wrapLabel,
  type DiagramInput,
  type DiagramNode,
  type Point
} from './diagramLayout';

const models = [...realCatalog().models.values()];

/** Distance from a point to the outline of a node's box (0 on the outline). */
function distanceToOutline(p: Point, n: DiagramNode): number {
  const dx = Math.abs(p.x - n.x) - n.width / 2;
  const dy = Math.abs(p.y - n.y) - n.height / 2;
  if (dx > 0 || dy > 0) return Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
  return Math.min(-dx, -dy);
}

function overlaps(a: DiagramNode, b: DiagramNode): boolean {
  return (
    Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2
  );
}

describe.each(models.map((m) => [m.scenario.id, m] as const))('layoutDiagram(%s)', (_, model) => {
  const layout = layoutDiagram(diagramInput(model));
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));

  it('places every state once', () => {
    expect(layout.nodes.map((n) => n.id)).toEqual(Object.keys(model.scenario.states));
    for (const n of layout.nodes) {
      expect(n.label).toBe(model.scenario.states[n.id]!.label);
      expect(n.level).toBe(model.scenario.states[n.id]!.level);
    }
  });

  it('routes every transition once, parallel ones included', () => {
    expect(layout.edges.map((e) => e.id)).toEqual(model.scenario.transitions.map((t) => t.id));
    for (const e of layout.edges) {
      const t = model.scenario.transitions.find((x) => x.id === e.id)!;
      expect([e.from, e.to]).toEqual([t.from, t.to]);
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      expect(e.pathD).toMatch(new RegExp(`^M${e.points[0]!.x},${e.points[0]!.y}`));
    }
  });

  it('keeps nodes apart', () => {
    for (const [i, a] of layout.nodes.entries())
      for (const b of layout.nodes.slice(i + 1))
        expect(overlaps(a, b), `${a.id} × ${b.id}`).toBe(false);
  });

  it('starts and ends each edge on its nodes’ outlines', () => {
    for (const e of layout.edges) {
      expect(distanceToOutline(e.points[0]!, byId.get(e.from)!), e.id).toBeLessThan(1.5);
      expect(distanceToOutline(e.points.at(-1)!, byId.get(e.to)!), e.id).toBeLessThan(1.5);
    }
  });

  it('keeps everything inside the viewBox', () => {
    for (const n of layout.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
    }
    for (const p of layout.edges.flatMap((e) => e.points)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(layout.width);
      expect(p.y).toBeLessThanOrEqual(layout.height);
    }
  });

  it('marks the start state with a dot outside every node and an arrow', () => {
    expect(layout.start).toBeDefined();
    expect(layout.start!.pathD.startsWith('M')).toBe(true);
    const { x, y } = layout.start!;
    for (const n of layout.nodes)
      expect(Math.abs(x - n.x) > n.width / 2 + 6 || Math.abs(y - n.y) > n.height / 2 + 6).toBe(
        true
      );
  });

  it('fits every label in two lines without cutting it', () => {
    for (const n of layout.nodes) {
      expect(n.lines.length).toBeLessThanOrEqual(2);
      expect(n.lines.join(' ')).toBe(n.label);
    }
  });

  it('is deterministic', () => {
    expect(layoutDiagram(diagramInput(model))).toEqual(layout);
    expect(layoutDiagram(structuredClone(diagramInput(model)))).toEqual(layout);
  });
});

describe('layoutDiagram on small graphs', () => {
  const input: DiagramInput = {
    states: [
      { id: 'a', label: 'Alpha', level: -1 },
      { id: 'b', label: 'Beta', level: 1 }
    ],
    transitions: [
      { id: 'a-b-1', from: 'a', to: 'b' },
      { id: 'a-b-2', from: 'a', to: 'b' },
      { id: 'b-a', from: 'b', to: 'a' },
      { id: 'b-b', from: 'b', to: 'b' },
      { id: 'a-ghost', from: 'a', to: 'ghost' }
    ],
    start: 'a'
  };

  it('gives parallel transitions separate routes', () => {
    const { edges } = layoutDiagram(input);
    const [one, two] = ['a-b-1', 'a-b-2'].map((id) => edges.find((e) => e.id === id)!);
    expect(one!.pathD).not.toBe(two!.pathD);
  });

  it('draws a self-transition and skips one to an unknown state', () => {
    const { edges } = layoutDiagram(input);
    expect(edges.map((e) => e.id)).toEqual(['a-b-1', 'a-b-2', 'b-a', 'b-b']);
    expect(edges.find((e) => e.id === 'b-b')!.points.length).toBeGreaterThan(2);
  });

  it('lays ranks left to right by default and top to bottom on request', () => {
    const lr = layoutDiagram(input);
    const tb = layoutDiagram(input, { direction: 'TB' });
    const [la, lb] = lr.nodes;
    const [ta, tbb] = tb.nodes;
    expect(lb!.x).toBeGreaterThan(la!.x);
    expect(tbb!.y).toBeGreaterThan(ta!.y);
  });
});

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('Reset', 130, 2)).toEqual(['Reset']);
  });

  it('breaks at spaces within the width', () => {
    const lines = wrapLabel('Confrontation without guardrails', 120, 3);
    expect(lines.join(' ')).toBe('Confrontation without guardrails');
    for (const l of lines.filter((l) => l.includes(' ')))
      expect(estimateTextWidth(l, 13)).toBeLessThanOrEqual(120);
  });

  it('ends a label that needs more lines in an ellipsis', () => {
    const lines = wrapLabel('one two three four five six seven eight nine ten', 60, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
});

/** A path step with only what pathFootprint reads. */
function step(
  quarter: string,
  state: string,
  moves: Array<[string, string, string]> = []
): PathStep {
  return {
    quarter,
    state,
    transitions: moves.map(([id, from, to]) => ({ id, from, to }))
  } as unknown as PathStep;
}

describe('pathFootprint', () => {
  const steps = [
    step('2020Q2', 'b', [['a-b', 'a', 'b']]),
    step('2020Q3', 'b'),
    step('2020Q4', 'a', [
      ['b-c', 'b', 'c'],
      ['c-a', 'c', 'a']
    ]),
    step('2021Q1', 'a'),
    step('2021Q2', 'b', [['a-b', 'a', 'b']])
  ];

  it('is empty before the path starts', () => {
    expect(pathFootprint(steps, '2020Q1')).toEqual({
      visits: [],
      taken: new Map(),
      current: null,
      currentVisit: null
    });
    expect(pathFootprint([], '2024Q1').current).toBeNull();
  });

  it('reads visits and taken transitions up to the quarter', () => {
    const f = pathFootprint(steps, '2021Q1');
    expect(f.visits).toEqual([
      { state: 'a', entered: '2020Q2', left: '2020Q2', passedThrough: true },
      { state: 'b', entered: '2020Q2', left: '2020Q4', passedThrough: false },
      { state: 'c', entered: '2020Q4', left: '2020Q4', passedThrough: true },
      { state: 'a', entered: '2020Q4', passedThrough: false }
    ]);
    expect(f.current).toBe('a');
    expect(f.currentVisit).toEqual(f.visits.at(-1));
    expect(Object.fromEntries(f.taken)).toEqual({
      'a-b': ['2020Q2'],
      'b-c': ['2020Q4'],
      'c-a': ['2020Q4']
    });
  });

  it('collects every quarter a transition fired in', () => {
    const f = pathFootprint(steps, '2030Q4');
    expect(f.taken.get('a-b')).toEqual(['2020Q2', '2021Q2']);
    expect(f.current).toBe('b');
  });

  it('starts in the first step’s state when nothing fired then', () => {
    const f = pathFootprint([step('2022Q1', 'x'), step('2022Q2', 'x')], '2022Q2');
    expect(f.visits).toEqual([{ state: 'x', entered: '2022Q1', passedThrough: false }]);
  });

  it('agrees with real paths: the current state is the step’s state', () => {
    const schedule = buildSchedule(realCatalog(), { kind: 'observed' });
    for (const model of models) {
      const path = runPath(model, schedule);
      for (const s of path.steps)
        expect(pathFootprint(path.steps, s.quarter).current).toBe(s.state);
    }
  });
});
