using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GovEval.Core.Observations;

namespace GovEval.Collect.Warc;

/// <summary>Where a record landed: the file (name only), the byte offset of its gzip member and its id.</summary>
public sealed record WarcPosition(string File, long Offset, string RecordId);

/// <summary>
/// Writes WARC/1.1 files: a warcinfo record first, then request and response records, each its own gzip member
/// (so readers can seek to one record), rotated by size. One writer thread digests, compresses and writes the
/// exchanges in the order they were handed over, and flushes once for every batch that queued meanwhile; a write
/// completes only once its records have been flushed to the operating system, so a kill -9 loses at most the
/// records being written, whose evidence was never returned. One thread with warm caches did this for a third of
/// the CPU that every fetching thread spent on it in turn.
/// </summary>
public sealed class WarcWriter : IDisposable
{
    private readonly object gate = new();
    private readonly string directory;
    private readonly string prefix;
    private readonly long maxFileBytes;
    private readonly TimeProvider clock;
    // Record id -> (index into Files, offset): a crawl keeps one entry per page, so no object per entry.
    private readonly Dictionary<string, (int File, long Offset)> positions = new(StringComparer.Ordinal);
    private readonly List<Exchange> queue = [];
    private readonly Thread writer;
    // One reused digest context per use: a one-shot hash creates and frees an OpenSSL context every call (a fifth
    // of OpenSSL's share of a crawl's CPU).
    private readonly IncrementalHash blockHasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash payloadHasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash requestHasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private FileStream? file;
    private string? fileName;
    private string? warcinfoId;
    private int sequence;
    private bool closing;
    private long dateSecond;
    private string? dateText;

    // Bytes of the current file handed to a background sync so far, and that sync.
    private const long SyncEvery = 16L << 20;
    private long syncedTo;
    private Task syncing = Task.CompletedTask;

    // Written batches whose pool item has not completed them all yet.
    private readonly HashSet<List<Exchange>> handing = new(ReferenceEqualityComparer.Instance);

    // Each record ends with two CRLFs after its block (WARC 1.1, 4).
    private static ReadOnlySpan<byte> RecordEnd => "\r\n\r\n"u8;

    public WarcWriter(string directory, string prefix = "goveval", long maxFileBytes = 1L << 30, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(directory);
        this.directory = directory;
        this.prefix = prefix;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock ?? TimeProvider.System;
        writer = new Thread(Run) { IsBackground = true, Name = "WARC writer" };
        writer.Start();
    }

    public string DirectoryPath => directory;

    /// <summary>Files written so far (names relative to <see cref="DirectoryPath"/>).</summary>
    public List<string> Files { get; } = [];

    /// <summary>Archives one HTTP exchange; returns the evidence (response record id, payload sha256 hex).</summary>
    /// <remarks>
    /// The calling thread waits, and the writer thread itself releases it: a caller on a pool thread never waits for
    /// another pool thread (200 of them writing at once starved the pool for two minutes).
    /// </remarks>
    public Evidence WriteExchange(string targetUri, string? ipAddress, ReadOnlySpan<byte> requestBlock, ReadOnlySpan<byte> responseHead, ReadOnlySpan<byte> payload, DateTimeOffset capturedAt, bool truncated = false) =>
        Enqueue(new Exchange(targetUri, ipAddress, requestBlock.ToArray(), responseHead.ToArray(), payload.ToArray(), capturedAt, truncated, encoded: false, blocking: true))
            .GetAwaiter().GetResult();

    /// <summary>
    /// Archives one HTTP exchange. The buffers are read by the writer thread: they must stay unchanged until the
    /// task completes, which it does once the records have been handed to the operating system.
    /// <paramref name="encoded"/>: the payload is as sent under a Content-Encoding (gzip, br): already compressed,
    /// so it is stored, not run through the compressor for nothing.
    /// </summary>
    public ValueTask<Evidence> WriteExchangeAsync(string targetUri, string? ipAddress, ReadOnlyMemory<byte> requestBlock, ReadOnlyMemory<byte> responseHead, ReadOnlyMemory<byte> payload, DateTimeOffset capturedAt, bool truncated = false, bool encoded = false) =>
        new(Enqueue(new Exchange(targetUri, ipAddress, requestBlock, responseHead, payload, capturedAt, truncated, encoded, blocking: false)));

