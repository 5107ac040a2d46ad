/**
 * Colours shared by every chart. Analysts use the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies); levels use a diverging purple–orange scale (cool = hostile,
 * warm = cooperative) that stays readable in greyscale by lightness.
 */
export const OBSERVED_COLOUR = '#1a1a1a';

const ANALYST_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];

/** Line patterns that tell apart two analysts of one colour; solid first. */
const ANALYST_DASHES = [undefined, '7 4', '2 3', '9 3 2 3'] as const;

/** The built-in forecasts keep the colours they have always had, each solid. */
const BUILT_IN_SLOTS: Record<string, number> = {
  'kortunov-2025-thaw': 0,
  'notte-2025-reset': 1,
  'trenin-2020-common-threat': 2,
  'trenin-2020-guardrails': 3,
  'yusui-2021-stalemate': 4
};

/** The colour × pattern slots the built-in forecasts leave for every other id. */
const FREE_SLOTS = Array.from(
  { length: ANALYST_COLOURS.length * ANALYST_DASHES.length },
  (_, i) => i
).filter((i) => !Object.values(BUILT_IN_SLOTS).includes(i));

export interface AnalystStyle {
  colour: string;
  /** An SVG stroke-dasharray; absent for a solid line. */
  dash?: string;
}

/** FNV-1a: a small, stable hash, the same in every browser and run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function styleOfSlot(slot: number): AnalystStyle {
  const colour = ANALYST_COLOURS[slot % ANALYST_COLOURS.length]!;
  const dash = ANALYST_DASHES[Math.floor(slot / ANALYST_COLOURS.length)];
  return dash ? { colour, dash } : { colour };
}

/** The slot an id asks for: a built-in forecast's own, any other's by a hash of its id. */
function wantedSlot(id: string): number {
  return BUILT_IN_SLOTS[id] ?? FREE_SLOTS[hash(id) % FREE_SLOTS.length]!;
}

/**
 * An analyst's colour and line pattern, by id alone: whatever else is loaded, an analyst keeps
 * its style. Other ids than the built-in ones take one of the remaining colour × pattern slots
 * by a hash of the id. Two such ids may ask for one slot; `analystStyles` settles that.
 */
export function analystStyle(id: string): AnalystStyle {
  return styleOfSlot(wantedSlot(id));
}

/**
 * The styles of analysts loaded together, each one's own (`analystStyle`) unless another id
 * already asked for the same slot: then the id later in alphabetical order moves to the next
 * free slot, so no two analysts on one chart look alike while there are slots to go round.
 * The built-in forecasts never move, and an id moves only while a clashing one is loaded.
 */
export function analystStyles(ids: readonly string[]): Map<string, AnalystStyle> {
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  for (const id of ids) {
    if (id in BUILT_IN_SLOTS) {
      slots.set(id, BUILT_IN_SLOTS[id]!);
      taken.add(BUILT_IN_SLOTS[id]!);
    }
  }
  const others = [...new Set(ids)].filter((id) => !(id in BUILT_IN_SLOTS)).sort();
  // Every id that finds its slot free keeps it first; only then do the clashing ones move.
  const moved: string[] = [];
  for (const id of others) {
    const slot = wantedSlot(id);
    if (taken.has(slot)) moved.push(id);
    else {
      slots.set(id, slot);
      taken.add(slot);
    }
  }
  for (const id of moved) {
    const start = FREE_SLOTS.indexOf(wantedSlot(id));
    let slot = wantedSlot(id);
    for (let step = 1; step <= FREE_SLOTS.length; step++) {
      const next = FREE_SLOTS[(start + step) % FREE_SLOTS.length]!;
      if (!taken.has(next)) {
        slot = next;
        break;
      }
    }
    slots.set(id, slot);
    taken.add(slot);
  }
  return new Map(ids.map((id) => [id, styleOfSlot(slots.get(id)!)]));
}

/** Fill colours for the seven levels −3 … +3. */
export const LEVEL_COLOURS: Record<number, string> = {
  [-3]: '#542788',
  [-2]: '#6a51a3',
  [-1]: '#b2abd2',
  0: '#e8e8e8',
  1: '#fdb863',
  2: '#e08214',
  3: '#b35806'
};

/** Text colour that reads on a level's fill: at least 4.5:1 (WCAG AA) on every fill above. */
export function levelTextColour(level: number): string {
  return level <= -2 || level === 3 ? '#ffffff' : '#1a1a1a';
}
