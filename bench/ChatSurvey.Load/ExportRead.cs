using System.Diagnostics;
using ChatSurvey.Bot.Dashboard;
using ChatSurvey.Bot.Dashboard.Exports;
using ChatSurvey.Bot.Dashboard.Filters;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Surveys;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Load;

/// <summary>
/// The staff CSV or XLSX export exactly as the dashboard serves it (ResponseReader's ordered join, CsvExport or
/// XlsxExport, the staff layout with free texts), written to a stream that only counts bytes: an export without the
/// network or disk.
/// </summary>
internal static class ExportRead
{
    public static async Task<Figures> RunAsync(SqlResponseStore store, string format)
    {
        var db = new DashboardDb(store, Options.Create(new DashboardOptions()));
        Func<Stream, ExportLayout, DashboardFilter, CancellationToken, Task> export = format == "xlsx"
            ? new XlsxExport(new ResponseReader(db), db).WriteAsync
            : (output, layout, filter, cancellationToken) => new CsvExport(new ResponseReader(db), db).WriteAsync(output, layout, filter, cancellationToken);
        var layout = ExportLayout.Staff(SurveyFile.Load(new SurveyOptions()));
        var before = Process.GetCurrentProcess().WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await using var output = new CountingStream(clock);
        await export(output, layout, new DashboardFilter(null, null, null, null), default);
        var process = Process.GetCurrentProcess();
        return new Figures(output.Length, output.FirstWrite ?? clock.Elapsed, clock.Elapsed, before, process.PeakWorkingSet64, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    public sealed record Figures(long CsvBytes, TimeSpan FirstBytes, TimeSpan Total, long WorkingSetBefore, long PeakWorkingSet, long Allocated);

    /// <summary>A null stream that counts what is written, and notes when the first bytes came.</summary>
    private sealed class CountingStream(Stopwatch clock) : Stream
    {
        private long _length;

        public TimeSpan? FirstWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Count(count);

        public override void Write(ReadOnlySpan<byte> buffer) => Count(buffer.Length);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        private void Count(int bytes)
        {
            FirstWrite ??= clock.Elapsed;
            _length += bytes;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
