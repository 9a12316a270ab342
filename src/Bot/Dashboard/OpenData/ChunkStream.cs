using System.Security.Cryptography;

namespace ChatSurvey.Bot.Dashboard.OpenData;

/// <summary>
/// A release's zip as it is written: stored a chunk of <see cref="ChunkSize"/> bytes at a time (never the whole file
/// in memory), counted and hashed on the way. Writes are asynchronous only (behind an <see cref="Exports.AsyncFlushingStream"/>).
/// </summary>
public sealed class ChunkStream(ReleaseStore store, string build, CancellationToken stopping) : Stream
{
    public const int ChunkSize = 1024 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[ChunkSize];
    private int _filled;
    private int _seq;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        _length += buffer.Length;
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, ChunkSize - _filled);
            buffer[..take].CopyTo(_buffer.AsMemory(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == ChunkSize)
            {
                await SaveAsync();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Stores what is left and returns the size and SHA-256 of all that was written.</summary>
    public async Task<(long Bytes, string Sha256)> CompleteAsync()
    {
        if (_filled > 0)
        {
            await SaveAsync();
        }

        return (_length, Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("asynchronous writes only");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task SaveAsync()
    {
        await store.SaveChunkAsync(build, _seq++, _buffer.AsMemory(0, _filled), stopping);
        _filled = 0;
    }
}
