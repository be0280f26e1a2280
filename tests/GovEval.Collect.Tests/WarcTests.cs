using System.IO.Compression;
using System.Security.Cryptography;
using GovEval.Collect.Tests.Support;
using GovEval.Collect.Warc;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

[Collection(LiveSandboxCollection.Name)]
public sealed class WarcTests(LiveSandbox live)
{
    [Fact]
    public async Task Fetched_pages_round_trip_and_their_digests_verify()
    {
        using var folder = new TempFolder();
        var directory = folder.Path;
        var site = live.Sites(s => s.Https == Sandbox.Sites.HttpsMode.Good).First();
        Evidence evidence;
        byte[] body;
        WarcPosition position;
        string userAgent;
        using (var warc = new WarcWriter(directory))
        using (var fetcher = live.Fetcher(o => new Fetching.FetchOptions { ConnectTo = o.ConnectTo, ExtraRootsPem = o.ExtraRootsPem, Politeness = false, Warc = warc }))
        {
            var result = await fetcher.GetAsync(site.Url("/"));
            Assert.Equal(FetchStatus.Ok, result.Outcome.Status);
            evidence = result.Outcome.Evidence!;
            body = result.Body.ToArray();
            position = warc.PositionOf(evidence.Record)!;
            userAgent = fetcher.UserAgentString;
        }

        var file = Path.Combine(directory, evidence.Warc);
        var records = WarcReader.ReadAll(file).ToList();
        Assert.Equal("warcinfo", records[0].Type);
        Assert.Equal("sha256:" + Base32.Encode(SHA256.HashData(records[0].Block)), records[0]["WARC-Block-Digest"]);
        // The request record holds the request line, Host and the headers every request sends, in that order.
        var request = records.Single(r => r.Type == "request" && r["WARC-Concurrent-To"]?.Trim('<', '>') == evidence.Record);
        var host = new Uri(site.Url("/")).Authority;
        Assert.Equal(
            $"GET / HTTP/1.1\r\nHost: {host}\r\nUser-Agent: {userAgent}\r\nAccept: text/html,application/xhtml+xml,*/*;q=0.8\r\n"
            + "Accept-Encoding: gzip, deflate, br\r\nAccept-Language: zh-CN,zh;q=0.9\r\n\r\n",
            System.Text.Encoding.UTF8.GetString(request.Block));
        var response = WarcReader.Find(directory, evidence.Record)!;
        Assert.Equal("response", response.Type);
        Assert.Equal(200, response.HttpStatus);
        Assert.Equal(evidence.Sha256, Convert.ToHexStringLower(SHA256.HashData(response.Payload.Span)));
        Assert.Equal("sha256:" + Base32.Encode(SHA256.HashData(response.Payload.Span)), response["WARC-Payload-Digest"]);
        Assert.Equal("sha256:" + Base32.Encode(SHA256.HashData(response.Block)), response["WARC-Block-Digest"]);
        Assert.StartsWith("urn:uuid:", response.RecordId);
        Assert.NotNull(response["WARC-Date"]);
        Assert.Equal(site.Url("/"), response.TargetUri);

        // The payload is stored as sent (maybe compressed); decoded it is the page we read.
        var encoding = response.HttpHead.Contains("Content-Encoding: gzip", StringComparison.OrdinalIgnoreCase);
        var payload = encoding ? Inflate(response.Payload.ToArray()) : response.Payload.ToArray();
        Assert.Equal(body, payload);

        // Each record is its own gzip member: a reader can start at the response's offset.
        Assert.Equal(evidence.Record, WarcReader.ReadAt(file, position.Offset)!.RecordId);
    }

