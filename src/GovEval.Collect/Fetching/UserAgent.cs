using System.Reflection;

namespace GovEval.Collect.Fetching;

/// <summary>An honest User-Agent: who we are and where to read about us, plus the operator's contact when given.</summary>
public static class UserAgent
{
    public const string ProductToken = "GovEval";

    public static string Version { get; } =
        typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static string For(string? contact) =>
        $"{ProductToken}/{Version} (+https://github.com/goveval/goveval{(string.IsNullOrWhiteSpace(contact) ? "" : "; " + contact.Trim())})";
}
