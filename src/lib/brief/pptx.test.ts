import JSZip from 'jszip';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPptx, type PptxArticle, type PptxInput } from './pptx';
import type { TableCell } from './slideTable';

/** A real PNG of w×h pixels (RGB, blue), so the deck embeds a picture any reader can decode. */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(w).fill([31, 95, 168]).flat())]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(h).fill(row)))),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

const PNG = png(2, 2);
const image = (width: number, height: number) => ({
  data: `data:image/png;base64,${PNG.toString('base64')}`,
  width,
  height
});

/**
 * Enough of XML's well-formedness to catch unescaped text: every `&` starts an entity, every `<`
 * starts a tag, and tags nest.
 */
function isWellFormed(xml: string): boolean {
  const body = xml.replace(/^\s*<\?xml[^?]*\?>/, '');
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(body)) return false;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  const stack: string[] = [];
  let roots = 0;
  for (let i = body.indexOf('<'); i >= 0; i = body.indexOf('<', i)) {
    tag.lastIndex = i;
    const m = tag.exec(body);
    if (!m) return false;
    const [, close, name, , selfClosing] = m;
    if (close) {
      if (stack.pop() !== name) return false;
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    i = tag.lastIndex;
  }
  return stack.length === 0 && roots === 1;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text runs of a slide or notes part, joined, with line ends normalised. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1]!).replace(/\r\n/g, '\n'));

const articles: PptxArticle[] = [
  {
    ref: 'trenin-2020',
    label: 'Trenin 2020',
    title: 'Russia and the West: the long game',
    outlet: 'Carnegie Moscow Center',
    published: '2020-03-01',
    url: 'https://example.org/trenin?year=2020&part=1'
  },
  {
    ref: 'notte-2025',
    label: 'Notte 2025',
    title: 'After the reset',
    outlet: 'War on the Rocks',
    published: '2025-06-12'
  }
];

const TRICKY = `Tom & Jerry <b> "quoted" it's`;

const input: PptxInput = {
  title: `Briefing: ${TRICKY}`,
  subtitle: 'For the desk & the team',
  generatedOn: '2026-11-23',
  articles,
  slides: [
    {
      title: 'Where the reset leads',
      notes: 'The reset holds until 2027.\nThen it frays.',
      sources: [
        { ref: 'trenin-2020', para: 12 },
        { ref: 'notte-2025', para: 7 },
        { ref: 'trenin-2020', para: 3 },
        { ref: 'trenin-2020', para: 12 }
      ],
      image: image(1600, 900),
      caveat: 'Hypothetical: Sanctions easing from 2027Q1',
      hypothetical: true
    },
    {
      title: TRICKY,
      notes: 'Notes with <tags> & ampersands.',
      sources: [{ ref: 'unknown-1999', para: 2 }],
      image: image(400, 800)
    },
    {
      title: 'A slide in words only',
      notes: 'No chart here; the argument is verbal.',
      sources: [{ ref: 'notte-2025', para: 7 }]
    }
  ]
};

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (path: string) => zip.file(path)!.async('string');
  const slideCount = Object.keys(zip.files).filter((p) =>
    /^ppt\/slides\/slide\d+\.xml$/.test(p)
  ).length;
  const slide = (n: number) => read(`ppt/slides/slide${n}.xml`);
  /** The notes part a slide's relationships point to. */
  const notes = async (n: number) => {
    const rels = await read(`ppt/slides/_rels/slide${n}.xml.rels`);
    const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)![1];
    return read(`ppt/notesSlides/${target}`);
  };
  return { zip, read, slideCount, slide, notes };
}

/** Inches from a drawing's EMU offsets and extents. */
const EMU = 914400;
function pictureBox(xml: string) {
  const m = /<p:pic>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(
    xml
  );
  if (!m) return undefined;
  const [x, y, w, h] = m.slice(1).map((v) => Number(v) / EMU) as [number, number, number, number];
  return { x, y, w, h };
}

