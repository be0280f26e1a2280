using System.Globalization;
using System.Text;

namespace GovEval.Sandbox.Faults;

/// <summary>A statistics page of tens of megabytes, written in pieces so it never sits in memory whole.</summary>
public static class LargePage
{
    private static readonly byte[] Head = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>统计数据汇总</title></head><body><h1>统计数据汇总</h1>\n<table class=\"data\">\n");

    private static readonly byte[] Tail = Encoding.UTF8.GetBytes("</table></body></html>\n");

    private static byte[] Row(int n) => Encoding.UTF8.GetBytes(
        $"<tr><td>{n.ToString(CultureInfo.InvariantCulture)}</td><td>指标{(n % 97).ToString(CultureInfo.InvariantCulture)}</td><td>{(n * 37 % 1000).ToString(CultureInfo.InvariantCulture)}.5</td></tr>\n");

    /// <summary>Writes about <paramref name="bytes"/> bytes: rows until the size is reached, then the closing tags.</summary>
    public static async Task WriteAsync(Stream body, long bytes, CancellationToken cancel)
    {
        await body.WriteAsync(Head, cancel);
        long written = Head.Length;
        var buffer = new MemoryStream(64 * 1024);
        var n = 0;
        while (written < bytes - Tail.Length)
        {
            buffer.SetLength(0);
            while (buffer.Length < 60 * 1024)
            {
                buffer.Write(Row(n++));
            }

            await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancel);
            written += buffer.Length;
        }

        await body.WriteAsync(Tail, cancel);
    }
}
