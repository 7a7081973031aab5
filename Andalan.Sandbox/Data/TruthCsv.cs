using System.Globalization;
using System.Text;

namespace Andalan.Sandbox.Data;

/// <summary>
/// The panel's records as canonical record text (ARCHITECTURE.md): RFC 4180 CSV, a header of field names in
/// schema order, <c>yyyy-MM-ddTHH:mm:ss</c> datetimes, <c>yyyy-MM-dd</c> dates, plain integers, text trimmed with
/// white space folded, empty for a missing value. Written here on purpose, apart from the app's own code, so a
/// test comparing the two catches a mistake in either.
/// </summary>
internal static class TruthCsv
{
    public static readonly IReadOnlyList<string> Exports = ["transactions", "point_transactions", "users", "coin_payments"];

    /// <summary>The records of <paramref name="export"/>; users have no date filter on the panel and ignore dates.</summary>
    public static string Write(PanelStore store, string export, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(store);
        var csv = new StringBuilder();
        switch (export)
        {
            case "transactions":
                Line(csv, "invoice_no", "transaction_at", "member_name", "member_phone", "store", "total_amount",
                    "points_earned", "payment_method", "status");
                foreach (var t in store.Transactions(from, to))
                {
                    Line(csv, t.InvoiceNo, Text(t.At), t.MemberName, t.MemberPhone, t.Store, Text(t.TotalAmount),
                        Text(t.PointsEarned), t.PaymentMethod, t.Status);
                }

                break;
            case "point_transactions":
                Line(csv, "id", "created_at", "user_name", "user_email", "type", "points", "description", "balance");
                foreach (var p in store.PointTransactions(from, to))
                {
                    Line(csv, p.Id, Text(p.CreatedAt), p.UserName, p.UserEmail, p.Type, Text(p.Points), p.Description,
                        Text(p.Balance));
                }

                break;
            case "users":
                Line(csv, "user_id", "name", "email", "phone", "registered_at", "tier", "points", "coins", "status");
                foreach (var u in store.Users())
                {
                    Line(csv, u.UserId, u.Name, u.Email, u.Phone,
                        u.RegisteredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.Tier, Text(u.Points),
                        Text(u.Coins), u.Status);
                }

                break;
            case "coin_payments":
                Line(csv, "payment_id", "paid_at", "user_name", "invoice_no", "coins", "amount", "status");
                foreach (var c in store.CoinPayments(from, to))
                {
                    Line(csv, c.PaymentId, Text(c.PaidAt), c.UserName, c.InvoiceNo, Text(c.Coins), Text(c.Amount),
                        c.Status);
                }

                break;
            default:
                throw new ArgumentException(
                    $"Unknown export '{export}'. Known: {string.Join(", ", Exports)}.", nameof(export));
        }

        return csv.ToString();
    }

    private static string Text(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var cell = Fold(cells[i]);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }

        csv.Append("\r\n");
    }

    /// <summary>Trims and folds every run of white space to one space; null becomes empty.</summary>
    private static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(c);
        }

        return folded.ToString();
    }
}
