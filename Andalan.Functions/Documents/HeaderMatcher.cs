using Andalan.Functions.Exports;

namespace Andalan.Functions.Documents;

/// <summary>
/// Recognises an export's header labels (and their aliases) among the labels a document prints, tolerant of
/// case, punctuation and spacing, and decides whether a row of labels is the table's header.
/// </summary>
internal sealed class HeaderMatcher
{
    /// <summary>A column whose label is no field of the export: ignored with a warning.</summary>
    public const int Unknown = -1;

    /// <summary>A row-number column ("No", "No.", "#"): ignored without a warning.</summary>
    public const int RowNumber = -2;

    private const int LongestLabelWords = 6;

    private static readonly HashSet<string> RowNumberLabels = new(StringComparer.Ordinal) { "no", "nomor", "nourut" };

    private readonly Dictionary<string, int> _fieldByLabel = new(StringComparer.Ordinal);

    public HeaderMatcher(ExportDefinition export)
    {
        ArgumentNullException.ThrowIfNull(export);
        Export = export;
        KeyIndex = export.KeyIndex;
        for (var i = 0; i < export.Fields.Count; i++)
        {
            foreach (var label in export.Fields[i].Labels)
            {
                _fieldByLabel.TryAdd(LabelText.Normalize(label), i);
            }
        }
    }

    public ExportDefinition Export { get; }

    public int KeyIndex { get; }

    /// <summary>The labels the export expects, for messages.</summary>
    public string ExpectedLabels => string.Join(", ", Export.Fields.Select(f => $"'{f.Label}'"));

    /// <summary>The field a label names, or <see cref="Unknown"/> or <see cref="RowNumber"/>.</summary>
    public int Classify(string label)
    {
        var normalized = LabelText.Normalize(label);
        if (_fieldByLabel.TryGetValue(normalized, out var field))
        {
            return field;
        }

        return RowNumberLabels.Contains(normalized) || (normalized.Length == 0 && label.Contains('#'))
            ? RowNumber
            : Unknown;
    }

    /// <summary>Classifies a row of labels; a field named twice counts once (the second is unknown).</summary>
    public TableHeader Match(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var columns = new List<HeaderColumn>(labels.Count);
        var seen = new HashSet<int>();
        foreach (var label in labels)
        {
            var field = Classify(label);
            if (field >= 0 && !seen.Add(field))
            {
                field = Unknown;
            }

            columns.Add(new HeaderColumn(label, field));
        }

        return new TableHeader(columns, Export);
    }

    /// <summary>
    /// A header has the key's label and most of the others; a row of data or a title line does not. The
    /// fields it lacks are then reported by name rather than as "header not found".
    /// </summary>
    public bool IsHeader(TableHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var fields = Export.Fields.Count;
        var needed = Math.Min(fields, Math.Max(2, (int)Math.Ceiling(fields * 0.6)));

        return header.ColumnOf(KeyIndex) >= 0 && header.MatchedFields >= needed;
    }

    /// <summary>
    /// Splits a run of words into labels: the split that recognises the most labels wins, and words that form
    /// no label stay together as one unknown label. Used where a document leaves too little space between two
    /// header cells to tell them apart by position.
    /// </summary>
    public IReadOnlyList<Range> SplitIntoLabels(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var n = words.Count;
        var best = new int[n + 1];
        var from = new int[n + 1];
        var known = new bool[n + 1];
        for (var end = 1; end <= n; end++)
        {
            best[end] = best[end - 1];
            from[end] = end - 1;
            for (var start = Math.Max(0, end - LongestLabelWords); start < end; start++)
            {
                if (best[start] + 1 > best[end] && Classify(string.Join(' ', words.Skip(start).Take(end - start))) !=
                    Unknown)
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                    known[end] = true;
                }
            }
        }

        var ranges = new List<Range>();
        var at = n;
        while (at > 0)
        {
            var start = from[at];
            if (!known[at])
            {
                // Gather the run of unknown words into one label.
                while (start > 0 && !known[start])
                {
                    start = from[start];
                }
            }

            ranges.Add(new Range(start, at));
            at = start;
        }

        ranges.Reverse();

        return ranges;
    }
}
