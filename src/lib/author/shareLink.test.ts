import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, IMPORT_KEY, MAX_LINK_CHARS, shareUrl } from './shareLink';

const yaml = 'id: my-view\nthesis: Relations thaw — slowly, “if at all”.\n'.repeat(20);

describe('a forecast shared as a link', () => {
  it('reads back the same text, compressed', async () => {
    const payload = await encodeShare(yaml);
    expect(payload.length).toBeLessThan(yaml.length);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShare(payload)).toEqual({ yaml });
  });

  it('puts the payload in the import parameter of /author', async () => {
    const payload = await encodeShare(yaml);
    const url = new URL(shareUrl('https://example.org/author?edit=x#top', payload)!);
    expect(url.pathname).toBe('/author');
    expect(url.searchParams.get(IMPORT_KEY)).toBe(payload);
    expect(url.hash).toBe('');
  });

  it('offers no link past the length limit', () => {
    expect(shareUrl('https://example.org/author', 'g' + 'a'.repeat(MAX_LINK_CHARS))).toBe(
      undefined
    );
  });

  it('says a damaged or cut link is damaged', async () => {
    const payload = await encodeShare(yaml);
    for (const bad of [payload.slice(0, 20), 'x' + payload.slice(1), 'g!!', '']) {
      expect(await decodeShare(bad)).toHaveProperty('problem');
    }
  });
});
