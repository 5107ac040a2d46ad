/** The slide a presentation link opens (`/brief/present?s=3`, counted from 1). Pure. */

/**
 * The 0-based slide `text` names in a deck of `total` slides; with a notice, in words, when the
 * link named none (anything but a whole number from 1 to `total`), and the first slide instead.
 */
export function slideFromLink(
  text: string | null,
  total: number
): { index: number; notice?: string } {
  if (text === null || text === '') return { index: 0 };
  const shown = JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}…` : text);
  if (!/^\d+$/.test(text) || Number(text) < 1)
    return {
      index: 0,
      notice: `The link asked for slide ${shown}, which is not a slide number; showing the first slide.`
    };
  const asked = Number(text);
  if (asked > total)
    return {
      index: total - 1,
      notice: `The link asked for slide ${asked}, but the deck has ${total}; showing the last one.`
    };
  return { index: asked - 1 };
}