describe('buildPptx', () => {
  it('buildPptx(input) returns a zip with the parts PowerPoint needs', async () => {
    const { zip } = await unzip(await buildPptx(input));
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    expect(zip.file('ppt/presentation.xml')).not.toBeNull();
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Briefing: Tom &amp; Jerry &lt;b&gt;');
  });

  it('buildPptx(input) makes a title slide, one slide per input slide and a sources slide', async () => {
    const { slideCount, slide } = await unzip(await buildPptx(input));
    expect(slideCount).toBe(1 + 3 + 1);
    const title = textOf(await slide(1)).join(' ');
    expect(title).toContain(input.title);
    expect(title).toContain(input.subtitle);
    expect(title).toContain('Crosswinds · generated on 2026-11-23');
    for (const [i, s] of input.slides.entries()) {
      expect(textOf(await slide(i + 2)).join(' ')).toContain(s.title);
    }
  });

  it('buildPptx(input) puts notes and a Sources line with labels and ¶ numbers in the notes', async () => {
    const { notes } = await unzip(await buildPptx(input));
    const expected = [
      'The reset holds until 2027.\nThen it frays.\n\nSources: Trenin 2020 ¶3, ¶12; Notte 2025 ¶7',
      'Notes with <tags> & ampersands.\n\nSources: unknown-1999 ¶2',
      'No chart here; the argument is verbal.\n\nSources: Notte 2025 ¶7'
    ];
    for (const [i, text] of expected.entries()) {
      expect(textOf(await notes(i + 2)).join('\n')).toContain(text);
    }
  });

  it('buildPptx(input) lists each cited article once on the sources slide', async () => {
    const { slide, read } = await unzip(await buildPptx(input));
    const xml = await slide(5);
    const text = textOf(xml).join(' ');
    expect(text).toContain('Sources');
    for (const label of ['Trenin 2020', 'Notte 2025', 'unknown-1999']) {
      expect(text.split(label).length - 1).toBe(1);
    }
    expect(text).toContain('cited ¶3, ¶12');
    expect(text).toContain('Carnegie Moscow Center · 2020-03-01');
    const rels = await read('ppt/slides/_rels/slide5.xml.rels');
    expect(rels).toContain('Target="https://example.org/trenin?year=2020&amp;part=1"');
  });

  it('buildPptx(input) continues the sources on further slides when there are many', async () => {
    const many = Array.from({ length: 15 }, (_, i) => ({
      ref: `a${i}`,
      label: `Analyst ${String.fromCharCode(65 + i)}`,
      title: `An article with a reasonably long title, number ${i}`,
      outlet: 'Outlet',
      published: '2024-01-01'
    }));
    const bytes = await buildPptx({
      ...input,
      articles: many,
      slides: [{ title: 'One', notes: '', sources: many.map((a, i) => ({ ref: a.ref, para: i })) }]
    });
    const { slideCount, slide } = await unzip(bytes);
    expect(slideCount).toBeGreaterThan(1 + 1 + 1);
    const pages = await Promise.all(
      Array.from({ length: slideCount - 2 }, (_, i) => slide(i + 3).then(textOf))
    );
    expect(pages[1]!.join(' ')).toContain('Sources (continued)');
    const all = pages.flat().join(' ');
    for (const a of many) expect(all.split(a.label).length - 1).toBe(1);
    for (const page of pages)
      expect(page.filter((t) => t.startsWith(' — ')).length).toBeLessThanOrEqual(6);
  });

  it('buildPptx(input) keeps an image’s aspect ratio and fits it on the slide', async () => {
    const { slide, read, zip } = await unzip(await buildPptx(input));
    for (const [n, ratio] of [
      [2, 1600 / 900],
      [3, 400 / 800]
    ] as const) {
      const box = pictureBox(await slide(n))!;
      expect(box.w / box.h).toBeCloseTo(ratio, 2);
      expect(box.x).toBeGreaterThanOrEqual(0.4);
      expect(box.x + box.w).toBeLessThanOrEqual(13.333 - 0.4);
      expect(box.y + box.h).toBeLessThanOrEqual(7.5 - 0.4);
      expect(Math.abs(box.x + box.w / 2 - 13.333 / 2)).toBeLessThan(0.01);
    }
    expect(pictureBox(await slide(4))).toBeUndefined();
    expect(textOf(await slide(2)).join(' ')).toContain(
      'Hypothetical: Sanctions easing from 2027Q1'
    );
    const media = Object.keys(zip.files).filter((p) => /^ppt\/media\/.+\.png$/.test(p));
    expect(media.length).toBeGreaterThan(0);
    expect(Buffer.from(await zip.file(media[0]!)!.async('uint8array'))).toEqual(PNG);
    expect(await read('ppt/slides/slide4.xml')).toContain('the argument is verbal');
  });

  it('buildPptx(input) escapes XML special characters so every part parses', async () => {
    const { zip, slide, notes } = await unzip(await buildPptx(input));
    expect(await slide(3)).toContain('Tom &amp; Jerry &lt;b&gt; &quot;quoted&quot; it&apos;s');
    expect(await notes(3)).toContain('Notes with &lt;tags&gt; &amp; ampersands.');
    const parts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
    for (const path of parts) {
      const xml = await zip.file(path)!.async('string');
      expect(isWellFormed(xml), path).toBe(true);
    }
  });

  it('isWellFormed rejects raw special characters, so the check above can fail', () => {
    expect(isWellFormed('<a><b x="1">ok &amp; fine</b></a>')).toBe(true);
    expect(isWellFormed('<a>Tom & Jerry</a>')).toBe(false);
    expect(isWellFormed('<a>1 < 2</a>')).toBe(false);
    expect(isWellFormed('<a x="say "hi""/>')).toBe(false);
    expect(isWellFormed('<a><b></a></b>')).toBe(false);
  });

  it('buildPptx(input) rejects an image that is not a base64 data URL', async () => {
    const bad = {
      ...input,
      slides: [{ ...input.slides[0]!, image: { ...image(2, 2), data: 'x.png' } }]
    };
    await expect(buildPptx(bad)).rejects.toThrow(/data URL/);
  });

  it('buildPptx(input) draws a table slide as a native table with every row and column', async () => {
    const rows: TableCell[][] = Array.from({ length: 7 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) => ({ text: c === 0 ? `Row ${r}` : `${r}.${c}` }))
    );
    // One of the user's additions to the record: a heavy rule under it, as on screen.
    rows[0]![11] = { text: '+2†', yours: true };
    const { slide } = await unzip(
      await buildPptx({
        ...input,
        slides: [
          {
            title: 'A table',
            notes: '',
            sources: [],
            table: {
              caption: 'c',
              header: [[{ text: 'Who' }, { text: 'Span', colspan: 11 }]],
              rows,
              widths: [2, ...Array(11).fill(1)],
              key: 'What the numbers mean',
              density: 'normal'
            }
          }
        ]
      })
    );
    const xml = await slide(2);
    expect(xml).toContain('<a:tbl>');
    expect(xml.match(/<a:tr /g)).toHaveLength(1 + rows.length);
    expect(xml.match(/<a:gridCol /g)).toHaveLength(12);
    const text = textOf(xml);
    for (const row of rows) for (const c of row) expect(text).toContain(c.text);
    expect(text).toContain('What the numbers mean');
    expect(pictureBox(xml)).toBeUndefined();
    const lnB = [...xml.matchAll(/<a:lnB w="(\d+)"[^>]*>.*?<\/a:lnB>/g)];
    const heavy = lnB.filter((m) => m[0].includes('1F5FA8'));
    expect(heavy).toHaveLength(1);
    expect(Number(heavy[0]![1])).toBeGreaterThan(Number(lnB[0]![1]));
  });

  it('buildPptx(input) embeds an SVG chart with our own PNG as its fallback', async () => {
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2"/></svg>').toString('base64')}`;
    const { slide, read, zip } = await unzip(
      await buildPptx({
        ...input,
        slides: [{ ...input.slides[0]!, image: { ...image(1600, 900), svg } }]
      })
    );
    const xml = await slide(2);
    expect(xml).toContain('asvg:svgBlip');
    const blip = /<a:blip r:embed="(rId\d+)">/.exec(xml)![1];
    const rels = await read('ppt/slides/_rels/slide2.xml.rels');
    const target = new RegExp(`Id="${blip}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)![1]!;
    expect(target).toMatch(/\.png$/);
    expect(Buffer.from(await zip.file(`ppt/media/${target}`)!.async('uint8array'))).toEqual(PNG);
    const svgs = Object.keys(zip.files).filter((p) => /^ppt\/media\/.+\.svg$/.test(p));
    expect(svgs).toHaveLength(1);
  });
});
