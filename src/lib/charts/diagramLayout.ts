/**
 * The state diagram's geometry and the path's footprint on it, without a DOM: diagramPlacement.ts
 * places the states (nodes) and transitions (edges, several between one pair allowed) with dagre,
 * d3 turns each edge's points into a path string, and `pathFootprint` says which states a path
 * visited (and when) and which transitions it took, up to a quarter. StateDiagram.svelte only
 * draws what these return.
 */
import { curveBasis, line } from 'd3';
import type { Model, PathStep, Quarter } from '$lib/engine';
import { toIndex } from '$lib/engine';

export interface Point {
  x: number;
  y: number;
}

/** What the layout needs of a model: its states and transitions, in file order. */
export interface DiagramInput {
  states: Array<{ id: string; label: string; level: number; reading?: boolean }>;
  transitions: Array<{ id: string; from: string; to: string }>;
  /** The start state: drawn with an entry arrow from a dot. */
  start?: string;
}

export interface DiagramNode {
  id: string;
  label: string;
  level: number;
  /** The article does not state this state: the model reads it in (drawn dashed). */
  reading?: boolean;
  /** Centre of the node. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label wrapped to the node's width. */
  lines: string[];
}

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  /** From the edge of the `from` node to the edge of the `to` node. */
  points: Point[];
  /** A smooth path (curveBasis) through `points`. */
  pathD: string;
}

export interface DiagramLayout {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The start marker (a dot) and its arrow into the start state. */
  start?: { x: number; y: number; pathD: string };
  /** Size of the whole drawing, margins included: the viewBox is `0 0 width height`. */
  width: number;
  height: number;
}

export interface DiagramOptions {
  /** LR: ranks run left to right (default); TB: top to bottom. */
  direction?: 'LR' | 'TB';
  /** Node width; widened (up to maxNodeWidth) until every label fits in maxLines lines. */
  nodeWidth?: number;
  maxNodeWidth?: number;
  /** Label lines at most; longer labels end in an ellipsis. */
  maxLines?: number;
  lineHeight?: number;
  /** Height kept under the label for the node's second line ("−2 · from 2022Q1"). */
  detailHeight?: number;
  padding?: number;
  margin?: number;
}

export const DIAGRAM_DEFAULTS: Required<DiagramOptions> = {
  direction: 'LR',
  nodeWidth: 150,
  maxNodeWidth: 210,
  maxLines: 2,
  lineHeight: 16,
  detailHeight: 16,
  padding: 9,
  margin: 16
};

/** The label's font size in the drawing (StateDiagram.svelte uses the same). */
export const LABEL_FONT_SIZE = 13;

export const START_ID = '\u0000start';
export const START_SIZE = 12;

/** The states and transitions of a model, in file order. Pure. */
export function diagramInput(model: Pick<Model, 'scenario'>): DiagramInput {
  const { states, transitions, start } = model.scenario;
  return {
    states: Object.entries(states).map(([id, s]) => ({
      id,
      label: s.label,
      level: s.level,
      reading: s.source.basis === 'reading'
    })),
    transitions: transitions.map((t) => ({ id: t.id, from: t.from, to: t.to })),
    start: start.state
  };
}

/**
 * The width of a text in pixels, estimated from character classes (no DOM to measure with):
 * generous for semibold system sans-serif fonts, so a label that fits here fits on screen. Pure.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[ijlI.,;:'’!|()[\]\s-]/.test(ch)) em += 0.34;
    else if (/[mwMW@]/.test(ch)) em += 0.92;
    else if (/[A-Z0-9&]/.test(ch)) em += 0.74;
    else em += 0.64;
  }
  return em * fontSize;
}

/**
 * A label split at spaces into lines at most `maxWidth` pixels wide (a longer word gets a line of
 * its own), at most `maxLines` of them; cut text ends in "…". Pure.
 */
export function wrapLabel(
  label: string,
  maxWidth: number,
  maxLines: number,
  fontSize = LABEL_FONT_SIZE
): string[] {
  const fits = (text: string) => estimateTextWidth(text, fontSize) <= maxWidth;
  const lines: string[] = [];
  for (const word of label.trim().split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let tail = kept[maxLines - 1]!;
  while (tail.length > 1 && !fits(`${tail}…`)) tail = tail.slice(0, -1);
  kept[maxLines - 1] = `${tail.trimEnd()}…`;
  return kept;
}

/** A smooth path (curveBasis) through an edge's points. */
export const curve = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis);

/** One stay in a state along a path. */
export interface Visit {
  state: string;
  /** The quarter the state was entered. */
  entered: Quarter;
  /** The quarter it was left (a transition out fired then); undefined while still in it. */
  left?: Quarter;
  /** Entered and left in the same quarter (an `always` transition moved straight on). */
  passedThrough: boolean;
}

export interface PathFootprint {
  /** Stays in order of entry, up to and including `quarter`. */
  visits: Visit[];
  /** Taken transition id → the quarters it fired in, in order. */
  taken: Map<string, Quarter[]>;
  /** The state at `quarter`; null before the path starts (or for an empty path). */
  current: string | null;
  /** The stay in `current` that is under way at `quarter`. */
  currentVisit: Visit | null;
}

/**
 * Pure. The states a path visited and the transitions it took up to and including `quarter`,
 * reading each step's taken transitions in order (so a state passed through within one quarter
 * counts as a visit). The path's first state is the `from` of its first step's first transition,
 * or that step's state when nothing fired.
 */
export function pathFootprint(steps: PathStep[], quarter: Quarter): PathFootprint {
  const visits: Visit[] = [];
  const taken = new Map<string, Quarter[]>();
  const first = steps[0];
  const until = toIndex(quarter);
  if (!first || toIndex(first.quarter) > until)
    return { visits, taken, current: null, currentVisit: null };

  let open: Visit = {
    state: first.transitions[0]?.from ?? first.state,
    entered: first.quarter,
    passedThrough: false
  };
  visits.push(open);
  for (const step of steps) {
    if (toIndex(step.quarter) > until) break;
    for (const t of step.transitions) {
      open.left = step.quarter;
      open.passedThrough = open.entered === step.quarter;
      open = { state: t.to, entered: step.quarter, passedThrough: false };
      visits.push(open);
      const quarters = taken.get(t.id) ?? [];
      quarters.push(step.quarter);
      taken.set(t.id, quarters);
    }
  }
  return { visits, taken, current: open.state, currentVisit: open };
}

/** Colours of the diagram's path and transitions: holding, not holding, taken. */
/** The dash of a state or transition the model reads in: the same in the drawing and its legend. */
export const DIAGRAM_READING_DASH = '6 4';

export const DIAGRAM_COLOURS = {
  accent: '#1f5fa8',
  muted: '#59636e',
  dark: '#2b3138',
  /** The halo round an element a link asks to mark. */
  halo: '#f2c200'
} as const;

/** Pure. A level with its sign: "+2", "−1" (a true minus), "0". */
export function signedLevel(level: number): string {
  return level > 0 ? `+${level}` : level < 0 ? `−${-level}` : '0';
}

/** Pure. The "Left" cell of a visit in the diagram's text version. */
export function visitLeftText(v: Visit, quarter: string): string {
  if (v.passedThrough) return `${v.left} (passed through)`;
  return v.left ?? `Still there in ${quarter}`;
}
