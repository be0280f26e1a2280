using System.Text;
using GovEval.LinkCheck;

// The CSV is UTF-8 whatever the locale says (link texts are Chinese), and buffered: --all writes a row per link.
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
return await LinkCheckCommand.RunAsync(args, stdout, Console.Error);
