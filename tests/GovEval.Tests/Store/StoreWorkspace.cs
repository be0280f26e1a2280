using GovEval.Store;
using Microsoft.Data.Sqlite;

namespace GovEval.Tests.Store;

/// <summary>A fresh SQLite store in a temporary folder, deleted afterwards.</summary>
public sealed class StoreWorkspace : IAsyncDisposable
{
    private readonly List<GovEvalStore> opened = [];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "goveval-store-" + Guid.NewGuid().ToString("N"));

    public string Db => Path.Combine(Folder, "nested", "goveval.db");

    public async Task<GovEvalStore> OpenAsync(TimeProvider? clock = null)
    {
        var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(Db), clock);
        opened.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
