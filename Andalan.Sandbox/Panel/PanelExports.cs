using System.Globalization;
using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Reports;

namespace Andalan.Sandbox.Panel;

/// <summary>
/// The export endpoints: the three files sent as attachments, and the JSON the coin payments page builds its
/// PDF from. Both take the export faults.
/// </summary>
internal static class PanelExports
{
    /// <summary>The label the column-renamed fault prints instead of "Nominal".</summary>
    public const string RenamedAmountLabel = "Total Bayar";

    public static IResult Download(
        string slug, HttpContext context, PanelStore store, ReportRenderer renderer, FaultSwitches faults)
    {
        var report = PanelReports.Find(slug);
        if (report is null || report.ExportsInBrowser)
        {
            return PanelHtml.NotFound();
        }

        DateWindow? window = null;
        if (report.HasDateFilter)
        {
            window = DateWindow.Parse(context.Request.Query, DateOnly.FromDateTime(store.Now), out var error);
            if (error is not null)
            {
                // Laravel's validator sends the visitor back to the form, which shows the message.
                return Results.Redirect(report.Path + context.Request.QueryString);
            }
        }

        var fault = faults.TakeExportFault(report.ExportName);
        if (fault == ExportFault.ServerError)
        {
            return PanelHtml.ServerError();
        }

        var file = renderer.Render(report.ExportName, window?.From, window?.To, fault);

        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    public static IResult CoinPaymentsData(HttpContext context, PanelStore store, FaultSwitches faults)
    {
        var report = PanelReports.CoinPayments;
        var window = DateWindow.Parse(context.Request.Query, DateOnly.FromDateTime(store.Now), out var error);
        if (error is not null)
        {
            return Results.Json(
                new { message = error, errors = new Dictionary<string, string[]> { ["date_from"] = [error] } },
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var fault = faults.TakeExportFault(report.ExportName);
        if (fault == ExportFault.ServerError)
        {
            return Results.Json(new { message = "Server Error" }, statusCode: StatusCodes.Status500InternalServerError);
        }

        var payments = fault == ExportFault.Empty ? [] : store.CoinPayments(window.From, window.To);
        var columns = PanelReports.CoinPaymentColumns.Select(c => new
        {
            key = c.Key,
            label = fault == ExportFault.RenamedColumn && c.Key == "amount" ? RenamedAmountLabel : c.Label,
        });

        return Results.Json(new Dictionary<string, object?>
        {
            ["title"] = report.Title,
            ["date_from"] = PanelFormat.Iso(window.From),
            ["date_to"] = PanelFormat.Iso(window.To),
            ["generated_at"] = store.Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["columns"] = columns,
            ["data"] = payments.Select(p => new Dictionary<string, object>
            {
                ["payment_id"] = p.PaymentId,
                ["paid_at"] = p.PaidAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ["user_name"] = p.UserName,
                ["invoice_no"] = p.InvoiceNo,
                ["coins"] = p.Coins,
                ["amount"] = PanelReports.DecimalText(p.Amount),
                ["status"] = p.Status,
            }),
            ["total"] = payments.Count,

            // Not part of a real panel's answer: tells the page script to cut its file short, the way a
            // download interrupted halfway leaves it, so the app's handling of a broken PDF can be tested.
            ["_sandbox"] = fault == ExportFault.Corrupt ? new { truncate = true } : null,
        });
    }
}
