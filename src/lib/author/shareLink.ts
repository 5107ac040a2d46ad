/**
 * A forecast shared as a link: `/author?import=<payload>`, the payload being the YAML file gzipped
 * (CompressionStream) and written in base64url, behind a one-letter tag that says how. A browser
 * without CompressionStream writes the text uncompressed. Long files make links too long for some
 * browsers and chat tools; the page then offers the file instead.
 */

export const IMPORT_KEY = 'import';
/** Links past this length break in common mail and chat tools; the file is offered instead. */
export const MAX_LINK_CHARS = 8000;

const GZIP = 'g';
const PLAIN = 'p';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

async function through(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** The link's payload for a YAML text. */
export async function encodeShare(yaml: string): Promise<string> {
  const bytes = new TextEncoder().encode(yaml);
  if (typeof CompressionStream === 'undefined') return PLAIN + toBase64Url(bytes);
  return GZIP + toBase64Url(await through(bytes, new CompressionStream('gzip')));
}

/** The YAML text in a link's payload, or why it cannot be read, in words. */
export async function decodeShare(
  payload: string
): Promise<{ yaml: string } | { problem: string }> {
  const broken = {
    problem: 'The shared link is damaged or cut short; ask for the file instead.'
  };
  const tag = payload.slice(0, 1);
  const bytes = fromBase64Url(payload.slice(1));
  if (!bytes || (tag !== GZIP && tag !== PLAIN)) return broken;
  try {
    const raw = tag === GZIP ? await through(bytes, new DecompressionStream('gzip')) : bytes;
    return { yaml: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
  } catch {
    return broken;
  }
}

/** The link to /author that imports the forecast, or undefined when it would be too long. */
export function shareUrl(pageUrl: string, payload: string): string | undefined {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set(IMPORT_KEY, payload);
  const text = url.toString();
  return text.length <= MAX_LINK_CHARS ? text : undefined;
}
