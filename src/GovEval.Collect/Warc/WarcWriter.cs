using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GovEval.Core.Observations;

namespace GovEval.Collect.Warc;

/// <summary>Where a record landed: the file (name only), the byte offset of its gzip member and its id.</summary>
public sealed record WarcPosition(string File, long Offset, string RecordId);

/// <summary>
/// Writes WARC/1.1 files: a warcinfo record first, then request and response records, each its own gzip member
/// (so readers can seek to one record), rotated by size. Records are compressed on the caller's thread, then written
/// in order by one caller at a time (group commit), and a write returns only once its records have been flushed to
/// the operating system, so a kill -9 loses at most the records being written, whose evidence was never returned.
/// </summary>
public sealed class WarcWriter : IDisposable
{
    private readonly object gate = new();
    private readonly string directory;
    private readonly string prefix;
    private readonly long maxFileBytes;
    private readonly TimeProvider clock;
    private FileStream? file;
    private string? fileName;
    private string? warcinfoId;
    private int sequence;
    private readonly Dictionary<string, WarcPosition> positions = new(StringComparer.Ordinal);
    private readonly List<Pending> queue = [];
    private bool writing;

    // Each record ends with two CRLFs after its block (WARC 1.1, 4).
    private static ReadOnlySpan<byte> RecordEnd => "\r\n\r\n"u8;

    [ThreadStatic]
    private static IncrementalHash? blockHasher;

    public WarcWriter(string directory, string prefix = "goveval", long maxFileBytes = 1L << 30, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(directory);
        this.directory = directory;
        this.prefix = prefix;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock ?? TimeProvider.System;
    }

    public string DirectoryPath => directory;

    /// <summary>Files written so far (names relative to <see cref="DirectoryPath"/>).</summary>
    public List<string> Files { get; } = [];

