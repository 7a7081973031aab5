#!/usr/bin/env python3
"""Writes PDF reports the way FPDF and TCPDF draw them: every cell placed at absolute coordinates, standard
Helvetica without embedding, no rules, numbers right-aligned, status centred, long names wrapped inside their
cell (top-aligned), a two-line header label, the header repeated on every page, "Halaman X dari Y" footers and a
closing total row. Standard library only, so it runs anywhere python3 does.

  positioned_pdf.py coin-payments OUT.pdf OUT.expected.csv   the committed fixture (coin_payments export)
  positioned_pdf.py bench OUT.pdf PAGES                      a long report for scripts/bench-documents.sh
  positioned_pdf.py scanned OUT.pdf                          one page holding only an image (a scan)
  positioned_pdf.py encrypted OUT.pdf                        the fixture's first page, RC4-encrypted, password 'rahasia'
  positioned_pdf.py no-pages OUT.pdf                         a well-formed PDF with zero pages
"""
import csv
import hashlib
import random
import sys
import zlib
from datetime import datetime, timedelta

HELVETICA = {c: w for c, w in zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278] + [556] * 10 +
    [278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
     667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
     278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
     260, 334, 584])}
PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


def width(text, size):
    return sum(HELVETICA.get(c, 556) for c in text) * size / 1000


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


class Document:
    def __init__(self, landscape=False):
        self.width, self.height = (842, 595) if landscape else (595, 842)
        self.pages = []

    def page(self):
        self.pages.append([])
        return self.pages[-1]

    def write(self, path, password=None, images=None):
        objects = {}
        catalog, pages_id, font, bold = 1, 2, 3, 4
        objects[font] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        objects[bold] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
        streams = {}
        next_id = 5
        kids = []
        for index, ops in enumerate(self.pages):
            content_id, page_id = next_id, next_id + 1
            next_id += 2
            resources = f"/Font << /F1 {font} 0 R /F2 {bold} 0 R >>"
            if images and index in images:
                image_id = next_id
                next_id += 1
                side, pixels = images[index]
                streams[image_id] = (f"/Type /XObject /Subtype /Image /Width {side} /Height {side} "
                                     f"/ColorSpace /DeviceGray /BitsPerComponent 8".encode(), pixels)
                resources += f" /XObject << /Im1 {image_id} 0 R >>"
            streams[content_id] = (b"", "\n".join(ops).encode("latin-1"))
            objects[page_id] = (f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {self.width} {self.height}] "
                                f"/Resources << {resources} >> /Contents {content_id} 0 R >>").encode()
            kids.append(page_id)
        objects[catalog] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
        objects[pages_id] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                             f"/Count {len(kids)} >>").encode()
        file_id = hashlib.md5(path.encode()).digest()
        key = None
        encrypt_ref = b""
        if password:
            p = -44
            owner_key = hashlib.md5((b"owner-" + password.encode() + PAD)[:32]).digest()[:5]
            owner = rc4(owner_key, (password.encode() + PAD)[:32])
            key = hashlib.md5((password.encode() + PAD)[:32] + owner + p.to_bytes(4, "little", signed=True)
                              + file_id).digest()[:5]
            user = rc4(key, PAD)
            encrypt_id = next_id
            next_id += 1
            objects[encrypt_id] = (f"<< /Filter /Standard /V 1 /R 2 /O <{owner.hex()}> /U <{user.hex()}> "
                                   f"/P {p} >>").encode()
            encrypt_ref = f" /Encrypt {encrypt_id} 0 R".encode()
        for number, (extra, data) in streams.items():
            data = zlib.compress(data)
            if key:
                data = rc4(hashlib.md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10], data)
            objects[number] = (b"<< " + extra + f" /Filter /FlateDecode /Length {len(data)} >>\nstream\n".encode()
                               + data + b"\nendstream")
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for number in sorted(objects):
            offsets[number] = len(out)
            out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
        xref = len(out)
        size = max(objects) + 1
        out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
        for number in range(1, size):
            out += (f"{offsets[number]:010d} 00000 n \n" if number in offsets else "0000000000 65535 f \n").encode()
        out += (f"trailer\n<< /Size {size} /Root {catalog} 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]".encode()
                + encrypt_ref + f" >>\nstartxref\n{xref}\n%%EOF\n".encode())
        with open(path, "wb") as f:
            f.write(out)


def text(ops, x, baseline, value, size=8.5, bold=False):
    ops.append(f"BT /{'F2' if bold else 'F1'} {size} Tf {x:.2f} {baseline:.2f} Td (".encode("latin-1").decode()
               + escape(value).decode("latin-1") + ") Tj ET")


def cell(ops, doc, x, top, w, value, align, size=8.5, bold=False):
    """FPDF's Cell: text 2pt inside the cell, left, right or centred; the baseline near the top of the line."""
    tw = width(value, size)
    if align == "R":
        left = x + w - 2 - tw
    elif align == "C":
        left = x + (w - tw) / 2
    else:
        left = x + 2
    text(ops, left, doc.height - top - size, value, size, bold)


def wrap(value, w, size):
    lines, line = [], ""
    for word in value.split(" "):
        candidate = (line + " " + word).strip()
        if line and width(candidate, size) > w - 4:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line]


COLUMNS = [("No", 24, "C"), ("ID Pembayaran", 72, "L"), ("Tanggal", 78, "L"), ("Nama User", 100, "L"),
           ("No.\nInvoice", 92, "L"), ("Koin", 42, "R"), ("Nominal", 72, "R"), ("Status", 56, "C")]
