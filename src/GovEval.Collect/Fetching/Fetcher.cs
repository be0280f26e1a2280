using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using GovEval.Core.Observations;

namespace GovEval.Collect.Fetching;

/// <summary>
/// Fetches one URL the way an assessor must: every redirect hop recorded, our own decompression with limits,
/// a total timeout per request, politeness and robots.txt per host, retries for transient faults only, TLS
/// validated against system and extra roots, each response archived, and a status for every outcome.
/// Thread-safe; one instance serves many sites at once.
/// </summary>
public sealed class Fetcher : IDisposable
{
    private readonly FetchOptions options;
    private readonly HttpMessageInvoker client;
    private readonly HostPoliteness politeness;
    private readonly CertificateValidator certificates;
    private readonly ConcurrentDictionary<string, string> certificateProblems = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsVerdictSource>>> robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly string userAgent;

    // The headers every request sends, and the same lines as the WARC request record keeps them: written once
    // here rather than read back from each request's header collection.
    private readonly KeyValuePair<string, string>[] requestHeaders;
    private readonly byte[] requestHeaderLines;

    public Fetcher(FetchOptions? options = null)
    {
        this.options = options ?? new FetchOptions();
        userAgent = UserAgent.For(this.options.Contact);
        requestHeaders =
        [
            new("User-Agent", userAgent),
            new("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
            new("Accept-Encoding", "gzip, deflate, br"),
            new("Accept-Language", "zh-CN,zh;q=0.9"),
        ];
        requestHeaderLines = HttpHeads.Lines(requestHeaders);
        certificates = new CertificateValidator(this.options.ExtraRootsPem, this.options.Clock);
        // Without our own politeness the pacing still honours what hosts ask for (Retry-After, 429).
        politeness = this.options.Politeness
            ? new HostPoliteness(this.options.MaxConcurrencyPerHost, this.options.MinimumInterval, this.options.Clock, RateLimitedInterval(this.options), this.options.MaxRetryAfter)
            : new HostPoliteness(0, TimeSpan.Zero, this.options.Clock, RateLimitedInterval(this.options), this.options.MaxRetryAfter);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            MaxConnectionsPerServer = this.options.MaxConnectionsPerServer,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20),
            ConnectTimeout = this.options.Timeout,
            ConnectCallback = ConnectAsync,
            EnableMultipleHttp2Connections = true,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = ValidateCertificate,
            },
        };
        client = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public FetchOptions Options => options;

    /// <summary>The spacing of request starts to a host now: our politeness, widened when the host answered 429.</summary>
    public TimeSpan IntervalOf(string host) => politeness.IntervalOf(host);

    private static TimeSpan RateLimitedInterval(FetchOptions options) =>
        options.MinimumInterval > TimeSpan.Zero ? options.MinimumInterval : TimeSpan.FromMilliseconds(250);

    public string UserAgentString => userAgent;

    /// <summary>The certificate problem last seen for a host (null when its certificate was valid or never seen).</summary>
    public string? CertificateProblemOf(string host) => certificateProblems.GetValueOrDefault(host);

    public Task<FetchResult> GetAsync(string url, CancellationToken cancel = default) => FetchAsync(url, FetchRequest.Get, cancel);

    public async Task<FetchResult> FetchAsync(string url, FetchRequest request, CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        List<Redirect>? redirects = null;
        HashSet<string>? seen = null;
        var current = url;
        var method = request.Method;
        var form = request.Form;
        try
        {
            for (var hop = 0; ; hop++)
            {
                var checkedFirst = hop == 0 ? request.First : null;
                Uri? uri = checkedFirst;
                if (uri is null && !Uri.TryCreate(current, UriKind.Absolute, out uri) || uri!.Scheme is not ("http" or "https"))
                {
                    return Failed(url, FetchStatus.Skipped, null, Hops(redirects), watch, $"not an http(s) URL: {current}");
                }

                if (request.CheckRobots && options.RespectRobots && checkedFirst is null)
                {
                    var verdict = await RobotsAsync(uri, cancel).ConfigureAwait(false);
                    if (verdict.Failure is { } failure)
                    {
                        return Failed(url, failure.Status, failure.HttpStatus, Hops(redirects), watch, $"robots.txt unreachable: {failure.Error}", current);
                    }

                    if (!verdict.Robots.IsAllowed(uri.PathAndQuery))
                    {
                        return Failed(url, FetchStatus.RobotsExcluded, null, Hops(redirects), watch, "excluded by robots.txt", current);
                    }
                }

                if (request.TotalTimeout is { } total && watch.Elapsed >= total)
                {
                    return Failed(url, FetchStatus.Timeout, null, Hops(redirects), watch, $"not complete within {total.TotalSeconds:0.##} s", current);
                }

                var exchange = await SendWithRetriesAsync(uri, method, form, request, watch, cancel).ConfigureAwait(false);
                if (exchange.Failure is { } status)
                {
                    return Failed(url, status, exchange.Status == 0 ? null : exchange.Status, Hops(redirects), watch, exchange.Error, current, exchange.Evidence, exchange.Headers);
                }

                if (request.FollowRedirects && exchange.Status is 301 or 302 or 303 or 307 or 308 && exchange.Location is { } location)
                {
                    if (!Uri.TryCreate(uri, location, out var next))
                    {
                        return Failed(url, FetchStatus.HttpError, exchange.Status, Hops(redirects), watch, $"unusable Location '{location}'", current, exchange.Evidence, exchange.Headers);
                    }

                    var nextUrl = next.AbsoluteUri;
                    (redirects ??= []).Add(new Redirect(current, nextUrl, exchange.Status));
                    seen ??= new HashSet<string>(StringComparer.Ordinal) { url };
                    if (!seen.Add(nextUrl))
                    {
                        return Failed(url, FetchStatus.RedirectLoop, exchange.Status, Hops(redirects), watch, $"redirect loop back to {nextUrl}", current, exchange.Evidence, exchange.Headers);
                    }

                    if (redirects.Count > options.MaxRedirects)
                    {
                        return Failed(url, FetchStatus.RedirectLoop, exchange.Status, Hops(redirects), watch, $"more than {options.MaxRedirects} redirects", current, exchange.Evidence, exchange.Headers);
                    }

                    if (exchange.Status == 303 || (exchange.Status is 301 or 302 && method == "POST"))
                    {
                        method = "GET";
                        form = null;
                    }

                    current = nextUrl;
                    continue;
                }

                if (exchange.Status == 429)
                {
                    // Too Many Requests judges our pace, not the target: whatever it stands for is not measured.
                    return Failed(url, FetchStatus.ScannerError, 429, Hops(redirects), watch,
                        "rate limited: the site still answered 429 Too Many Requests after honouring its Retry-After; not measured", current, exchange.Evidence, exchange.Headers);
                }

                var ok = exchange.Status is >= 200 and < 300;
                var outcome = new FetchOutcome(url, ok ? FetchStatus.Ok : exchange.Status is >= 300 and < 400 ? FetchStatus.Ok : FetchStatus.HttpError,
                    exchange.Status, current, Hops(redirects), exchange.ContentType, exchange.Length, watch.Elapsed, ok ? null : $"HTTP {exchange.Status}", exchange.Evidence);

                // With HtmlWithoutBody the text was decoded while the body was still in the receive buffer.
                var (html, charset) = (exchange.Html, exchange.Charset);
                if (html is null && request.ReadBody && FetchResult.IsHtmlType(exchange.ContentType))
                {
                    (html, charset) = ResponseBody.DecodeHtml(exchange.Body.Span, exchange.ContentType);
                }

                return new FetchResult
                {
                    Outcome = outcome,
                    Headers = exchange.Headers,
                    Body = exchange.Body,
                    Html = html,
                    Charset = charset,
                    Protocol = exchange.Protocol,
                    CapturedAt = exchange.CapturedAt,
                    FinalUri = uri,
                };
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anything escaping the exchange is ours (cancellation, a bug): never a site fault.
            var reason = cancel.IsCancellationRequested ? "cancelled by the scanner" : $"{e.GetType().Name}: {e.Message}";
            return Failed(url, FetchStatus.ScannerError, null, Hops(redirects), watch, reason, current);
        }
    }

    public void Dispose() => client.Dispose();

    // Most fetches are not redirected: they share one empty list rather than each keeping its own.
    private static IReadOnlyList<Redirect> Hops(List<Redirect>? redirects) => redirects ?? NoRedirects;

    private static readonly IReadOnlyList<Redirect> NoRedirects = [];

    private FetchResult Failed(string url, FetchStatus status, int? http, IReadOnlyList<Redirect> redirects, Stopwatch watch, string? error,
        string? finalUrl = null, Evidence? evidence = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        string? problem = null;
        if (status == FetchStatus.Tls && Uri.TryCreate(finalUrl ?? url, UriKind.Absolute, out var uri))
        {
            problem = certificateProblems.GetValueOrDefault(uri.Host);
            if (problem is not null)
            {
                error = $"certificate {problem}";
            }
        }

        return new FetchResult
        {
            Outcome = new FetchOutcome(url, status, http, finalUrl, redirects, null, null, watch.Elapsed, error, evidence),
            Headers = headers ?? FetchResult.EmptyHeaders,
            CertificateProblem = problem,
            CapturedAt = options.Clock.GetUtcNow(),
        };
    }

    private async Task<Exchange> SendWithRetriesAsync(Uri uri, string method, IReadOnlyList<KeyValuePair<string, string>>? form, FetchRequest request, Stopwatch watch, CancellationToken cancel)
    {
        var maxRetries = request.MaxRetries ?? options.MaxRetries;
        var rateLimitRetries = maxRetries == 0 ? 0 : Math.Max(maxRetries, options.MaxRateLimitRetries);
        var limited = 0;
        for (var attempt = 0; ; attempt++)
        {
            Exchange exchange;
            using (await politeness.EnterAsync(uri.Host, cancel).ConfigureAwait(false))
            {
                var limit = request.Timeout ?? options.Timeout;
                if (request.TotalTimeout is { } total)
                {
                    var left = total - watch.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        return new Exchange { Failure = FetchStatus.Timeout, Error = $"not complete within {total.TotalSeconds:0.##} s", CapturedAt = options.Clock.GetUtcNow() };
                    }

                    limit = left < limit ? left : limit;
                }

                exchange = await SendOnceAsync(uri, method, form, request, limit, cancel).ConfigureAwait(false);
            }

            if (exchange.Failure is null && exchange.Status == 429)
            {
                // The site asks us to slow down: a matter of our pace, so it has its own budget and does not use
                // up the retries meant for the site's transient faults.
                if (limited++ >= rateLimitRetries)
                {
                    return exchange;
                }

                var wait = exchange.RetryAfter ?? options.RetryBaseDelay * Math.Pow(2, Math.Min(limited, 6));
                wait = wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait;
                politeness.RateLimited(uri.Host, wait, exchange.CapturedAt);
                attempt--;
                continue;
            }

            if (attempt >= maxRetries || !IsTransient(exchange))
            {
                return exchange;
            }

            TimeSpan delay;
            if (exchange.RetryAfter is { } retryAfter)
            {
                delay = retryAfter > options.MaxRetryAfter ? options.MaxRetryAfter : retryAfter;
                politeness.Defer(uri.Host, delay);
            }
            else
            {
                var backoff = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
                delay = TimeSpan.FromMilliseconds(backoff * (0.75 + Random.Shared.NextDouble() * 0.5));
            }

            await Task.Delay(delay, options.Clock, cancel).ConfigureAwait(false);
        }
    }

    private bool IsTransient(Exchange exchange) => exchange.Failure switch
    {
        FetchStatus.Connection => true,
        FetchStatus.Timeout => options.RetryTimeouts,
        null => exchange.Status is 500 or 502 or 503 or 504,
        _ => false,
    };

    private async Task<Exchange> SendOnceAsync(Uri uri, string method, IReadOnlyList<KeyValuePair<string, string>>? form, FetchRequest request, TimeSpan limit, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(limit);
        using var message = new HttpRequestMessage(method switch { "GET" => HttpMethod.Get, "HEAD" => HttpMethod.Head, "POST" => HttpMethod.Post, _ => new HttpMethod(method) }, uri);
        message.Version = options.EnableHttp2 ? HttpVersion.Version20 : HttpVersion.Version11;
        message.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        foreach (var (name, value) in requestHeaders)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (form is not null)
        {
            message.Content = new FormUrlEncodedContent(form);
        }

        var capturedAt = options.Clock.GetUtcNow();
        HttpResponseMessage? response = null;
        try
        {
            response = await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var headers = HttpHeads.Map(response);
            // As sent, the way a browser reads it (a value the typed parser rejects is still text/html to them),
            // and without parsing and printing it again for every page.
            var contentType = headers.GetValueOrDefault("Content-Type");
            var location = response.Headers.Location?.OriginalString;
            var retryAfter = RetryAfter(response);
            var declaredLength = response.Content.Headers.ContentLength;
            var exchange = new Exchange
            {
                Status = status,
                Headers = headers,
                ContentType = contentType,
                Location = location,
                RetryAfter = retryAfter,
                Length = declaredLength,
                Protocol = response.Version,
                CapturedAt = capturedAt,
            };

            var wantBody = request.ReadBody && method != "HEAD" && status is not (>= 300 and < 400);
            if (!wantBody)
            {
                if (request.Archive && options.Warc is not null)
                {
                    exchange.Evidence = await Archive(uri, method, response, headers, ReadOnlyMemory<byte>.Empty, capturedAt, truncated: method != "HEAD" && declaredLength is > 0, encoded: false).ConfigureAwait(false);
                }

                return exchange;
            }

            if (declaredLength > options.MaxBodyBytes)
            {
                exchange.Failure = FetchStatus.TooLarge;
                exchange.Error = $"body of {declaredLength} bytes exceeds the cap of {options.MaxBodyBytes}";
                return exchange;
            }

            using var raw = new PooledBuffer(declaredLength is > 0 and < 4 * 1024 * 1024 ? (int)declaredLength + 1 : 16 * 1024);
            await using (var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false))
            {
                while (true)
                {
                    var read = await stream.ReadAsync(raw.GetMemory(16 * 1024), timeout.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    raw.Advance(read);
                    if (raw.Length > options.MaxBodyBytes)
                    {
                        exchange.Failure = FetchStatus.TooLarge;
                        exchange.Error = $"body exceeds the cap of {options.MaxBodyBytes} bytes";
                        return exchange;
                    }
                }
            }

            exchange.Length = raw.Length;
            var textOnly = request.HtmlWithoutBody && FetchResult.IsHtmlType(contentType);
            var encoding = ContentDecoder.LastCoding(headers);
            if (!ResponseBody.NeedsDecoding(encoding, raw.Length, options.MaxInflatedBytes))
            {
                // Nothing to undo (or a coding we cannot undo, kept as sent): the body is the bytes received.
                Keep(exchange, raw.Span, textOnly);
            }
            else
            {
                using var decoded = new PooledBuffer(raw.Length + 1);
                try
                {
                    if (!ContentDecoder.TryDecode(raw.Memory, encoding, options.MaxInflatedBytes, decoded))
                    {
                        exchange.Failure = FetchStatus.TooLarge;
                        exchange.Error = $"{encoding} body inflates beyond {options.MaxInflatedBytes} bytes";
                        return exchange;
                    }
                }
                catch (InvalidDataException e)
                {
                    // A corrupt compressed body is the site's fault: browsers show an error too.
                    exchange.Failure = FetchStatus.Connection;
                    exchange.Error = $"corrupt {encoding} body: {e.Message}";
                    return exchange;
                }

                Keep(exchange, decoded.Span, textOnly);
            }

            if (request.Archive && options.Warc is not null)
            {
                exchange.Evidence = await Archive(uri, method, response, headers, raw.Memory, capturedAt, truncated: false, encoded: !ContentDecoder.IsIdentity(encoding)).ConfigureAwait(false);
            }

            return exchange;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var ourTimeout = timeout.IsCancellationRequested && !cancel.IsCancellationRequested;
            var (status, error) = FailureClassifier.Classify(e, ourTimeout, cancel.IsCancellationRequested);
            return new Exchange { Failure = status, Error = error, Status = response is null ? 0 : (int)response.StatusCode, CapturedAt = capturedAt };
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>The body as the caller wants it: bytes, or for <see cref="FetchRequest.HtmlWithoutBody"/> HTML only its text.</summary>
    private static void Keep(Exchange exchange, ReadOnlySpan<byte> body, bool textOnly)
    {
        if (textOnly && body.Length > 0)
        {
            (exchange.Html, exchange.Charset) = ResponseBody.DecodeHtml(body, exchange.ContentType);
        }
        else
        {
            exchange.Body = body.ToArray();
        }
    }

    private async ValueTask<Evidence> Archive(Uri uri, string method, HttpResponseMessage response, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> payload, DateTimeOffset capturedAt, bool truncated, bool encoded)
    {
        using var requestBlock = new PooledBuffer(512);
        using var head = new PooledBuffer(1024);
        HttpHeads.WriteRequest(requestBlock, method, uri, requestHeaderLines);
        HttpHeads.WriteResponse(head, response, headers);
        return await options.Warc!.WriteExchangeAsync(uri.AbsoluteUri, null, requestBlock.Memory, head.Memory, payload, capturedAt, truncated, encoded).ConfigureAwait(false);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is not (429 or 503) || response.Headers.RetryAfter is not { } value)
        {
            return null;
        }

        if (value.Delta is { } delta)
        {
            return delta;
        }

        return value.Date is { } date ? (date - options.Clock.GetUtcNow()) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero : null;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var (targetHost, targetPort) = options.ConnectTo.Resolve(host, port) ?? (host, port);
        IPAddress[] addresses;
        if (IPAddress.TryParse(targetHost.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else if (targetHost.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase) || targetHost.Equals("invalid", StringComparison.OrdinalIgnoreCase))
        {
            throw new DnsFailureException($"{targetHost} is under .invalid (RFC 6761): not resolved");
        }
        else
        {
            try
            {
                addresses = await options.Resolver.ResolveAsync(targetHost, AddressFamily.Unspecified, cancel).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new ResolverFailureException(targetHost, e);
            }

            if (addresses.Length == 0)
            {
                throw new DnsFailureException($"{targetHost} has no address");
            }
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, targetPort), cancel).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostUnreachable);
    }

    private bool ValidateCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, SslPolicyErrors errors)
    {
        var host = sender is SslStream ssl ? ssl.TargetHostName : "";
        var problem = certificates.Problem(certificate, host, errors);
        if (problem is null)
        {
            certificateProblems.TryRemove(host, out _);
            return true;
        }

        certificateProblems[host] = problem;
        return false;
    }

    /// <summary>
    /// What robots.txt says of a URL: allowed (or robots not respected), excluded, or unknown because the host
    /// did not answer for its robots.txt (the fetch of the URL then reports that failure).
    /// </summary>
    public async ValueTask<RobotsAnswer> RobotsAnswerAsync(Uri uri, CancellationToken cancel = default)
    {
        if (!options.RespectRobots)
        {
            return RobotsAnswer.Allowed;
        }

        var verdict = await RobotsAsync(uri, cancel).ConfigureAwait(false);
        return verdict.Failure is not null ? RobotsAnswer.HostFailed
            : verdict.Robots.IsAllowed(uri.PathAndQuery) ? RobotsAnswer.Allowed : RobotsAnswer.Excluded;
    }

    private Task<RobotsVerdictSource> RobotsAsync(Uri uri, CancellationToken cancel)
    {
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var lazy = robots.GetOrAdd(origin, static (o, fetcher) => new Lazy<Task<RobotsVerdictSource>>(() => fetcher.LoadRobotsAsync(o)), this);
        var task = lazy.Value;
        if (task.IsCompleted && (task.IsFaulted || task.Result.Retry))
        {
            robots.TryRemove(new KeyValuePair<string, Lazy<Task<RobotsVerdictSource>>>(origin, lazy));
        }

        return task.WaitAsync(cancel);
    }

    // Loaded without the caller's token: the cached verdict serves every later request to the origin.
    private async Task<RobotsVerdictSource> LoadRobotsAsync(string origin)
    {
        var result = await FetchAsync(origin + "/robots.txt", new FetchRequest { CheckRobots = false, Timeout = options.Timeout }, CancellationToken.None).ConfigureAwait(false);
        var outcome = result.Outcome;
        switch (outcome.Status)
        {
            case FetchStatus.Ok:
                var text = Encoding.UTF8.GetString(result.Body.Span);
                return new RobotsVerdictSource(RobotsTxt.Parse(text, UserAgent.ProductToken), null, false);
            case FetchStatus.HttpError when outcome.HttpStatus is >= 400 and < 500:
                return new RobotsVerdictSource(RobotsTxt.AllowAll, null, false);
            case FetchStatus.HttpError:
            case FetchStatus.TooLarge:
            case FetchStatus.RedirectLoop:
                return new RobotsVerdictSource(RobotsTxt.Unreachable, null, false);
            case FetchStatus.ScannerError:
                return new RobotsVerdictSource(RobotsTxt.Unreachable, outcome, true);
            default:
                // The host itself does not answer: the URL's outcome is that failure, not an exclusion.
                return new RobotsVerdictSource(RobotsTxt.Unreachable, outcome, false);
        }
    }

    private sealed record RobotsVerdictSource(RobotsTxt Robots, FetchOutcome? Failure, bool Retry);

    private sealed class Exchange
    {
        public int Status { get; init; }

        public FetchStatus? Failure { get; set; }

        public string? Error { get; set; }

        public IReadOnlyDictionary<string, string> Headers { get; init; } = FetchResult.EmptyHeaders;

        public string? ContentType { get; init; }

        public string? Location { get; init; }

        public TimeSpan? RetryAfter { get; init; }

        public long? Length { get; set; }

        public ReadOnlyMemory<byte> Body { get; set; }

        public string? Html { get; set; }

        public string? Charset { get; set; }

        public Version? Protocol { get; init; }

        public Evidence? Evidence { get; set; }

        public DateTimeOffset CapturedAt { get; init; }
    }
}