    [Fact]
    public void A_writer_opens_its_file_with_a_warcinfo_record_before_any_exchange()
    {
        using var folder = new TempFolder();
        string name;
        using (var warc = new WarcWriter(folder.Path, "probe"))
        {
            // The writer thread opens the file on its own; wait for it rather than for an exchange.
            Assert.True(SpinWait.SpinUntil(() => warc.Files.Count == 1, TimeSpan.FromSeconds(10)));
            name = warc.Files[0];
        }

        var records = WarcReader.ReadAll(Path.Combine(folder.Path, name)).ToList();
        var info = Assert.Single(records);
        Assert.Equal("warcinfo", info.Type);
        Assert.Equal(name, info["WARC-Filename"]);
        Assert.Contains("format: WARC File Format 1.1", System.Text.Encoding.UTF8.GetString(info.Block));
        Assert.Equal("sha256:" + Base32.Encode(SHA256.HashData(info.Block)), info["WARC-Block-Digest"]);
    }

    [Fact]
    public void Files_rotate_by_size_and_concurrent_writers_interleave_whole_records()
    {
        using var folder = new TempFolder();
        var directory = folder.Path;
        using (var warc = new WarcWriter(directory, maxFileBytes: 64 * 1024))
        {
            Parallel.For(0, 200, i =>
            {
                var payload = RandomNumberGenerator.GetBytes(2000);
                warc.WriteExchange($"http://a.gov.cn/{i}.html", null, "GET / HTTP/1.1\r\n\r\n"u8, "HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n"u8, payload, DateTimeOffset.UnixEpoch);
            });
            Assert.True(warc.Files.Count > 2);
        }

        var responses = Directory.GetFiles(directory).SelectMany(WarcReader.ReadAll).Where(r => r.Type == "response").ToList();
        Assert.Equal(200, responses.Count);
        Assert.All(responses, r => Assert.Equal("sha256:" + Base32.Encode(SHA256.HashData(r.Block)), r["WARC-Block-Digest"]));
    }

    [Fact]
    public void Records_past_the_background_sync_interval_and_a_rotation_read_back_whole_with_their_own_dates()
    {
        // 48 MiB in 1 MiB payloads (stored: random bytes do not compress) cross the 16 MiB background sync several
        // times and the 40 MiB rotation once, while the writer keeps appending.
        using var folder = new TempFolder();
        var directory = folder.Path;
        var payloads = Enumerable.Range(0, 48).Select(_ => RandomNumberGenerator.GetBytes(1 << 20)).ToArray();
        var at = Enumerable.Range(0, 48).Select(i => DateTimeOffset.UnixEpoch.AddSeconds(i / 5)).ToArray();
        using (var warc = new WarcWriter(directory, maxFileBytes: 40L << 20))
        {
            for (var i = 0; i < payloads.Length; i++)
            {
                warc.WriteExchange($"http://a.gov.cn/{i}.pdf", null, "GET / HTTP/1.1\r\n\r\n"u8, "HTTP/1.1 200 OK\r\n\r\n"u8, payloads[i], at[i]);
            }

            Assert.Equal(2, warc.Files.Count);
        }

        var responses = Directory.GetFiles(directory).SelectMany(WarcReader.ReadAll).Where(r => r.Type == "response")
            .ToDictionary(r => int.Parse(r.TargetUri!.Split('/')[^1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(48, responses.Count);
        for (var i = 0; i < payloads.Length; i++)
        {
            Assert.Equal(payloads[i], responses[i].Payload.ToArray());
            Assert.Equal(at[i].UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), responses[i]["WARC-Date"]);
        }
    }

    [Fact]
    public async Task Concurrent_async_writers_get_evidence_that_points_at_their_own_records()
    {
        using var folder = new TempFolder();
        var directory = folder.Path;
        var evidence = new Evidence[300];
        var payloads = new byte[300][];
        using (var warc = new WarcWriter(directory, maxFileBytes: 64 * 1024))
        {
            await Parallel.ForAsync(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                payloads[i] = RandomNumberGenerator.GetBytes(500 + i * 7);
                evidence[i] = await warc.WriteExchangeAsync($"http://a.gov.cn/{i}.html", null, "GET / HTTP/1.1\r\n\r\n"u8.ToArray(), "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray(), payloads[i], DateTimeOffset.UnixEpoch);
                var position = warc.PositionOf(evidence[i].Record);
                Assert.NotNull(position);
                Assert.Equal(evidence[i].Warc, position.File);
            });
            Assert.True(warc.Files.Count > 2);

            for (var i = 0; i < 300; i++)
            {
                var position = warc.PositionOf(evidence[i].Record)!;
                var record = WarcReader.ReadAt(Path.Combine(directory, position.File), position.Offset)!;
                Assert.Equal(evidence[i].Record, record["WARC-Record-ID"]!.Trim('<', '>'));
                Assert.Equal($"http://a.gov.cn/{i}.html", record["WARC-Target-URI"]);
                Assert.Equal(payloads[i], record.Payload.ToArray());
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(payloads[i])), evidence[i].Sha256);
            }
        }

        var all = Directory.GetFiles(directory).SelectMany(WarcReader.ReadAll).ToList();
        Assert.Equal(300, all.Count(r => r.Type == "response"));
        Assert.Equal(300, all.Count(r => r.Type == "request"));
    }

