namespace GovEval.Store;

/// <summary>The database engines GovEval stores runs in.</summary>
public enum StoreProvider
{
    /// <summary>An embedded file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A shared server for large or multi-user deployments.</summary>
    PostgreSql,
}
