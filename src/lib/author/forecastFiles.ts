/**
 * A forecast's file for download: the user's own as they saved it (comments and all), a built-in
 * one written from the catalog in the file format. Browser only.
 */
import { catalogNow } from '$lib/catalog';
import { userData } from '$lib/user/userData.svelte';

export async function forecastText(id: string): Promise<string | undefined> {
  const own = userData.forecasts.find((f) => f.id === id);
  if (own) return own.yaml;
  const scenario = catalogNow().scenarios.find((s) => s.id === id);
  if (!scenario) return undefined;
  const { forecastYaml } = await import('./exportYaml');
  return forecastYaml(scenario);
}

/** Downloads the forecast's YAML file as `<id>.yaml`; false when there is no such forecast. */
export async function downloadForecast(id: string): Promise<boolean> {
  const text = await forecastText(id);
  if (text === undefined) return false;
  const { downloadText } = await import('$lib/brief/rasterise');
  downloadText(`${id}.yaml`, text, 'application/yaml');
  return true;
}