    /// <summary>Archives one HTTP exchange; returns the evidence (response record id, payload sha256 hex).</summary>
    public Evidence WriteExchange(string targetUri, string? ipAddress, ReadOnlySpan<byte> requestBlock, ReadOnlySpan<byte> responseHead, ReadOnlySpan<byte> payload, DateTimeOffset capturedAt, bool truncated = false)
    {
        var task = WriteExchangeAsync(targetUri, ipAddress, requestBlock, responseHead, payload, capturedAt, truncated);
        return task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Archives one HTTP exchange: the records are compressed on the caller's thread, then written in order by
    /// whichever caller finds the file idle (group commit: one flush for every record queued meanwhile). The task
    /// completes once the records have been handed to the operating system, as <see cref="WriteExchange"/> does,
    /// but a caller waiting for the file awaits instead of spinning on a lock.
    /// </summary>
    public ValueTask<Evidence> WriteExchangeAsync(string targetUri, string? ipAddress, ReadOnlySpan<byte> requestBlock, ReadOnlySpan<byte> responseHead, ReadOnlySpan<byte> payload, DateTimeOffset capturedAt, bool truncated = false)
    {
        var responseId = RecordIds.Next();
        var requestId = RecordIds.Next();
        Span<byte> payloadHash = stackalloc byte[32];
        Span<byte> blockHash = stackalloc byte[32];
        Span<byte> requestHash = stackalloc byte[32];
        SHA256.HashData(payload, payloadHash);
        var hash = blockHasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(responseHead);
        hash.AppendData(payload);
        hash.GetHashAndReset(blockHash);
        SHA256.HashData(requestBlock, requestHash);

        var date = Date(capturedAt);
        var response = new Fetching.PooledBuffer(responseHead.Length + payload.Length / 2 + 1024);
        var request = new Fetching.PooledBuffer(requestBlock.Length + 1024);
        var header = new Fetching.PooledBuffer(1024);
        try
        {
            RecordHeader.Start(header, "response", responseId, date, targetUri, warcinfoId);
            RecordHeader.Digest(header, "WARC-Payload-Digest", payloadHash);
            RecordHeader.Digest(header, "WARC-Block-Digest", blockHash);
            if (ipAddress is not null)
            {
                RecordHeader.Field(header, "WARC-IP-Address", ipAddress);
            }

            if (truncated)
            {
                RecordHeader.Field(header, "WARC-Truncated", "length");
            }

            RecordHeader.End(header, "application/http;msgtype=response", responseHead.Length + payload.Length);
            if (responseHead.Length + payload.Length < 512)
            {
                StoredGzip.Write(response, header.Span, responseHead, payload, RecordEnd);
            }
            else
            {
                GzipMember.Write(response, header.Span, responseHead, payload, RecordEnd);
            }

            header.Clear();
            RecordHeader.Start(header, "request", requestId, date, targetUri, warcinfoId);
            RecordHeader.Field(header, "WARC-Concurrent-To", responseId, angled: true);
            RecordHeader.Digest(header, "WARC-Block-Digest", requestHash);
            RecordHeader.End(header, "application/http;msgtype=request", requestBlock.Length);
            StoredGzip.Write(request, header.Span, requestBlock, [], RecordEnd);
        }
        catch
        {
            response.Dispose();
            request.Dispose();
            throw;
        }
        finally
        {
            header.Dispose();
        }

        var pending = new Pending(responseId, response, request, new Evidence("", responseId, Convert.ToHexStringLower(payloadHash), capturedAt));

        bool lead;
        lock (gate)
        {
            queue.Add(pending);
            lead = !writing;
            writing = true;
        }

        if (lead)
        {
            Drain();
        }

        return pending.Done.Task.IsCompletedSuccessfully ? new ValueTask<Evidence>(pending.Done.Task.Result) : new ValueTask<Evidence>(pending.Done.Task);
    }

    /// <summary>Writes queued records until the queue is empty; only one caller drains at a time.</summary>
    private void Drain()
    {
        var batch = new List<Pending>();
        while (true)
        {
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    writing = false;
                    return;
                }

                batch.AddRange(queue);
                queue.Clear();
            }

            Exception? failure = null;
            var written = 0;
            try
            {
                // Only the drainer touches the file (the queue's flag makes it the only one), so no lock per record.
                foreach (var pending in batch)
                {
                    EnsureFile(pending.Response.Length + pending.Request.Length);
                    pending.Position = new WarcPosition(fileName!, file!.Position, pending.Id);
                    file.Write(pending.Response.Span);
                    file.Write(pending.Request.Span);
                    written++;
                }

                file!.Flush();
            }
            catch (Exception e)
            {
                failure = e;
            }

            lock (gate)
            {
                for (var i = 0; i < written && failure is null; i++)
                {
                    positions[batch[i].Id] = batch[i].Position!;
                }
            }

            foreach (var pending in batch)
            {
                pending.Response.Dispose();
                pending.Request.Dispose();
                if (failure is not null)
                {
                    pending.Done.TrySetException(failure);
                }
                else
                {
                    pending.Done.TrySetResult(pending.Evidence with { Warc = pending.Position!.File });
                }
            }

            batch.Clear();
        }
    }

    /// <summary>The position of a record written by this writer (for the report's links into the archive).</summary>
    public WarcPosition? PositionOf(string recordId)
    {
        lock (gate)
        {
            return positions.GetValueOrDefault(recordId);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            file?.Flush(true);
            file?.Dispose();
            file = null;
        }
    }

    private void EnsureFile(long incoming)
    {
        if (file is not null && file.Position + incoming <= maxFileBytes)
        {
            return;
        }

        if (file is not null && file.Position == 0)
        {
            return;
        }

        file?.Flush(true);
        file?.Dispose();
        sequence++;
        fileName = $"{prefix}-{clock.GetUtcNow():yyyyMMddHHmmss}-{Environment.ProcessId}-{sequence:00000}.warc.gz";
        file = new FileStream(Path.Combine(directory, fileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024);
        Files.Add(fileName);
        warcinfoId = RecordIds.Next();
        var info = Encoding.UTF8.GetBytes(
            $"software: GovEval/{Fetching.UserAgent.Version}\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\nrobots: obey\r\n");
        using var record = new Fetching.PooledBuffer(info.Length + 1024);
        using var header = new Fetching.PooledBuffer(512);
        RecordHeader.Start(header, "warcinfo", warcinfoId, Date(clock.GetUtcNow()), null, null);
        RecordHeader.Field(header, "WARC-Filename", fileName);
        RecordHeader.End(header, "application/warc-fields", info.Length);
        StoredGzip.Write(record, header.Span, info, [], RecordEnd);
        file.Write(record.Span);
        file.Flush();
    }

    private sealed class Pending(string id, Fetching.PooledBuffer response, Fetching.PooledBuffer request, Evidence evidence)
    {
        public string Id { get; } = id;
        public Fetching.PooledBuffer Response { get; } = response;
        public Fetching.PooledBuffer Request { get; } = request;
        public Evidence Evidence { get; } = evidence;
        public WarcPosition? Position { get; set; }
        public TaskCompletionSource<Evidence> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
