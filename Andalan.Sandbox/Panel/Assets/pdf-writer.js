/*
 * Andalan ATK admin: a small PDF 1.4 writer for the report pages that build their exports in the browser.
 * It draws text in the standard Helvetica fonts (no embedding, WinAnsiEncoding) and straight lines, writes
 * uncompressed content streams and a cross-reference table with exact byte offsets.
 */
(function (global) {
  'use strict';

  // Advance widths in 1/1000 em of WinAnsi codes 32..255, per font; the server fills them in from the fonts'
  // Adobe metrics.
  const FONT_WIDTHS = /*@FONT_WIDTHS@*/null;

  const FONTS = { regular: { key: 'F1', name: 'Helvetica' }, bold: { key: 'F2', name: 'Helvetica-Bold' } };

  // The code points WinAnsiEncoding (Windows-1252) places in 0x80..0x9F; 0xA0..0xFF are Latin-1 as they are.
  const WIN_ANSI_EXTRA = new Map([
    [0x20AC, 0x80], [0x201A, 0x82], [0x0192, 0x83], [0x201E, 0x84], [0x2026, 0x85], [0x2020, 0x86],
    [0x2021, 0x87], [0x02C6, 0x88], [0x2030, 0x89], [0x0160, 0x8A], [0x2039, 0x8B], [0x0152, 0x8C],
    [0x017D, 0x8E], [0x2018, 0x91], [0x2019, 0x92], [0x201C, 0x93], [0x201D, 0x94], [0x2022, 0x95],
    [0x2013, 0x96], [0x2014, 0x97], [0x02DC, 0x98], [0x2122, 0x99], [0x0161, 0x9A], [0x203A, 0x9B],
    [0x0153, 0x9C], [0x017E, 0x9E], [0x0178, 0x9F],
  ]);

  /** Text as a string of WinAnsi bytes (one char per byte); what the encoding lacks becomes '?'. */
  function toWinAnsi(text) {
    let bytes = '';
    for (const ch of String(text ?? '').normalize('NFC')) {
      const code = ch.codePointAt(0);
      if (code === 0x09 || code === 0x0A || code === 0x0D) {
        bytes += ' ';
      } else if ((code >= 0x20 && code <= 0x7E) || (code >= 0xA0 && code <= 0xFF)) {
        bytes += ch;
      } else if (WIN_ANSI_EXTRA.has(code)) {
        bytes += String.fromCharCode(WIN_ANSI_EXTRA.get(code));
      } else {
        bytes += '?';
      }
    }

    return bytes;
  }

  /** Width in points of text in a font ('regular' or 'bold') at a size. */
  function textWidth(text, font, size) {
    const widths = FONT_WIDTHS[FONTS[font].name];
    const bytes = toWinAnsi(text);
    let total = 0;
    for (let i = 0; i < bytes.length; i++) {
      total += widths[bytes.charCodeAt(i) - 32] || 0;
    }

    return (total * size) / 1000;
  }

  /** A PDF literal string of WinAnsi bytes; anything outside printable ASCII goes as an octal escape. */
  function literal(bytes) {
    let out = '(';
    for (let i = 0; i < bytes.length; i++) {
      const code = bytes.charCodeAt(i);
      if (code === 0x28 || code === 0x29 || code === 0x5C) {
        out += '\\' + bytes[i];
      } else if (code < 0x20 || code > 0x7E) {
        out += '\\' + code.toString(8).padStart(3, '0');
      } else {
        out += bytes[i];
      }
    }

    return out + ')';
  }

  function num(value) {
    const fixed = value.toFixed(2);

    return fixed.indexOf('.') < 0 ? fixed : fixed.replace(/\.?0+$/, '');
  }

  class PdfPage {
    constructor(width, height) {
      this.width = width;
      this.height = height;
      this.operations = [];
    }

    /** Text with its baseline starting at (x, y); font is 'regular' or 'bold'. */
    text(x, y, text, font, size) {
      this.operations.push(
        `BT /${FONTS[font].key} ${num(size)} Tf ${num(x)} ${num(y)} Td ${literal(toWinAnsi(text))} Tj ET`);
    }

    textRight(right, y, text, font, size) {
      this.text(right - textWidth(text, font, size), y, text, font, size);
    }

    textCenter(center, y, text, font, size) {
      this.text(center - textWidth(text, font, size) / 2, y, text, font, size);
    }

    /** A horizontal rule from x1 to x2 at height y; gray is 0 (black) to 1 (white). */
    rule(x1, x2, y, lineWidth, gray) {
      this.operations.push(
        `q ${num(gray)} G ${num(lineWidth)} w ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S Q`);
    }
  }

  class PdfDocument {
    /** Pages of width x height points; title goes into the document information. */
    constructor(width, height, title) {
      this.width = width;
      this.height = height;
      this.title = title;
      this.pages = [];
    }

    addPage() {
      const page = new PdfPage(this.width, this.height);
      this.pages.push(page);

      return page;
    }

    /** The whole file as bytes. */
    output() {
      const pageCount = this.pages.length;
      const firstPageObject = 6;
      const bodies = [
        '<< /Type /Catalog /Pages 2 0 R >>',
        `<< /Type /Pages /Kids [${this.pages.map((_, i) => `${firstPageObject + 2 * i} 0 R`).join(' ')}]` +
          ` /Count ${pageCount} >>`,
        `<< /Type /Font /Subtype /Type1 /BaseFont /${FONTS.regular.name} /Encoding /WinAnsiEncoding >>`,
        `<< /Type /Font /Subtype /Type1 /BaseFont /${FONTS.bold.name} /Encoding /WinAnsiEncoding >>`,
        `<< /Title ${literal(toWinAnsi(this.title))} /Producer (Andalan ATK Admin) /CreationDate (${pdfDate()}) >>`,
      ];
      this.pages.forEach((page, i) => {
        const content = page.operations.join('\n');
        bodies.push(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}]` +
          ' /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >>' +
          ` /Contents ${firstPageObject + 2 * i + 1} 0 R >>`);
        bodies.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
      });

      // Every character of the file is one byte (WinAnsi text, ASCII syntax), so string lengths are offsets.
      let file = '%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n';
      const offsets = [];
      bodies.forEach((body, i) => {
        offsets.push(file.length);
        file += `${i + 1} 0 obj\n${body}\nendobj\n`;
      });
      const xref = file.length;
      file += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
      file += offsets.map(offset => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
      file += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;

      const bytes = new Uint8Array(file.length);
      for (let i = 0; i < file.length; i++) {
        bytes[i] = file.charCodeAt(i);
      }

      return bytes;
    }
  }

  function pdfDate() {
    const now = new Date();
    const two = n => String(n).padStart(2, '0');

    return `D:${now.getUTCFullYear()}${two(now.getUTCMonth() + 1)}${two(now.getUTCDate())}` +
      `${two(now.getUTCHours())}${two(now.getUTCMinutes())}${two(now.getUTCSeconds())}Z`;
  }

  global.AndalanPdf = { PdfDocument, textWidth, toWinAnsi };
})(window);