    [Fact]
    public async Task A_payload_sent_compressed_is_stored_as_is_and_still_reads_back()
    {
        using var folder = new TempFolder();
        var payload = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<li><a href=\"/a.html\">政务公开</a></li>", 400)));
        Evidence plain, encoded;
        long plainAt, encodedAt;
        using (var warc = new WarcWriter(folder.Path))
        {
            plain = await warc.WriteExchangeAsync("http://a.gov.cn/plain", null, "GET / HTTP/1.1\r\n\r\n"u8.ToArray(), "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray(), payload, DateTimeOffset.UnixEpoch);
            encoded = await warc.WriteExchangeAsync("http://a.gov.cn/encoded", null, "GET / HTTP/1.1\r\n\r\n"u8.ToArray(), "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n"u8.ToArray(), payload, DateTimeOffset.UnixEpoch, encoded: true);
            plainAt = warc.PositionOf(plain.Record)!.Offset;
            encodedAt = warc.PositionOf(encoded.Record)!.Offset;
        }

        var file = Path.Combine(folder.Path, plain.Warc);
        var records = WarcReader.ReadAll(file).Where(r => r.Type == "response").ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(payload, r.Payload.ToArray()));

        // The repeated markup compresses to a fraction in the plain exchange (its response and request records lie
        // between the two offsets); the encoded response is stored whole.
        Assert.True(encodedAt - plainAt < payload.Length / 4, $"plain exchange: {encodedAt - plainAt} bytes");
        Assert.True(new FileInfo(file).Length - encodedAt > payload.Length, $"encoded exchange: {new FileInfo(file).Length - encodedAt} bytes");
    }

    [Fact]
    public async Task Disposing_writes_what_was_handed_over_and_refuses_more()
    {
        using var folder = new TempFolder();
        var directory = folder.Path;
        var warc = new WarcWriter(directory);
        var pending = Enumerable.Range(0, 200).Select(i => warc.WriteExchangeAsync($"http://a.gov.cn/{i}.html", null,
            "GET / HTTP/1.1\r\n\r\n"u8.ToArray(), "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray(), new byte[1000 + i], DateTimeOffset.UnixEpoch).AsTask()).ToList();
        warc.Dispose();

        // Every exchange handed over before Dispose is on disk and its evidence returned, none is lost.
        Assert.All(pending, t => Assert.True(t.IsCompletedSuccessfully));
        var evidence = await Task.WhenAll(pending);
        var responses = Directory.GetFiles(directory).SelectMany(WarcReader.ReadAll).Where(r => r.Type == "response").ToList();
        Assert.Equal(evidence.Select(e => e.Record).Order(), responses.Select(r => r.RecordId).Order());
        Assert.Throws<ObjectDisposedException>(() => warc.WriteExchange("http://a.gov.cn/late.html", null, [], [], [], DateTimeOffset.UnixEpoch));
    }

    private static byte[] Inflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress))
        {
            gzip.CopyTo(output);
        }

        return output.ToArray();
    }
}

