using System.Data;
using System.Diagnostics;
using System.Globalization;
using ChatSurvey.Bot.Storage;

namespace ChatSurvey.Load;

/// <summary>
/// Reads every response in export order (completion time, then id) with its answer values in order, as one streamed
/// query through a DbDataReader, and writes it as CSV to a null stream: an export without the disk.
/// </summary>
internal static class ExportRead
{
    /// <summary>The export as one would first write it; both databases run it.</summary>
    public const string Join = """
        SELECT r.id, r.survey_id, r.survey_version, r.channel, r.respondent, r.promoter, r.language, r.started_at, r.completed_at,
               v.seq, v.question, v.row_code, v.rank, v.option_code, v.text
        FROM responses r JOIN answer_values v ON v.response_id = r.id
        ORDER BY r.completed_at, r.id, v.seq
        """;

    /// <summary>
    /// The same rows through LATERAL (PostgreSQL only): the values are fetched per response in the responses' order,
    /// so only the responses are ordered and nothing the size of all answer values is sorted.
    /// </summary>
    public const string Lateral = """
        SELECT r.id, r.survey_id, r.survey_version, r.channel, r.respondent, r.promoter, r.language, r.started_at, r.completed_at,
               v.seq, v.question, v.row_code, v.rank, v.option_code, v.text
        FROM responses r CROSS JOIN LATERAL (SELECT * FROM answer_values a WHERE a.response_id = r.id ORDER BY a.seq) v
        ORDER BY r.completed_at, r.id, v.seq
        """;

    private static readonly bool[] Times = [false, false, false, false, false, false, false, true, true, false, false, false, false, false, false];
    private static readonly bool[] Numbers = [false, false, false, false, false, false, false, false, false, true, false, false, true, false, false];

    public static async Task<string> PlanAsync(SqlResponseStore store, string query)
    {
        await using var connection = await store.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = (store.Dialect == SqlDialect.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + query;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
        }

        return string.Join("\n", lines);
    }

    public static async Task<Figures> RunAsync(SqlResponseStore store, string query)
    {
        var before = Process.GetCurrentProcess().WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        TimeSpan? firstRow = null;
        long rows = 0, responses = 0;
        var previousId = "";
        var previousAt = "";
        var postgres = store.Dialect == SqlDialect.Postgres;
        await using var output = new CountingStream();
        await using (var csv = new StreamWriter(output, bufferSize: 1 << 16))
        await using (var connection = await store.OpenAsync(default))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = query;
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess);
            while (await reader.ReadAsync())
            {
                firstRow ??= clock.Elapsed;
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (i > 0)
                    {
                        csv.Write(',');
                    }

                    if (reader.IsDBNull(i))
                    {
                        continue;
                    }

                    var field = Times[i] && postgres ? reader.GetDateTime(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                        : Numbers[i] ? reader.GetInt64(i).ToString(CultureInfo.InvariantCulture)
                        : reader.GetString(i);
                    csv.Write(field);
                    if (i == 0 && field != previousId)
                    {
                        responses++;
                        previousId = field;
                    }
                    else if (i == 8)
                    {
                        // Export order is part of what is measured: check it while streaming.
                        if (string.CompareOrdinal(field, previousAt) < 0)
                        {
                            throw new InvalidOperationException($"Row {rows}: completed_at {field} after {previousAt}");
                        }

                        previousAt = field;
                    }
                }

                csv.Write('\n');
            }
        }

        var process = Process.GetCurrentProcess();
        return new Figures(rows, responses, output.Length, firstRow ?? clock.Elapsed, clock.Elapsed, before, process.PeakWorkingSet64, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    public sealed record Figures(long Rows, long Responses, long CsvBytes, TimeSpan FirstRow, TimeSpan Total, long WorkingSetBefore, long PeakWorkingSet, long Allocated);

    /// <summary>A null stream that counts what is written, so the CSV's size can be reported.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
