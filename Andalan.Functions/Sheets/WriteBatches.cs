namespace Andalan.Functions.Sheets;

/// <summary>
/// Splits pre-serialized JSON items (rows or value ranges) into request bodies that stay within a number of
/// cells and of bytes, in order, so a write costs one call per batch and no body is too large.
/// </summary>
internal static class WriteBatches
{
    /// <summary>Room kept in each body for the JSON around the items (range, option names, brackets).</summary>
    public const int Envelope = 1024;

    public static IEnumerable<ArraySegment<WriteItem>> Split(WriteItem[] items, int maxCells, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(items);
        var start = 0;
        var cells = 0;
        long bytes = Envelope;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (i > start && (cells + item.Cells > maxCells || bytes + item.Json.Length + 1 > maxBytes))
            {
                yield return new ArraySegment<WriteItem>(items, start, i - start);
                start = i;
                cells = 0;
                bytes = Envelope;
            }

            cells += item.Cells;
            bytes += item.Json.Length + 1;
        }

        if (start < items.Length)
        {
            yield return new ArraySegment<WriteItem>(items, start, items.Length - start);
        }
    }

    /// <summary>Joins items into <c>{prefix}item,item,…{suffix}</c>.</summary>
    public static byte[] Body(ReadOnlySpan<byte> prefix, ArraySegment<WriteItem> items, ReadOnlySpan<byte> suffix)
    {
        var length = prefix.Length + suffix.Length + items.Sum(i => i.Json.Length + 1);
        var body = new byte[length - (items.Count > 0 ? 1 : 0)];
        var at = 0;
        prefix.CopyTo(body);
        at += prefix.Length;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body[at++] = (byte)',';
            }

            items[i].Json.CopyTo(body, at);
            at += items[i].Json.Length;
        }

        suffix.CopyTo(body.AsSpan(at));

        return body;
    }
}
