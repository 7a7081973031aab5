/*
 * Andalan ATK admin: the coin payments "Export PDF" button. It fetches the rows of the applied filter as JSON,
 * lays them out as an A4 table with AndalanPdf, and hands the file to the browser as a Blob download.
 */
(function () {
  'use strict';

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const PAGE = { width: 595.28, height: 841.89, left: 36, right: 559.28, bottom: 60 };
  const SIZE = 8;
  const LEADING = 9.6;
  const PAD_X = 3;
  const PAD_Y = 3.5;
  const RIGHT_ALIGNED = new Set(['no', 'coins', 'amount']);
  const WRAPPED = 'user_name';
  const NAME_WIDTH = 80;

  /** "2025-09-14 08:15:00" as "14 Sep 2025 08:15". */
  function formatDateTime(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(text);

    return match ? `${match[3]} ${MONTHS[Number(match[2]) - 1]} ${match[1]} ${match[4]}:${match[5]}` : String(text);
  }

  /** "2025-09-08" as "08 Sep 2025". */
  function formatDate(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);

    return match ? `${match[3]} ${MONTHS[Number(match[2]) - 1]} ${match[1]}` : String(text);
  }

  function group(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  /** A decimal string such as "1250000.00" as "Rp1.250.000,00". */
  function formatRupiah(text) {
    const value = String(text).trim();
    const negative = value.startsWith('-');
    const [whole, fraction = ''] = value.replace(/^[-+]/, '').split('.');

    return `${negative ? '-' : ''}Rp${group(whole)},${(fraction + '00').slice(0, 2)}`;
  }

  /** Sums in whole cents: amounts of 50,000 payments stay exact far below 2^53. */
  function toCents(text) {
    const value = String(text).trim();
    const sign = value.startsWith('-') ? -1 : 1;
    const [whole, fraction = ''] = value.replace(/^[-+]/, '').split('.');

    return sign * (Number(whole) * 100 + Number((fraction + '00').slice(0, 2)));
  }

  function fromCents(cents) {
    const sign = cents < 0 ? '-' : '';
    const absolute = Math.abs(cents);

    return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
  }

  function formatNumber(value) {
    const text = String(value);

    return text.startsWith('-') ? '-' + group(text.slice(1)) : group(text);
  }

  function cellsOf(row, index) {
    return {
      no: String(index + 1),
      payment_id: row.payment_id,
      paid_at: formatDateTime(row.paid_at),
      user_name: row.user_name,
      invoice_no: row.invoice_no,
      coins: formatNumber(row.coins),
      amount: formatRupiah(row.amount),
      status: row.status,
    };
  }

  /** Words of text in lines no wider than width; a word wider than the column keeps a line of its own. */
  function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of String(text).split(/\s+/).filter(w => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && AndalanPdf.textWidth(candidate, 'regular', SIZE) > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }

    lines.push(line);

    return lines;
  }

  /**
   * Column widths: each column as wide as its widest cell, except the name column, which stops at NAME_WIDTH and
   * wraps longer names over more lines. Width left over is shared by all columns, so the table spans the page.
   */
  function layoutColumns(columns, rows, totals) {
    const measured = columns.map(column => {
      const cells = rows.map(row => row[column.key]).concat(totals ? [totals[column.key] || ''] : []);
      const widest = cells.reduce(
        (max, cell) => Math.max(max, AndalanPdf.textWidth(cell, 'regular', SIZE)),
        AndalanPdf.textWidth(column.label, 'bold', SIZE));

      return { ...column, width: widest + 2 * PAD_X };
    });

    const available = PAGE.right - PAGE.left;
    const wrapped = measured.find(column => column.key === WRAPPED);
    const headerWidth = AndalanPdf.textWidth(wrapped.label, 'bold', SIZE) + 2 * PAD_X;
    wrapped.width = Math.max(Math.min(wrapped.width, NAME_WIDTH), headerWidth);
    const others = measured.filter(column => column !== wrapped).reduce((sum, column) => sum + column.width, 0);
    wrapped.width = Math.max(Math.min(wrapped.width, available - others), headerWidth);

    const used = measured.reduce((sum, column) => sum + column.width, 0);
    const spare = Math.max(0, available - used) / measured.length;
    let x = PAGE.left;
    for (const column of measured) {
      column.width += spare;
      column.x = x;
      x += column.width;
    }

    return measured;
  }

  function drawCell(page, column, text, baseline, font) {
    if (RIGHT_ALIGNED.has(column.key)) {
      page.textRight(column.x + column.width - PAD_X, baseline, text, font, SIZE);
    } else {
      page.text(column.x + PAD_X, baseline, text, font, SIZE);
    }
  }

  /** The report as a PdfDocument: title and period on the first page, the header on every page. */
  function buildReport(payload) {
    const rows = payload.data.map(cellsOf);
    const columns = [{ key: 'no', label: 'No' }].concat(payload.columns);
    const totals = rows.length === 0 ? null : {
      payment_id: 'Total',
      coins: formatNumber(payload.data.reduce((sum, row) => sum + Number(row.coins), 0)),
      amount: formatRupiah(fromCents(payload.data.reduce((sum, row) => sum + toCents(row.amount), 0))),
    };
    const layout = layoutColumns(columns, rows, totals);
    const nameColumn = layout.find(column => column.key === WRAPPED);
    const period = `Periode: ${formatDate(payload.date_from)} \u2013 ${formatDate(payload.date_to)}`;
    const pdf = new AndalanPdf.PdfDocument(PAGE.width, PAGE.height, payload.title);

    let page = null;
    let y = 0;
    const startPage = () => {
      page = pdf.addPage();
      y = PAGE.height - 40;
      if (pdf.pages.length === 1) {
        page.text(PAGE.left, PAGE.height - 52, payload.title, 'bold', 14);
        page.text(PAGE.left, PAGE.height - 68, 'Andalan ATK', 'regular', 9);
        page.text(PAGE.left, PAGE.height - 80, period, 'regular', 9);
        page.textRight(PAGE.right, PAGE.height - 80, `Dicetak: ${formatDateTime(payload.generated_at)}`, 'regular', 9);
        y = PAGE.height - 92;
      }

      page.rule(PAGE.left, PAGE.right, y, 0.8, 0);
      const baseline = y - PAD_Y - 6.2;
      for (const column of layout) {
        drawCell(page, column, column.label, baseline, 'bold');
      }

      y -= 2 * PAD_Y + LEADING;
      page.rule(PAGE.left, PAGE.right, y, 0.8, 0);
    };

    const drawRow = (cells, font) => {
      const nameLines = wrap(cells[WRAPPED] || '', nameColumn.width - 2 * PAD_X);
      const height = 2 * PAD_Y + nameLines.length * LEADING;
      if (page === null || y - height < PAGE.bottom) {
        if (page !== null) {
          page.rule(PAGE.left, PAGE.right, y, 0.8, 0);
        }

        startPage();
      }

      const baseline = y - PAD_Y - 6.2;
      for (const column of layout) {
        if (column.key === WRAPPED) {
          nameLines.forEach((line, i) => drawCell(page, column, line, baseline - i * LEADING, font));
        } else if (cells[column.key]) {
          drawCell(page, column, cells[column.key], baseline, font);
        }
      }

      y -= height;
      page.rule(PAGE.left, PAGE.right, y, 0.3, 0.7);
    };

    if (rows.length === 0) {
      startPage();
    }

    rows.forEach(cells => drawRow(cells, 'regular'));
    if (totals) {
      drawRow(totals, 'bold');
    }

    page.rule(PAGE.left, PAGE.right, y, 0.8, 0);
    pdf.pages.forEach((each, i) => {
      each.textCenter(PAGE.width / 2, 30, `Halaman ${i + 1} dari ${pdf.pages.length}`, 'regular', SIZE);
    });

    return pdf;
  }

  async function exportPdf(button, link, errorBox) {
    const label = button.textContent;
    errorBox.hidden = true;
    button.disabled = true;
    button.textContent = 'Memproses\u2026';
    try {
      const query = new URLSearchParams({ date_from: button.dataset.dateFrom, date_to: button.dataset.dateTo });
      const response = await fetch(`${button.dataset.source}?${query}`, {
        credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      });
      if (response.status === 401 || response.status === 419) {
        window.location.assign('/login');

        return;
      }

      if (!response.ok) {
        throw new Error(`server menjawab ${response.status}`);
      }

      const payload = await response.json();
      let bytes = buildReport(payload).output();
      if (payload._sandbox && payload._sandbox.truncate) {
        bytes = bytes.slice(0, Math.floor(bytes.length / 2));
      }

      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      link.href = url;
      link.click();

      // The download has taken the Blob by the time a minute passes; the URL only keeps it in memory.
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (error) {
      errorBox.textContent = `Gagal mengekspor data: ${error.message}. Silakan coba lagi.`;
      errorBox.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('btn-export');
    const link = document.getElementById('export-download');
    const errorBox = document.getElementById('export-error');
    button.addEventListener('click', () => exportPdf(button, link, errorBox));
  });
})();