    private Task<Evidence> Enqueue(Exchange exchange)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closing, this);
            queue.Add(exchange);
            if (queue.Count == 1)
            {
                Monitor.Pulse(gate);
            }
        }

        return exchange.Done.Task;
    }

    /// <summary>The position of a record written by this writer (for the report's links into the archive).</summary>
    public WarcPosition? PositionOf(string recordId)
    {
        lock (gate)
        {
            return positions.TryGetValue(recordId, out var at) ? new WarcPosition(Files[at.File], at.Offset, recordId) : null;
        }
    }

    /// <summary>Writes what was handed over, then closes the file (flushed to disk).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (closing)
            {
                return;
            }

            closing = true;
            Monitor.Pulse(gate);
        }

        writer.Join();

        // Every exchange handed over has its evidence (or its failure) once Dispose returns: batches whose pool item
        // has not run yet are completed here. Not waited for: a continuation that item runs may be what disposes.
        List<List<Exchange>> left;
        lock (gate)
        {
            left = [.. handing];
        }

        foreach (var batch in left)
        {
            batch.ForEach(exchange => exchange.Complete());
        }

        syncing.Wait();
        file?.Flush(true);
        file?.Dispose();
        file = null;
        blockHasher.Dispose();
        payloadHasher.Dispose();
        requestHasher.Dispose();
    }

    private void Run()
    {
        // The first file and its warcinfo are written at once, while the first fetches are still under way: its
        // digest and compression load and compile what every record needs, off the first fetch's path.
        try
        {
            EnsureFile(0);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not fatal here: the first exchange tries again and fails with the reason.
        }

        var batch = new List<Exchange>();
        while (true)
        {
            lock (gate)
            {
                while (queue.Count == 0 && !closing)
                {
                    Monitor.Wait(gate);
                }

                if (queue.Count == 0)
                {
                    return;
                }

                batch.AddRange(queue);
                queue.Clear();
            }

            Write(batch);
            batch.Clear();
        }
    }

    private void Write(List<Exchange> batch)
    {
        foreach (var exchange in batch)
        {
            try
            {
                Write(exchange);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // This exchange fails; the thread goes on, or every later writer would wait for ever.
                exchange.Failure = e;
            }
        }

        try
        {
            file?.Flush();
            lock (gate)
            {
                foreach (var exchange in batch.Where(e => e.Failure is null))
                {
                    positions[exchange.ResponseId] = exchange.Position;
                }
            }

            SyncInBackground();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            batch.ForEach(exchange => exchange.Failure ??= e);
        }

        // A blocked caller only needs waking, which this thread does. One thread-pool item completes the rest and
        // runs the waiting fetches' continuations one after another: not on this thread (it would compress nothing
        // meanwhile), and not as a wake-up of a pool thread per record.
        var awaited = new List<Exchange>(batch.Count);
        foreach (var exchange in batch)
        {
            if (exchange.Blocking)
            {
                exchange.Complete();
            }
            else
            {
                awaited.Add(exchange);
            }
        }

        if (awaited.Count > 0)
        {
            lock (gate)
            {
                handing.Add(awaited);
            }

            ThreadPool.UnsafeQueueUserWorkItem(static work =>
            {
                foreach (var exchange in work.Done)
                {
                    exchange.Complete();
                }

                lock (work.Writer.gate)
                {
                    work.Writer.handing.Remove(work.Done);
                }
            }, (Writer: this, Done: awaited), preferLocal: false);
        }
    }

    /// <summary>Digests, compresses and writes one exchange's response and request records (not yet flushed).</summary>
    private void Write(Exchange exchange)
    {
        var requestBlock = exchange.RequestBlock.Span;
        var responseHead = exchange.ResponseHead.Span;
        var payload = exchange.Payload.Span;
        Span<byte> payloadHash = stackalloc byte[32];
        Span<byte> blockHash = stackalloc byte[32];
        Span<byte> requestHash = stackalloc byte[32];
        payloadHasher.AppendData(payload);
        payloadHasher.GetHashAndReset(payloadHash);
        blockHasher.AppendData(responseHead);
        blockHasher.AppendData(payload);
        blockHasher.GetHashAndReset(blockHash);
        requestHasher.AppendData(requestBlock);
        requestHasher.GetHashAndReset(requestHash);

        var date = RecordDate(exchange.CapturedAt);
        var requestId = RecordIds.Next();
        using var response = new Fetching.PooledBuffer(responseHead.Length + payload.Length / 2 + 1024);
        using var request = new Fetching.PooledBuffer(requestBlock.Length + 1024);
        using var header = new Fetching.PooledBuffer(1024);
        EnsureFile(responseHead.Length + payload.Length + requestBlock.Length + 4096);
        RecordHeader.Start(header, "response", exchange.ResponseId, date, exchange.TargetUri, warcinfoId);
        RecordHeader.Digest(header, "WARC-Payload-Digest", payloadHash);
        RecordHeader.Digest(header, "WARC-Block-Digest", blockHash);
        if (exchange.IpAddress is not null)
        {
            RecordHeader.Field(header, "WARC-IP-Address", exchange.IpAddress);
        }

        if (exchange.Truncated)
        {
            RecordHeader.Field(header, "WARC-Truncated", "length");
        }

        RecordHeader.End(header, "application/http;msgtype=response", responseHead.Length + payload.Length);
        if (responseHead.Length + payload.Length < 512 || exchange.Encoded)
        {
            StoredGzip.Write(response, header.Span, responseHead, payload, RecordEnd);
        }
        else
        {
            GzipMember.Write(response, header.Span, responseHead, payload, RecordEnd);
        }

        header.Clear();
        RecordHeader.Start(header, "request", requestId, date, exchange.TargetUri, warcinfoId);
        RecordHeader.Field(header, "WARC-Concurrent-To", exchange.ResponseId, angled: true);
        RecordHeader.Digest(header, "WARC-Block-Digest", requestHash);
        RecordHeader.End(header, "application/http;msgtype=request", requestBlock.Length);
        StoredGzip.Write(request, header.Span, requestBlock, [], RecordEnd);

        var offset = file!.Position;
        file.Write(response.Span);
        file.Write(request.Span);
        exchange.Position = (sequence - 1, offset);
        exchange.Evidence = new Evidence(fileName!, exchange.ResponseId, Convert.ToHexStringLower(payloadHash), exchange.CapturedAt) { Offset = offset };
    }

    /// <summary>
    /// Every <see cref="SyncEvery"/> bytes, has the operating system write the file to disk on a thread of its own while
    /// records go on being appended: the evidence of a long crawl becomes durable as it goes, and closing the file
    /// only waits for its last part.
    /// </summary>
    private void SyncInBackground()
    {
        if (file is null || file.Position - syncedTo < SyncEvery || !syncing.IsCompleted)
        {
            return;
        }

        syncedTo = file.Position;
        var handle = file.SafeFileHandle;
        // Its own thread, not a pool item: the writer thread waits for it before rotating, and must not depend on a
        // pool that blocked writers may be holding.
        syncing = Task.Factory.StartNew(static handle =>
        {
            try
            {
                RandomAccess.FlushToDisk((Microsoft.Win32.SafeHandles.SafeFileHandle)handle!);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The flush that closes the file reports a failing disk; this one only started early.
            }
        }, handle, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void EnsureFile(long incoming)
    {
        if (file is not null && (file.Position + incoming <= maxFileBytes || file.Position == 0))
        {
            return;
        }

        syncing.Wait();
        file?.Flush(true);
        file?.Dispose();
        sequence++;
        fileName = $"{prefix}-{clock.GetUtcNow():yyyyMMddHHmmss}-{Environment.ProcessId}-{sequence:00000}.warc.gz";
        file = new FileStream(Path.Combine(directory, fileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024);
        syncedTo = 0;
        lock (gate)
        {
            Files.Add(fileName);
        }

        warcinfoId = RecordIds.Next();
        var info = Encoding.UTF8.GetBytes(
            $"software: GovEval/{Fetching.UserAgent.Version}\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\nrobots: obey\r\n");
        using var record = new Fetching.PooledBuffer(info.Length + 1024);
        using var header = new Fetching.PooledBuffer(512);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(info, digest);
        RecordHeader.Start(header, "warcinfo", warcinfoId, Date(clock.GetUtcNow()), null, null);
        RecordHeader.Field(header, "WARC-Filename", fileName);
        RecordHeader.Digest(header, "WARC-Block-Digest", digest);
        RecordHeader.End(header, "application/warc-fields", info.Length);
        GzipMember.Write(record, header.Span, info, [], RecordEnd);
        file.Write(record.Span);
        file.Flush();
    }

    private sealed class Exchange(string targetUri, string? ipAddress, ReadOnlyMemory<byte> requestBlock, ReadOnlyMemory<byte> responseHead,
        ReadOnlyMemory<byte> payload, DateTimeOffset capturedAt, bool truncated, bool encoded, bool blocking)
    {
        public string ResponseId { get; } = RecordIds.Next();
        public string TargetUri { get; } = targetUri;
        public string? IpAddress { get; } = ipAddress;
        public ReadOnlyMemory<byte> RequestBlock { get; } = requestBlock;
        public ReadOnlyMemory<byte> ResponseHead { get; } = responseHead;
        public ReadOnlyMemory<byte> Payload { get; } = payload;
        public DateTimeOffset CapturedAt { get; } = capturedAt;
        public bool Truncated { get; } = truncated;
        public bool Encoded { get; } = encoded;
        public bool Blocking { get; } = blocking;
        public TaskCompletionSource<Evidence> Done { get; } = new();

        // Set by the writer thread: where the response record landed and its evidence, or why it was not written.
        public (int File, long Offset) Position { get; set; }
        public Evidence? Evidence { get; set; }
        public Exception? Failure { get; set; }

        public void Complete()
        {
            if (Failure is not null)
            {
                Done.TrySetException(Failure);
            }
            else
            {
                Done.TrySetResult(Evidence!);
            }
        }
    }

    // WARC-Date has whole seconds, and a crawl writes hundreds of records a second: formatted once per second.
    private string RecordDate(DateTimeOffset at)
    {
        var second = at.UtcTicks / TimeSpan.TicksPerSecond;
        if (second != dateSecond || dateText is null)
        {
            dateSecond = second;
            dateText = Date(at);
        }

        return dateText;
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
