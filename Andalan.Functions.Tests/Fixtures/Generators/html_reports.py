#!/usr/bin/env python3
"""Writes HTML reports as admin panels print them and the records they hold, then renders each with a real
producer: Chromium (headless --print-to-pdf) or wkhtmltopdf (Debian package). Standard library only.

  html_reports.py OUTDIR     writes every *.pdf with its *.expected.csv into OUTDIR (needs chromium, wkhtmltopdf)

Each report carries a different set of traps; see REPORTS below.
"""
import csv
import html
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, date

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rina", "Hendra", "Putri", "Yoga", "Wulan", "Bayu", "Citra", "Eko"]
LAST = ["Santoso", "Rahayu", "Wijaya", "Lestari", "Marlina", "Gunawan", "Kusuma", "Pratama", "Nugroho",
        "Sari Dewi Puspitasari Wulandari", "Hutapea", "Siregar"]
DESCRIPTIONS = ["Poin pembelian", "Penukaran voucher belanja Rp 50.000 di cabang Bandung Dago",
                "Bonus ulang tahun member", "Koreksi saldo oleh admin karena transaksi ganda pada tanggal 12",
                "=IMPORTXML(\"http://x\")", "@promo september", "+10 poin referral",
                "Poin kedaluwarsa", "Pembelian alat tulis kantor (kertas HVS A4, pulpen, map plastik, stapler)"]


def rupiah_dots(n):
    return f"{n:,}".replace(",", ".")


def point_rows(count, seed):
    rng = random.Random(seed)
    start = datetime(2025, 9, 1, 7, 0)
    balance = {}
    rows = []
    for i in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        email = name.lower().split()[0] + str(rng.randint(1, 999)) + "@mail.co.id"
        kind = rng.choice(["Earn", "Earn", "Redeem", "Bonus", "Adjust", "Expire"])
        points = rng.choice([10, 25, 50, 125, 1500, 2750])
        if kind in ("Redeem", "Expire") or (kind == "Adjust" and rng.random() < 0.5):
            points = -points
        balance[email] = balance.get(email, 5000) + points
        rows.append({
            "id": f"PT{250900000 + i * 7}",
            "created_at": start + timedelta(minutes=rng.randint(0, 60 * 24 * 14)),
            "user_name": name,
            "user_email": email,
            "type": kind,
            "points": points,
            "description": rng.choice(DESCRIPTIONS),
            "balance": balance[email],
        })
    return rows


def user_rows(count, seed):
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        rows.append({
            "user_id": f"USR-{10000 + i * 3}",
            "name": name,
            "email": name.lower().replace(" ", ".") + f"{i}@andalan-member.id",
            "phone": "08" + "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([9, 10, 11]))),
            "registered_at": date(2023, 1, 1) + timedelta(days=rng.randint(0, 1000)),
            "tier": rng.choice(["Silver", "Gold", "Platinum", "Bronze"]),
            "points": rng.choice([0, 150, 1250, 23500, 100250]),
            "coins": rng.choice([0, 5, 120, 1500]),
            "status": rng.choice(["Aktif", "Aktif", "Nonaktif", "Diblokir"]),
            "city": rng.choice(["Bandung", "Jakarta Selatan", "Surabaya", "Yogyakarta"]),
        })
    return rows


