namespace Andalan.Functions.Backend;

/// <summary>
/// Keeps Playwright's driver start from deadlocking with the console. Playwright starts node with the console's
/// input and output encodings set to UTF-8, then restores them. Setting the output encoding takes the console's
/// own lock and, inside it, flushes and replaces Console.Out and Console.Error, unless the program has set them
/// itself. A logger writing to one of them at that moment holds that writer and, inside the write, asks for the
/// console's lock: each waits for the other for good (a run hung this way before its first download). Once both
/// writers are set to themselves, the encoding setter has nothing to flush or replace, and writes go on through
/// the same writers as before.
/// </summary>
internal static class ConsoleWriters
{
    private static readonly Lock Gate = new();
    private static bool _pinned;

    /// <summary>Sets Console.Out and Console.Error to themselves, once per process.</summary>
    public static void Pin()
    {
        lock (Gate)
        {
            if (_pinned)
            {
                return;
            }

            Console.SetOut(Console.Out);
            Console.SetError(Console.Error);
            _pinned = true;
        }
    }
}
