#!/usr/bin/env python3
"""Writes xlsx workbooks with the standard library only (zipfile and XML text).

  xlsx_reports.py datatables OUT.xlsx OUT.expected.csv   the layout DataTables' Excel button makes: a merged title
                                                          row, then the header, every value as inline text
  xlsx_reports.py bench OUT.xlsx ROWS                     a large typed workbook (shared strings, numbers, real
                                                          dates) for scripts/bench-documents.sh
"""
import csv
import random
import sys
import zipfile
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
{shared}</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
{shared}</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def inline(ref, text, style=0):
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}" t="inlineStr"{styled}><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def write_workbook(path, sheet_xml, shared=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        shared_type = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                       'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>') if shared else ""
        shared_rel = ('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      'relationships/sharedStrings" Target="sharedStrings.xml"/>') if shared else ""
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(shared=shared_type))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(shared=shared_rel))
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared:
            items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared)
            z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                       f'count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>')


SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet '
              'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>')
NAMES = ["Budi Santoso", "Siti  Rahayu", "Agus Wijaya", "=HYPERLINK(\"http://x\",\"klik\")", "@budi_atk",
         "+62 Rina", "Dewi Lestari", "Hendra   Gunawan"]
STORES = ["Bandung Dago", "Jakarta Selatan", "Surabaya", "Yogyakarta"]
METHODS = ["Tunai", "QRIS", "Transfer Bank", "Kartu Debit", ""]
STATUSES = ["Selesai", "Selesai", "Pending", "Dibatalkan"]


def datatables(out, expected):
    rng = random.Random(21)
    labels = ["No", "Tanggal", "No. Invoice", "Cabang", "Nama Member", "No. HP", "Kasir", "Total Belanja", "Poin",
              "Metode Pembayaran", "Status"]
    rows, records = [], []
    start = datetime(2025, 9, 8, 8, 0)
    for i in range(40):
        when = start + timedelta(minutes=rng.randint(0, 60 * 24 * 7))
        amount = rng.choice([12500, 250000, 1250000, 87500, 4500000])
        points = amount // 10000
        status = rng.choice(STATUSES)
        if status == "Dibatalkan":
            points = -points
        amount_text = rng.choice([f"Rp {amount:,}".replace(",", "."), f"Rp{amount:,}".replace(",", ".") + ",00", f"IDR {amount:,}".replace(",", "."), str(amount)])
        points_text = f"({abs(points)})" if points < 0 and i % 2 else f"{points:,}".replace(",", ".")
        phone = rng.choice(["0812", "0857", "+62813"]) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        record = {"invoice_no": f"INV/2025/09/{1000 + i:05d}", "transaction_at": when,
                  "member_name": " ".join(rng.choice(NAMES).split()), "member_phone": phone,
                  "store": rng.choice(STORES), "total_amount": amount, "points_earned": points,
                  "payment_method": rng.choice(METHODS), "status": status}
        rows.append([str(i + 1), when.strftime("%d/%m/%Y %H:%M"), record["invoice_no"], record["store"],
                     record["member_name"].replace(" ", "  ", 1), phone,
                     rng.choice(["Ani", "Yudi"]), amount_text, points_text, record["payment_method"], status])
        records.append(record)
    # Two rows validation must reject: an impossible date and a repeated invoice number.
    rows.append(["41", "31/02/2025 10:00", "INV/2025/09/09999", "Surabaya", "Eko", "0811", "Ani", "Rp 5.000", "0",
                 "Tunai", "Selesai"])
    rows.append(["42", "09/09/2025 11:00", rows[0][2], "Surabaya", "Eko", "0811", "Ani", "Rp 5.000", "0", "Tunai",
                 "Selesai"])
    xml = [SHEET_HEAD, '<row r="1">' + inline("A1", "Laporan Transaksi - Andalan ATK", 1) + "</row>"]
    xml.append('<row r="2">' + "".join(inline(f"{column(c)}2", label, 1) for c, label in enumerate(labels)) + "</row>")
    for r, row in enumerate(rows, 3):
        xml.append(f'<row r="{r}">' + "".join(inline(f"{column(c)}{r}", v) for c, v in enumerate(row) if v) + "</row>")
    xml.append(f'</sheetData><mergeCells count="1"><mergeCell ref="A1:{column(len(labels) - 1)}1"/></mergeCells>'
               "</worksheet>")
    write_workbook(out, "".join(xml))
    with open(expected, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(list(records[0].keys()))
        for rec in records:
            w.writerow([rec[k].strftime("%Y-%m-%dT%H:%M:%S") if isinstance(rec[k], datetime) else rec[k]
                        for k in rec])


def bench(out, count):
    rng = random.Random(5)
    shared, index = [], {}

    def s(text):
        if text not in index:
            index[text] = len(shared)
            shared.append(text)
        return index[text]

    labels = ["No. Invoice", "Tanggal", "Nama Member", "No. HP", "Cabang", "Total Belanja", "Poin",
              "Metode Pembayaran", "Status"]
    parts = [SHEET_HEAD, '<row r="1">' + "".join(f'<c r="{column(c)}1" t="s" s="1"><v>{s(l)}</v></c>'
                                                 for c, l in enumerate(labels)) + "</row>"]
    base = (datetime(2025, 9, 1) - datetime(1899, 12, 30)).days
    for r in range(2, count + 2):
        amount = rng.randint(1, 500) * 2500
        parts.append(
            f'<row r="{r}"><c r="A{r}" t="s"><v>{s(f"INV/2025/09/{r:07d}")}</v></c>'
            f'<c r="B{r}" s="2"><v>{base + rng.randint(0, 29) + rng.randint(0, 1439) / 1440:.6f}</v></c>'
            f'<c r="C{r}" t="s"><v>{s(rng.choice(NAMES))}</v></c>'
            f'<c r="D{r}" t="s"><v>{s("08" + str(rng.randint(100000000, 999999999)))}</v></c>'
            f'<c r="E{r}" t="s"><v>{s(rng.choice(STORES))}</v></c>'
            f'<c r="F{r}" s="3"><v>{amount}</v></c><c r="G{r}"><v>{amount // 10000}</v></c>'
            f'<c r="H{r}" t="s"><v>{s(rng.choice(METHODS[:4]))}</v></c>'
            f'<c r="I{r}" t="s"><v>{s(rng.choice(STATUSES))}</v></c></row>')
    parts.append("</sheetData></worksheet>")
    write_workbook(out, "".join(parts), shared)


if __name__ == "__main__":
    if sys.argv[1] == "datatables":
        datatables(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "bench":
        bench(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
