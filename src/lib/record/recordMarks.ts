/** Which points of a chart's observed line are the user's additions to the record. Pure. */
export function yoursOf<P extends { quarter: string }>(
  points: readonly P[],
  userQuarters: readonly string[] | undefined
): P[] {
  if (!userQuarters?.length) return [];
  return points.filter((p) => userQuarters.includes(p.quarter));
}
