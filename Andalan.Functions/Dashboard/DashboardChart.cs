using System.Text;
using static Andalan.Functions.Dashboard.DashboardText;

namespace Andalan.Functions.Dashboard;

/// <summary>
/// A small line chart as inline SVG: time across, the value up, one circle per run with a title a person sees
/// when pointing at it. Successful runs are joined by a line; failed ones are red circles off the line.
/// </summary>
internal static class DashboardChart
{
    private const double Width = 520;
    private const double Height = 150;
    private const double Left = 64;
    private const double Right = 12;
    private const double Top = 12;
    private const double Bottom = 26;

    public static void Write(
        StringBuilder html, string title, string cssClass, IReadOnlyList<ChartPoint> points,
        DateTimeOffset from, DateTimeOffset to, Func<double, string> axisLabel)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var max = Math.Max(1, points.Count == 0 ? 0 : points.Max(p => p.Value));
        var span = Math.Max(1, (to - from).TotalSeconds);
        double X(DateTimeOffset at) => Left + (Math.Clamp((at - from).TotalSeconds, 0, span) / span * plotWidth);
        double Y(double value) => Top + plotHeight - (value / max * plotHeight);

        html.Append("<svg class=\"chart ").Append(Html(cssClass)).Append("\" role=\"img\" viewBox=\"0 0 ")
            .Append(Invariant(Width)).Append(' ').Append(Invariant(Height)).Append("\" width=\"")
            .Append(Invariant(Width)).Append("\" height=\"").Append(Invariant(Height))
            .Append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").Append(Html(title)).Append("</title>");

        // Axes, the top grid line and their labels: the largest value and zero up the side, the window's ends below.
        html.Append("<line class=\"axis\" x1=\"").Append(Invariant(Left)).Append("\" y1=\"").Append(Invariant(Top))
            .Append("\" x2=\"").Append(Invariant(Left)).Append("\" y2=\"").Append(Invariant(Top + plotHeight)).Append("\"/>")
            .Append("<line class=\"axis\" x1=\"").Append(Invariant(Left)).Append("\" y1=\"").Append(Invariant(Top + plotHeight))
            .Append("\" x2=\"").Append(Invariant(Width - Right)).Append("\" y2=\"").Append(Invariant(Top + plotHeight))
            .Append("\"/>")
            .Append("<line class=\"grid\" x1=\"").Append(Invariant(Left)).Append("\" y1=\"").Append(Invariant(Top))
            .Append("\" x2=\"").Append(Invariant(Width - Right)).Append("\" y2=\"").Append(Invariant(Top)).Append("\"/>");
        Label(html, Left - 6, Top + 4, "end", axisLabel(max));
        Label(html, Left - 6, Top + plotHeight + 4, "end", axisLabel(0));
        Label(html, Left, Height - 6, "start", Day(from));
        Label(html, Width - Right, Height - 6, "end", Day(to));

        var line = points.Where(p => !p.Failed).ToList();
        if (line.Count > 1)
        {
            html.Append("<polyline class=\"line\" points=\"")
                .AppendJoin(' ', line.Select(p => Invariant(X(p.At)) + "," + Invariant(Y(p.Value))))
                .Append("\"/>");
        }

        foreach (var point in points)
        {
            html.Append("<circle class=\"point").Append(point.Failed ? " failed" : string.Empty)
                .Append("\" cx=\"").Append(Invariant(X(point.At))).Append("\" cy=\"").Append(Invariant(Y(point.Value)))
                .Append("\" r=\"").Append(point.Failed ? "4.5" : "3.5")
                .Append("\" data-run=\"").Append(Html(point.RunId))
                .Append("\" data-value=\"").Append(Invariant(point.Value))
                .Append("\"><title>").Append(Html(point.Label)).Append("</title></circle>");
        }

        if (points.Count == 0)
        {
            Label(html, Left + (plotWidth / 2), Top + (plotHeight / 2), "middle", "belum ada data");
        }

        html.Append("</svg>");
    }

    private static void Label(StringBuilder html, double x, double y, string anchor, string text) =>
        html.Append("<text x=\"").Append(Invariant(x)).Append("\" y=\"").Append(Invariant(y))
            .Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(Html(text)).Append("</text>");
}
