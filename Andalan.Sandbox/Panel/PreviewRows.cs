namespace Andalan.Sandbox.Panel;

/// <summary>The rows a report page previews: how many there are, and one page of them as cell text.</summary>
internal sealed class PreviewRows
{
    private readonly int _count;
    private readonly Func<int, string[]> _row;

    private PreviewRows(int count, Func<int, string[]> row)
    {
        _count = count;
        _row = row;
    }

    public int Count => _count;

    /// <summary>Newest first, as admin panels list records; the store keeps them oldest first.</summary>
    public static PreviewRows NewestFirst<T>(IReadOnlyList<T> records, Func<T, string[]> cells) =>
        new(records.Count, index => cells(records[records.Count - 1 - index]));

    public static PreviewRows InOrder<T>(IReadOnlyList<T> records, Func<T, string[]> cells) =>
        new(records.Count, index => cells(records[index]));

    public IReadOnlyList<string[]> Page(int skip, int take)
    {
        var rows = new List<string[]>(Math.Max(0, Math.Min(take, _count - skip)));
        for (var index = skip; index < Math.Min(_count, skip + take); index++)
        {
            rows.Add(_row(index));
        }

        return rows;
    }
}
