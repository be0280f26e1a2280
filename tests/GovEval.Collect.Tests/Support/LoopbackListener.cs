using System.Net;
using System.Net.Sockets;

namespace GovEval.Collect.Tests.Support;

/// <summary>
/// A bare HTTP server on a free loopback port for fetcher tests that need answers the simulated web does not give
/// (a 429 on every request, a late first answer): every request is handed to <c>answer</c> on a task of its own.
/// </summary>
public static class LoopbackListener
{
    public static HttpListener Start(Func<HttpListenerContext, Task> answer, out int port)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    try
                    {
                        await answer(context);
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        // The client gave up first (a visit past its 15 s rule): nothing to answer.
                    }
                });
            }
        });
        return listener;
    }
}
