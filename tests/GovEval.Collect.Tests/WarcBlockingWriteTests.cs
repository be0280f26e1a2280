using GovEval.Collect.Tests.Support;
using GovEval.Collect.Warc;

namespace GovEval.Collect.Tests;

/// <summary>The archive writer with every thread of the pool busy: what it promises does not wait for a pool thread.</summary>
[Collection(ThreadPoolCapCollection.Name)]
public sealed class WarcBlockingWriteTests
{
    [Fact]
    public void A_blocking_write_from_a_saturated_pool_returns()
    {
        // Before the fix the writer thread handed the wake-up of a blocked caller to a pool item: with the pool
        // full of blocked callers nobody ran it (in the suite, 200 writers starved the process for two minutes).
        using var folder = new TempFolder();
        using var warc = new WarcWriter(folder.Path);
        var written = new ManualResetEventSlim();
        Exception? failure = null;
        using (new SaturatedPool(() =>
        {
            try
            {
                warc.WriteExchange("http://a.gov.cn/busy.html", null, "GET /busy.html HTTP/1.1\r\n\r\n"u8, "HTTP/1.1 200 OK\r\n\r\n"u8, "<p>x</p>"u8, DateTimeOffset.UnixEpoch);
            }
            catch (Exception e)
            {
                failure = e;
            }

            written.Set();
        }))
        {
            Assert.True(written.Wait(TimeSpan.FromSeconds(30)), "the write never returned");
        }

        Assert.Null(failure);
    }

    [Fact]
    public void A_rotation_after_a_background_sync_goes_on_while_the_pool_is_full()
    {
        // 24 MiB cross the 16 MiB background sync, then the 20 MiB rotation waits for that sync: the sync must not
        // need a pool thread, or the writer thread waits for ever.
        using var folder = new TempFolder();
        using var warc = new WarcWriter(folder.Path, maxFileBytes: 20L << 20);
        var payload = new byte[1 << 20];
        Random.Shared.NextBytes(payload);
        var written = new ManualResetEventSlim();
        Exception? failure = null;
        using (new SaturatedPool(() =>
        {
            try
            {
                for (var i = 0; i < 24; i++)
                {
                    warc.WriteExchange($"http://a.gov.cn/{i}.pdf", null, "GET / HTTP/1.1\r\n\r\n"u8, "HTTP/1.1 200 OK\r\n\r\n"u8, payload, DateTimeOffset.UnixEpoch);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }

            written.Set();
        }))
        {
            Assert.True(written.Wait(TimeSpan.FromSeconds(30)), "the writes never returned");
        }

        Assert.Null(failure);
        Assert.Equal(2, warc.Files.Count);
    }

    [Fact]
    public void Dispose_hands_every_write_its_evidence_while_the_pool_is_full()
    {
        // Written batches are completed by a pool item; with none free, Dispose completes them itself (waiting for
        // the item instead could wait for ever: the continuation it runs may be the one disposing).
        using var folder = new TempFolder();
        var warc = new WarcWriter(folder.Path);
        using (new SaturatedPool())
        {
            var pending = Enumerable.Range(0, 20).Select(i => warc.WriteExchangeAsync($"http://a.gov.cn/{i}.html", null,
                "GET / HTTP/1.1\r\n\r\n"u8.ToArray(), "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray(), new byte[100 + i], DateTimeOffset.UnixEpoch).AsTask()).ToList();
            warc.Dispose();
            Assert.All(pending, t => Assert.True(t.IsCompletedSuccessfully));
        }
    }

    [Fact]
    public async Task Disposing_from_the_continuation_of_a_write_returns()
    {
        using var folder = new TempFolder();
        var warc = new WarcWriter(folder.Path);
        var disposed = warc.WriteExchangeAsync("http://a.gov.cn/last.html", null, "GET / HTTP/1.1\r\n\r\n"u8.ToArray(), "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray(),
            new byte[100], DateTimeOffset.UnixEpoch).AsTask().ContinueWith(_ => warc.Dispose(), TaskContinuationOptions.ExecuteSynchronously);
        Assert.Same(disposed, await Task.WhenAny(disposed, Task.Delay(TimeSpan.FromSeconds(30))));
        await disposed;
    }
}
