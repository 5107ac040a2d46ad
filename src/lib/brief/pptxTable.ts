/**
 * A table slide's data as a native PowerPoint table (a:tbl): every row and column, cell fills
 * and emphasis as on screen, sized to the space under the slide's title.
 */
import type PptxGenJS from 'pptxgenjs';
import type { SlideTableData, TableCell } from './slideTable';

const FONT = 'Arial';
const BORDER = { type: 'solid', pt: 0.5, color: 'C8C8C8' } as const;
const HEADER_FILL = 'F2F4F7';
const MUTED = '595959';
const YOURS_RULE = { type: 'solid', pt: 2.5, color: '1F5FA8' } as const;

const hex = (colour: string | undefined) => colour?.replace(/^#/, '').toUpperCase();

function cell(c: TableCell, header: boolean, pt: number, dense: boolean): PptxGenJS.TableCell {
  return {
    text: c.text,
    options: {
      fontFace: FONT,
      fontSize: header ? pt - 2 : pt,
      bold: header || !!c.bold,
      italic: !!c.italic,
      align: c.align ?? 'left',
      valign: header ? 'bottom' : 'middle',
      color: hex(c.color) ?? '1A1A1A',
      fill: { color: hex(c.fill) ?? (header ? HEADER_FILL : 'FFFFFF') },
      // A reading is marked by its asterisk; dashed frames on most cells would drown the levels.
      // The user's addition to the record keeps its dagger and gets a heavy rule under it.
      border: c.yours ? [BORDER, BORDER, YOURS_RULE, BORDER] : BORDER,
      margin: dense ? [0.02, 0.01, 0.02, 0.01] : [0.04, 0.05, 0.04, 0.05],
      ...(c.colspan && c.colspan > 1 ? { colspan: c.colspan } : {})
    }
  };
}

/**
 * Adds the table at (x, y), `w` wide and at most `h` tall (key included); returns the height used.
 */
export function addNativeTable(
  slide: PptxGenJS.Slide,
  table: SlideTableData,
  box: { x: number; y: number; w: number; h: number }
): number {
  const dense = table.density === 'dense';
  const rowCount = table.header.length + table.rows.length;
  const keyH = table.key ? 0.5 : 0;
  const rowH = Math.min(dense ? 0.34 : 0.5, (box.h - keyH - 0.1) / rowCount);
  const pt = dense ? 8 : rowH >= 0.45 ? 12 : 10;
  // The last header row holds the column names, which may take two lines.
  const heights = [
    ...table.header.map((_, i) => (i === table.header.length - 1 && !dense ? rowH * 1.25 : rowH)),
    ...table.rows.map(() => rowH)
  ];
  const total = table.widths.reduce((a, b) => a + b, 0);
  const colW = table.widths.map((w) => (w / total) * box.w);
  const rows = [
    ...table.header.map((r) => r.map((c) => cell(c, true, pt, dense))),
    ...table.rows.map((r) =>
      r.map((c, i) => cell(i === 0 ? { ...c, bold: true } : c, false, pt, dense))
    )
  ];
  slide.addTable(rows, { x: box.x, y: box.y, w: box.w, colW, rowH: heights, autoPage: false });
  const used = heights.reduce((a, b) => a + b, 0);
  if (table.key) {
    slide.addText(table.key, {
      x: box.x,
      y: box.y + used + 0.08,
      w: box.w,
      h: keyH,
      margin: 0,
      fontFace: FONT,
      fontSize: 11,
      color: MUTED,
      valign: 'top'
    });
  }
  return used + 0.08 + keyH;
}
