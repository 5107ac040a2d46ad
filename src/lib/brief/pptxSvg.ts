/**
 * Charts go into the PowerPoint file as SVG, with a PNG for readers that cannot draw SVG.
 * pptxgenjs writes that PNG itself only in a browser and at the picture's own size (in Node it
 * writes a placeholder), so the deck's own 2× PNG replaces it once the file is written.
 */
import JSZip from 'jszip';

function bytesOf(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/**
 * Replaces the PNG fallback of the SVG picture on each listed slide (1-based number → PNG data
 * URL). Throws when a listed slide has no SVG picture, so a fallback is never silently missing.
 */
export async function replaceSvgFallbacks(
  pptx: Uint8Array,
  fallbacks: Map<number, string>
): Promise<Uint8Array> {
  if (fallbacks.size === 0) return pptx;
  const zip = await JSZip.loadAsync(pptx);
  for (const [n, png] of fallbacks) {
    const xml = await zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
    const blip =
      /<a:blip r:embed="(rId\d+)">\s*(?:<a:alphaModFix[^>]*\/>)?\s*<a:extLst>\s*<a:ext uri="\{96DAC541-7B7A-43D3-8B79-37D633B846F1\}">/.exec(
        xml
      );
    if (!blip) throw new Error(`slide ${n}: no SVG picture to give a PNG fallback`);
    const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string');
    const target = new RegExp(`Id="${blip[1]}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)?.[1];
    if (!target) throw new Error(`slide ${n}: the SVG picture's fallback is not in the package`);
    zip.file(`ppt/media/${target}`, bytesOf(png));
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  });
}