NAMES = ["Budi Santoso", "Siti Rahayu", "Agus Wijaya", "Dewi Lestari", "Rina Marlina", "Hendra Gunawan",
         "Raden Ajeng Kartika Sari Dewi Puspitasari", "=SUM(A1:A9)", "@rina_store", "+62 Andi Pratama",
         "Muhammad Rizky Ramadhan Saputra Nugroho", "Yohanes (Yoyo) Tanjung", "Ni Luh Putu Ayu Sri Wahyuni",
         "Fajar", "Indah Permatasari"]
STATUSES = ["Berhasil", "Berhasil", "Berhasil", "Pending", "Dibatalkan"]


def rupiah(amount):
    digits = f"{abs(amount):,}".replace(",", ".")
    return f"(Rp {digits})" if amount < 0 else f"Rp {digits}"


def coin_rows(count, seed=4):
    rng = random.Random(seed)
    start = datetime(2025, 8, 25, 7, 0)
    rows = []
    for i in range(count):
        when = start + timedelta(minutes=rng.randint(0, 60 * 24 * 40))
        coins = rng.choice([150, 250, 1000, 1250, 2500, 12000])
        refund = rng.random() < 0.08
        amount = coins * rng.choice([100, 250, 500]) * (-1 if refund else 1)
        rows.append({
            "payment_id": f"PK-2025-{100 + i:06d}",
            "paid_at": when,
            "user_name": rng.choice(NAMES),
            "invoice_no": f"INV/2025/{when.month:02d}/{rng.randint(1, 99999):05d}",
            "coins": -coins if refund else coins,
            "amount": amount,
            "status": "Refund" if refund else rng.choice(STATUSES),
        })
    return rows


def report(rows, landscape=False, title="Laporan Pembayaran Koin"):
    doc = Document(landscape)
    size, line_height, left = 8.5, 10.5, 28
    header_top, bottom = 92, doc.height - 52
    pages, current = [], []
    y = header_top + 2 * line_height + 6
    for row in rows:
        height = len(wrap(row["user_name"], COLUMNS[3][1], size)) * line_height + 4
        if y + height > bottom:
            pages.append(current)
            current = []
            y = header_top + 2 * line_height + 6
        current.append((row, y))
        y += height
    pages.append(current)
    for number, placed in enumerate(pages, 1):
        ops = doc.page()
        if number == 1:
            cell(ops, doc, left, 30, 400, title, "L", 14, True)
            cell(ops, doc, left, 52, 400, "Periode: 25 Agu 2025 - 03 Okt 2025", "L", 9)
            cell(ops, doc, left, 66, 400, "Cabang: Semua cabang", "L", 9)
        else:
            cell(ops, doc, left, 40, 400, title + " (lanjutan)", "L", 9, True)
        x = left
        for label, w, _ in COLUMNS:
            for k, part in enumerate(label.split("\n")):
                cell(ops, doc, x, header_top + k * line_height, w, part, "L" if w > 30 else "C", size, True)
            x += w
        for row, top in placed:
            values = [str(row["number"]), row["payment_id"], fmt_when(row["paid_at"]), row["user_name"],
                      row["invoice_no"], f"{row['coins']:,}".replace(",", "."), rupiah(row["amount"]), row["status"]]
            x = left
            for (label, w, align), value in zip(COLUMNS, values):
                lines = wrap(value, w, size) if label == "Nama User" else [value]
                for k, part in enumerate(lines):
                    cell(ops, doc, x, top + k * line_height, w, part, align, size)
                x += w
        if number == len(pages):
            top = placed[-1][1] + line_height + 12 if placed else header_top + 30
            total_coins = sum(r["coins"] for r in rows)
            total_amount = sum(r["amount"] for r in rows)
            cell(ops, doc, left, top, 200, "Total", "L", size, True)
            x = left + sum(w for _, w, _ in COLUMNS[:5])
            cell(ops, doc, x, top, COLUMNS[5][1], f"{total_coins:,}".replace(",", "."), "R", size, True)
            cell(ops, doc, x + COLUMNS[5][1], top, COLUMNS[6][1], rupiah(total_amount), "R", size, True)
        footer = f"Halaman {number} dari {len(pages)}"
        cell(ops, doc, 0, doc.height - 30, doc.width, footer, "C", 8)
    return doc


def fmt_when(when):
    return f"{when.day:02d} {MONTHS[when.month - 1]} {when.year} {when.hour:02d}:{when.minute:02d}"


def write_expected(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(["payment_id", "paid_at", "user_name", "invoice_no", "coins", "amount", "status"])
        for r in rows:
            out.writerow([r["payment_id"], r["paid_at"].strftime("%Y-%m-%dT%H:%M:00"), r["user_name"],
                          r["invoice_no"], r["coins"], r["amount"], r["status"]])


def numbered(rows):
    for i, row in enumerate(rows, 1):
        row["number"] = i
    return rows


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "coin-payments":
        rows = numbered(coin_rows(120))
        report(rows).write(out)
        write_expected(sys.argv[3], rows)
    elif kind == "bench":
        pages = int(sys.argv[3])
        rows = numbered(coin_rows(pages * 60, seed=7))
        doc = report(rows)
        doc.pages = doc.pages[:pages]
        doc.write(out)
    elif kind == "scanned":
        doc = Document()
        doc.page().append("q 595 0 0 842 0 0 cm /Im1 Do Q")
        side = 64
        pixels = bytes((x * 3 + y * 5) % 256 for y in range(side) for x in range(side))
        doc.write(out, images={0: (side, pixels)})
    elif kind == "encrypted":
        doc = report(numbered(coin_rows(20)))
        doc.write(out, password="rahasia")
    elif kind == "no-pages":
        Document().write(out)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
