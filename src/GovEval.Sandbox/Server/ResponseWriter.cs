using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GovEval.Sandbox.Server;

/// <summary>Carries out a <see cref="SandboxResponse"/> on a Kestrel connection: waits, drips, streams or drops it.</summary>
public static class ResponseWriter
{
    public static async Task WriteAsync(HttpContext context, SandboxResponse response, bool headRequest)
    {
        var cancel = context.RequestAborted;
        try
        {
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, cancel);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (response.Abort)
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (response.Stream is { } stream)
        {
            if (response.StreamLength is { } length)
            {
                context.Response.ContentLength = length;
            }

            if (!headRequest)
            {
                try
                {
                    await stream(context.Response.Body, cancel);
                }
                catch (OperationCanceledException)
                {
                }
            }

            return;
        }

        context.Response.ContentLength = response.Body.Length;
        if (headRequest || response.Body.Length == 0)
        {
            return;
        }

        if (response.DripChunks > 1)
        {
            var chunk = (response.Body.Length + response.DripChunks - 1) / response.DripChunks;
            var pause = response.DripDuration / response.DripChunks;
            try
            {
                for (var offset = 0; offset < response.Body.Length; offset += chunk)
                {
                    await context.Response.Body.WriteAsync(response.Body.AsMemory(offset, Math.Min(chunk, response.Body.Length - offset)), cancel);
                    await context.Response.Body.FlushAsync(cancel);
                    await Task.Delay(pause, cancel);
                }
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        await context.Response.Body.WriteAsync(response.Body, cancel);
    }
}
