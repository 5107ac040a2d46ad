/**
 * Where dagre places a diagram's states and transitions. The build lays out every built-in
 * forecast once (vite/catalogPlugin.ts, `virtual:crosswinds-diagrams`), so pages load dagre only
 * for a model the build has not seen.
 */
import dagre from '@dagrejs/dagre';
import {
  DIAGRAM_DEFAULTS,
  START_ID,
  START_SIZE,
  curve,
  wrapLabel,
  type DiagramInput,
  type DiagramLayout,
  type DiagramNode,
  type DiagramEdge,
  type DiagramOptions,
  type Point
} from './diagramLayout';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Pure and deterministic: the same input and options give the same layout. Every node has the
 * same size (the longest label decides it), so the drawing reads as a set of like cards.
 * Transitions between the same pair of states get separate, non-overlapping routes.
 */
export function layoutDiagram(input: DiagramInput, options: DiagramOptions = {}): DiagramLayout {
  const o = { ...DIAGRAM_DEFAULTS, ...options };
  const fitsAt = (w: number) =>
    input.states.every((s) => wrapLabel(s.label, w - 2 * o.padding, Infinity).length <= o.maxLines);
  let width = o.nodeWidth;
  while (width < o.maxNodeWidth && !fitsAt(width)) width += 4;
  const wrapped = new Map(
    input.states.map((s) => [s.id, wrapLabel(s.label, width - 2 * o.padding, o.maxLines)])
  );
  const lineCount = Math.max(1, ...[...wrapped.values()].map((l) => l.length));
  const height = 2 * o.padding + lineCount * o.lineHeight + o.detailHeight;

  const g = new dagre.graphlib.Graph({ multigraph: true, directed: true });
  g.setGraph({
    rankdir: o.direction,
    nodesep: o.direction === 'LR' ? 30 : 40,
    ranksep: o.direction === 'LR' ? 56 : 48,
    edgesep: 14,
    marginx: o.margin,
    marginy: o.margin,
    ranker: 'network-simplex'
  });
  g.setDefaultEdgeLabel(() => ({}));
  const known = new Set(input.states.map((s) => s.id));
  const hasStart = input.start !== undefined && known.has(input.start);
  if (hasStart) g.setNode(START_ID, { width: START_SIZE, height: START_SIZE });
  for (const s of input.states) g.setNode(s.id, { width, height });
  if (hasStart) g.setEdge(START_ID, input.start!, { minlen: 1, weight: 4 }, START_ID);
  for (const t of input.transitions) {
    if (!known.has(t.from) || !known.has(t.to)) continue;
    g.setEdge(t.from, t.to, { minlen: 1, weight: 1 }, t.id);
  }
  dagre.layout(g);

  // dagre's own width and height leave out edge bends that swing past the nodes, so the bounds
  // are measured here over every node box and edge point, then everything shifts by the margin.
  const boxes = [...g.nodes()].map((id) => g.node(id));
  const routes = [...g.edges()].map((e) => g.edge(e).points ?? []).flat() as Point[];
  const minX = Math.min(...boxes.map((n) => n.x! - n.width / 2), ...routes.map((p) => p.x));
  const minY = Math.min(...boxes.map((n) => n.y! - n.height / 2), ...routes.map((p) => p.y));
  const maxX = Math.max(...boxes.map((n) => n.x! + n.width / 2), ...routes.map((p) => p.x));
  const maxY = Math.max(...boxes.map((n) => n.y! + n.height / 2), ...routes.map((p) => p.y));
  const dx = o.margin - minX;
  const dy = o.margin - minY;
  const at = (p: { x?: number; y?: number }): Point => ({
    x: round(p.x! + dx),
    y: round(p.y! + dy)
  });

  const nodes: DiagramNode[] = input.states.map((s) => ({
    id: s.id,
    label: s.label,
    level: s.level,
    ...(s.reading ? { reading: true } : {}),
    ...at(g.node(s.id)),
    width,
    height,
    lines: wrapped.get(s.id)!
  }));

  const pointsOf = (v: string, w: string, name: string): Point[] =>
    ((g.edge({ v, w, name })?.points ?? []) as Point[]).map(at);

  const edges: DiagramEdge[] = input.transitions
    .filter((t) => known.has(t.from) && known.has(t.to))
    .map((t) => {
      const points = pointsOf(t.from, t.to, t.id);
      return { id: t.id, from: t.from, to: t.to, points, pathD: curve(points) ?? '' };
    });

  let start: DiagramLayout['start'];
  if (hasStart) {
    const points = pointsOf(START_ID, input.start!, START_ID);
    start = { ...at(g.node(START_ID)), pathD: curve(points) ?? '' };
  }

  return {
    nodes,
    edges,
    start,
    width: Math.ceil(maxX - minX + 2 * o.margin),
    height: Math.ceil(maxY - minY + 2 * o.margin)
  };
}