public sealed class StoredGzipTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(65535)]
    [InlineData(200_000)]
    public void Stored_members_are_valid_gzip(int size)
    {
        var block = System.Security.Cryptography.RandomNumberGenerator.GetBytes(size);
        using var output = new Fetching.PooledBuffer();
        StoredGzip.Write(output, "WARC/1.1\r\n\r\n"u8, block, [], "\r\n\r\n"u8);
        using var gzip = new GZipStream(new MemoryStream(output.ToArray()), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);
        Assert.Equal([.. "WARC/1.1\r\n\r\n"u8, .. block, .. "\r\n\r\n"u8], inflated.ToArray());
    }
}

public sealed class GzipMemberTests
{
    [Fact]
    public void Members_decode_each_on_its_own_and_shrink_pages()
    {
        var random = new Random(5);
        var texts = Enumerable.Range(0, 60).Select(i => System.Text.Encoding.UTF8.GetBytes(
            string.Concat(Enumerable.Repeat($"<li><a href=\"/p/{i}.html\">关于进一步加强政务公开工作的通知 {random.Next()}</a></li>\n", 1 + random.Next(400))))).ToList();
        texts.Add(System.Security.Cryptography.RandomNumberGenerator.GetBytes(300_000));
        texts.Add(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        texts.Add([]);
        texts.Add(new byte[2_000_000]);
        texts.Add([.. Enumerable.Range(0, 200_000).Select(i => (byte)(i % 7 == 0 ? random.Next(256) : i % 251))]);
        var members = new List<byte[]>();
        foreach (var text in texts)
        {
            using var output = new Fetching.PooledBuffer(64);
            GzipMember.Write(output, "WARC/1.1\r\n"u8, "HTTP/1.1 200 OK\r\n\r\n"u8, text, "\r\n\r\n"u8);
            members.Add(output.ToArray());
        }

        // Any member alone, in any order: none refers back to an earlier record's data.
        foreach (var k in Enumerable.Range(0, texts.Count).OrderBy(_ => random.Next()))
        {
            Assert.Equal([.. "WARC/1.1\r\nHTTP/1.1 200 OK\r\n\r\n"u8, .. texts[k], .. "\r\n\r\n"u8], Inflate(members[k]));
        }

        // Compressed for real where it can be: pages shrink, random bytes grow by a few bytes at most.
        Assert.True(members[10].Length < texts[10].Length / 4 + 100, $"{members[10].Length} of {texts[10].Length}");
        Assert.True(members[60].Length < texts[60].Length + 100);
        Assert.True(members[63].Length < 30_000);
        Assert.Equal(texts.Sum(t => t.Length + 33), Inflate([.. members.SelectMany(m => m)]).Length);
    }

    [Fact]
    public void Matches_at_the_window_and_length_limits_decode()
    {
        // A 40 KB random block repeated: matches reach back exactly 32,768 bytes and beyond (not allowed), and
        // long runs give 258-byte matches overlapping their own source.
        var block = System.Security.Cryptography.RandomNumberGenerator.GetBytes(40_000);
        var window = new byte[32_768 + 1000];
        block.AsSpan(0, 1000).CopyTo(window);
        block.AsSpan(0, 1000).CopyTo(window.AsSpan(32_768));
        foreach (var text in new[] { [.. block, .. block], window, new byte[100_000], [.. Enumerable.Repeat((byte)'a', 259), (byte)'b', .. Enumerable.Repeat((byte)'a', 600)] })
        {
            using var output = new Fetching.PooledBuffer(64);
            GzipMember.Write(output, [], [], text, []);
            Assert.Equal(text, Inflate(output.ToArray()));
        }
    }

    private static byte[] Inflate(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
