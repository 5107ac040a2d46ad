import { describe, expect, it } from 'vitest';
import builtLayouts from 'virtual:crosswinds-diagrams';
import { readCatalog } from '../cli/readCatalog';
import { catalog } from './catalog';
import { diagramInput } from './charts/diagramLayout';
import { layoutDiagram } from './charts/diagramPlacement';

// The pages read the catalog the build wrote out; it must be the one `validate` loads from the
// files, models and all, and the diagrams laid out at build time must be dagre's layouts of it.
describe('the catalog built into the site', () => {
  const loaded = readCatalog().catalog!;

  it('has every forecast the files have, in the same order', () => {
    expect(catalog.scenarios.map((s) => s.id)).toEqual(loaded.scenarios.map((s) => s.id));
    expect(catalog.scenarios.length).toBeGreaterThan(0);
  });

  it('holds the same data and the same resolved models', () => {
    expect(catalog.vocabulary).toEqual(loaded.vocabulary);
    expect(catalog.history).toEqual(loaded.history);
    expect(catalog.scenarios).toEqual(loaded.scenarios);
    expect(catalog.models).toEqual(loaded.models);
  });

  it('lays out each forecast as dagre does in the browser', () => {
    expect(Object.keys(builtLayouts).sort()).toEqual([...loaded.models.keys()].sort());
    for (const [id, model] of loaded.models) {
      expect(builtLayouts[id], id).toEqual(layoutDiagram(diagramInput(model)));
    }
  });
});
