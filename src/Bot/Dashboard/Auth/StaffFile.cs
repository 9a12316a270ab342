using System.Text.Json;

namespace ChatSurvey.Bot.Dashboard.Auth;

/// <summary>
/// The staff file (Staff:File): the accounts `ChatSurvey.Bot staff add` wrote, as JSON, readable by its owner only.
/// <code>{"users": [{"name": "ana", "role": "admin", "passwordHash": "AQAAAAIAAYagAAAAE…"}]}</code>
/// </summary>
public sealed class StaffFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The users in the file (none when it does not exist). A file that does not parse or check throws, naming it.</summary>
    public IReadOnlyList<StaffUser> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        Contents? contents;
        try
        {
            contents = JsonSerializer.Deserialize<Contents>(File.ReadAllBytes(Path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{Path}: not a staff file ({e.Message}). Recreate it with `ChatSurvey.Bot staff add`.", e);
        }

        var users = contents?.Users ?? [];
        var problems = StaffOptionsValidator.Problems(users, $"{Path}: users");
        return problems.Count == 0 ? users : throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>Writes a new file beside the old one and moves it over, so a reader never sees half a file.</summary>
    public void Write(IReadOnlyList<StaffUser> users)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Hashes are slow to attack, not impossible: nobody but the bot's user reads them.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new Contents { Users = [.. users] }, Json);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>When and how big the file was last written, to notice a change without reading it (null: no file).</summary>
    public (DateTime, long)? Stamp()
    {
        var info = new FileInfo(Path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }

    private sealed class Contents
    {
        public List<StaffUser> Users { get; set; } = [];
    }
}
