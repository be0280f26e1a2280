namespace GovEval.Sandbox.Server;

/// <summary>The parts of an HTTP request the simulated web looks at.</summary>
public sealed record SandboxRequest(string Method, string Path, string Query, bool IsHttps, string? FormQuery = null)
{
    public string? QueryValue(string name)
    {
        foreach (var pair in Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (key == name)
            {
                return eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }
}
