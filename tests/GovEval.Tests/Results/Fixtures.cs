using GovEval.Core.Tables;

namespace GovEval.Tests.Results;

internal static class Fixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    public static Table Seed(string name) => TableReader.Read(Path("seed-2020", name));
}
