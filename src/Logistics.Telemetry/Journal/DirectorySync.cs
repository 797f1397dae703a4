using System.Runtime.InteropServices;

namespace Logistics.Telemetry.Journal;

/// <summary>Makes a folder's entries (a created, renamed or deleted file) durable. On Linux and
/// macOS a new file's data can survive a power cut while its name does not unless the folder itself
/// is flushed; .NET has no API for that, so this calls fsync on the folder. Windows needs nothing.</summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;

    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(directory, ReadOnly);
        if (fd < 0) return; // best effort: the files themselves were flushed already
        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
