/**
 * The built-in catalog. The build validates the scenario files (vite/catalogPlugin.ts) and ships
 * them as plain data; here the models are rebuilt from it, which needs no YAML parser or zod.
 * Pages read `$lib/catalog`, which adds the user's own forecasts and record to this one.
 */
import data from 'virtual:crosswinds-catalog';
import { catalogFromData } from './engine';

export const builtInCatalog = catalogFromData(data);
