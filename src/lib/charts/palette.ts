/**
 * Colours shared by every chart. Analysts use the Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies); levels use a diverging purple–orange scale (cool = hostile,
 * warm = cooperative) that stays readable in greyscale by lightness.
 */
export const OBSERVED_COLOUR = '#1a1a1a';

const ANALYST_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];

/** A stable colour per analyst, by the analyst's position in the catalog. */
export function analystColour(index: number): string {
  return ANALYST_COLOURS[index % ANALYST_COLOURS.length]!;
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
