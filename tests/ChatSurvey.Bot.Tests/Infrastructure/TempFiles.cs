using Microsoft.Data.Sqlite;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>
/// Paths for the SQLite files tests create, all in one folder of this test run that is deleted when the run ends, so a
/// run leaves nothing in /tmp (a few hundred database files a run, before).
/// </summary>
public static class TempFiles
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("chatsurvey-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Pooled connections keep their files open; closed first, the folder can go.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a connection a test leaked: the folder stays, as every file did before.
            }
        };
        return folder;
    });

    /// <summary>A new, unique path for a SQLite database named after <paramref name="purpose"/>.</summary>
    public static string Sqlite(string purpose) => Path.Combine(Folder.Value, $"{purpose}-{Guid.NewGuid():N}.db");
}