def write_expected(path, fields, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(fields)
        for r in rows:
            values = []
            for field in fields:
                v = r[field]
                if isinstance(v, datetime):
                    v = v.strftime("%Y-%m-%dT%H:%M:%S")
                elif isinstance(v, date):
                    v = v.strftime("%Y-%m-%d")
                values.append(v)
            out.writerow(values)


def page(title, period, style, head, body, foot=""):
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9pt; margin: 0; }}
h1 {{ font-size: 14pt; margin: 0 0 4pt 0; }} p.period {{ margin: 0 0 10pt 0; }}
table {{ border-collapse: collapse; width: 100%; }} tr {{ break-inside: avoid; }}
td.r, th.r {{ text-align: right; }} td.c, th.c {{ text-align: center; }}
{style}</style></head><body><h1>{title}</h1><p class="period">{period}</p>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table></body></html>"""


def cells(values):
    return "".join(f"<td class=\"{cls}\">{html.escape(text)}</td>" for text, cls in values)


def headers(labels):
    return "".join(f"<th class=\"{cls}\">{label}</th>" for label, cls in labels)


def point_transactions_chromium_grid(out):
    """Full grid, portrait, header repeated on each page, cells centred vertically (Chromium's default) beside
    wrapped descriptions, Chromium's own page header (date, title) and footer (address, 1/3), negative points,
    dd/MM/yyyy HH:mm, a closing Jumlah row."""
    rows = point_rows(70, 11)
    style = "@page { size: A4; } th, td { border: 0.75pt solid #444; padding: 3pt 4pt; } th { background: #e8e8e8; } td.d { width: 28%; }"
    head = headers([("ID", ""), ("Tanggal", ""), ("Nama User", ""), ("Email", ""), ("Tipe", "c"), ("Poin", "r"),
                    ("Keterangan", ""), ("Saldo", "r")])
    body = "".join("<tr>" + cells([
        (r["id"], ""), (r["created_at"].strftime("%d/%m/%Y %H:%M"), ""), (r["user_name"], ""), (r["user_email"], ""),
        (r["type"], "c"), (rupiah_dots(r["points"]), "r"), (r["description"], "d"), (rupiah_dots(r["balance"]), "r"),
    ]) + "</tr>" for r in rows)
    body += f"<tr><td colspan=\"5\"><b>Jumlah</b></td><td class=\"r\">{rupiah_dots(sum(r['points'] for r in rows))}" \
            "</td><td></td><td></td></tr>"
    doc = page("Laporan Transaksi Poin", "Periode: 01/09/2025 s.d. 14/09/2025", style, head, body)
    chromium(doc, out + ".pdf", header_footer=True)
    write_expected(out + ".expected.csv", ["id", "created_at", "user_name", "user_email", "type", "points",
                                            "description", "balance"], rows)


def users_chromium_landscape(out):
    """No rules at all, landscape, the header only on the first page, columns in an unexpected order, a "No"
    row-number column and an unknown extra column (Kota), centred wrapped cells, dd-MM-yyyy dates."""
    rows = user_rows(60, 12)
    style = ("@page { size: A4 landscape; margin: 12mm; } th, td { padding: 4pt 6pt; vertical-align: middle; }"
             " thead { display: table-row-group; } th { text-align: left; border: none; } td.n { width: 18%; }")
    head = headers([("No", "c"), ("Nama", ""), ("ID User", ""), ("Kota", ""), ("Email", ""), ("Level", "c"),
                    ("No. HP", ""), ("Tgl Daftar", ""), ("Koin", "r"), ("Total Poin", "r"), ("Status", "c")])
    body = "".join("<tr>" + cells([
        (str(i), "c"), (r["name"], "n"), (r["user_id"], ""), (r["city"], ""), (r["email"], ""), (r["tier"], "c"),
        (r["phone"], ""), (r["registered_at"].strftime("%d-%m-%Y"), ""), (rupiah_dots(r["coins"]), "r"),
        (rupiah_dots(r["points"]), "r"), (r["status"], "c"),
    ]) + "</tr>" for i, r in enumerate(rows, 1))
    doc = page("Daftar Member Andalan ATK", "Per tanggal 14 September 2025 &middot; semua cabang", style, head, body)
    chromium(doc, out + ".pdf", header_footer=False)
    write_expected(out + ".expected.csv", ["user_id", "name", "email", "phone", "registered_at", "tier", "points",
                                            "coins", "status"], rows)


def users_wkhtmltopdf(out):
    """Horizontal rules only, portrait, header repeated, "Halaman X dari Y" footer, full Indonesian month
    names, a Total row."""
    rows = user_rows(75, 13)
    style = "th, td { padding: 3pt 5pt; border-bottom: 0.5pt solid #777; } th { border-bottom: 1.5pt solid #000; }"
    head = headers([("ID User", ""), ("Nama", ""), ("Email", ""), ("No. HP", ""), ("Tgl Daftar", ""),
                    ("Level", ""), ("Total Poin", "r"), ("Koin", "r"), ("Status", "")])
    body = "".join("<tr>" + cells([
        (r["user_id"], ""), (r["name"], ""), (r["email"], ""), (r["phone"], ""),
        (f"{r['registered_at'].day} {MONTHS[r['registered_at'].month - 1]} {r['registered_at'].year}", ""),
        (r["tier"], ""), (rupiah_dots(r["points"]), "r"), (str(r["coins"]), "r"), (r["status"], ""),
    ]) + "</tr>" for r in rows)
    body += f"<tr><td><b>Total</b></td><td></td><td></td><td></td><td></td><td></td>" \
            f"<td class=\"r\">{rupiah_dots(sum(r['points'] for r in rows))}</td>" \
            f"<td class=\"r\">{sum(r['coins'] for r in rows)}</td><td></td></tr>"
    doc = page("Laporan Data User", "Periode pendaftaran: 1 Januari 2023 - 30 September 2025", style, head, body)
    wkhtmltopdf(doc, out + ".pdf", ["-O", "Portrait", "--footer-center", "Halaman [page] dari [topage]",
                                    "--footer-font-size", "8"])
    write_expected(out + ".expected.csv", ["user_id", "name", "email", "phone", "registered_at", "tier", "points",
                                            "coins", "status"], rows)


def point_transactions_wkhtmltopdf(out):
    """Landscape, no rules, the header only on the first page, yyyy-MM-dd HH:mm:ss, page number footer."""
    rows = point_rows(80, 14)
    style = "th, td { padding: 2pt 5pt; vertical-align: top; } thead { display: table-row-group; } " \
            "th { text-align: left; } td.d { width: 30%; }"
    head = headers([("Tanggal", ""), ("ID", ""), ("Tipe", ""), ("Nama User", ""), ("Email", ""), ("Poin", "r"),
                    ("Saldo", "r"), ("Keterangan", "")])
    body = "".join("<tr>" + cells([
        (r["created_at"].strftime("%Y-%m-%d %H:%M:%S"), ""), (r["id"], ""), (r["type"], ""), (r["user_name"], ""),
        (r["user_email"], ""), (str(r["points"]), "r"), (rupiah_dots(r["balance"]), "r"), (r["description"], "d"),
    ]) + "</tr>" for r in rows)
    doc = page("Riwayat Poin Member", "Dari 2025-09-01 sampai 2025-09-14", style, head, body)
    wkhtmltopdf(doc, out + ".pdf", ["-O", "Landscape", "--footer-right", "[page]", "--footer-font-size", "8"])
    write_expected(out + ".expected.csv", ["id", "created_at", "user_name", "user_email", "type", "points",
                                            "description", "balance"], rows)


def chromium(document, pdf, header_footer):
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
        f.write(document)
    args = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-pdf-tagging",
            f"--print-to-pdf={os.path.abspath(pdf)}"]
    if not header_footer:
        args.append("--no-pdf-header-footer")
    subprocess.run(args + ["file://" + f.name], check=True, capture_output=True)
    os.unlink(f.name)


def wkhtmltopdf(document, pdf, options):
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
        f.write(document)
    subprocess.run(["wkhtmltopdf", "-q", "-s", "A4"] + options + [f.name, pdf], check=True, capture_output=True)
    os.unlink(f.name)


REPORTS = [point_transactions_chromium_grid, users_chromium_landscape, users_wkhtmltopdf,
           point_transactions_wkhtmltopdf]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__)
    for report in REPORTS:
        report(os.path.join(out, report.__name__))


if __name__ == "__main__":
    main()
