/**
 * A matrix row as runs of quarters in one state: the phone's form of the compare matrix lists
 * "2025Q1–2026Q2 → state (level)" instead of a cell per quarter.
 */
export interface RunCell {
  quarter: string;
  level: number | null;
  label?: string;
  reading?: boolean;
}

export interface StateRun {
  from: string;
  to: string;
  level: number;
  label?: string;
  reading: boolean;
  quarters: string[];
}

/** Consecutive cells with the same state, level and basis; quarters with no reading are left out. */
export function stateRuns(cells: readonly RunCell[]): StateRun[] {
  const runs: StateRun[] = [];
  let previous: RunCell | undefined;
  for (const cell of cells) {
    const last = runs.at(-1);
    const continues =
      last !== undefined &&
      previous?.level !== null &&
      previous?.level === cell.level &&
      previous.label === cell.label &&
      (previous.reading ?? false) === (cell.reading ?? false);
    previous = cell;
    if (cell.level === null) continue;
    if (continues) {
      last.to = cell.quarter;
      last.quarters.push(cell.quarter);
    } else {
      runs.push({
        from: cell.quarter,
        to: cell.quarter,
        level: cell.level,
        ...(cell.label !== undefined ? { label: cell.label } : {}),
        reading: cell.reading ?? false,
        quarters: [cell.quarter]
      });
    }
  }
  return runs;
}
