using System.Globalization;
using System.Text;

namespace Andalan.Functions.Cli;

/// <summary>Collects text and passes it on to another writer in chunks of about 64 KB.</summary>
internal sealed class ChunkedWriter(TextWriter target) : TextWriter(CultureInfo.InvariantCulture)
{
    private const int ChunkSize = 1 << 16;

    private readonly StringBuilder _chunk = new(ChunkSize + 1024);

    public override Encoding Encoding => target.Encoding;

    public override void Write(char value)
    {
        _chunk.Append(value);
        FlushIfFull();
    }

    public override void Write(string? value)
    {
        _chunk.Append(value);
        FlushIfFull();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _chunk.Append(buffer);
        FlushIfFull();
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Flush()
    {
        target.Write(_chunk);
        _chunk.Clear();
        target.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushIfFull()
    {
        if (_chunk.Length >= ChunkSize)
        {
            target.Write(_chunk);
            _chunk.Clear();
        }
    }
}
