using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovEval.Store;

/// <summary>
/// Inserts or updates many rows of one entity through one prepared command in the store's open transaction, with
/// the model's table, columns and value converters. The change tracker costs far more per row than the database
/// does (a 100,000-unit registry import took minutes and most of a gigabyte through it); this is the bulk path
/// the design allows, and it stays engine-neutral: identifiers are quoted by the provider, values converted by
/// the model.
/// </summary>
internal sealed class BulkRows<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand command;
    private readonly (IProperty Property, DbParameter Parameter)[] bindings;

    private BulkRows(DbContext db, string sql, IReadOnlyList<IProperty> properties)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("bulk rows are written inside the store's transaction");
        command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        bindings = properties.Select((property, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return (property, parameter);
        }).ToArray();
    }

    /// <summary>Inserts every mapped column but the generated key.</summary>
    public static BulkRows<TEntity> Insert(DbContext db)
    {
        var (entity, sql) = Metadata(db);
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
        var text = $"INSERT INTO {Table(entity, sql)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())))}) " +
                   $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        return new BulkRows<TEntity>(db, text, columns);
    }

    /// <summary>Updates every mapped column of the row with the entity's primary key.</summary>
    public static BulkRows<TEntity> Update(DbContext db)
    {
        var (entity, sql) = Metadata(db);
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var text = $"UPDATE {Table(entity, sql)} SET {string.Join(", ", columns.Select((c, i) => $"{sql.DelimitIdentifier(c.GetColumnName())} = @p{i}"))} " +
                   $"WHERE {sql.DelimitIdentifier(key.GetColumnName())} = @p{columns.Count}";
        return new BulkRows<TEntity>(db, text, [.. columns, key]);
    }

    public async Task WriteAsync(TEntity row, CancellationToken cancel)
    {
        foreach (var (property, parameter) in bindings)
        {
            var value = property.GetGetter().GetClrValue(row);
            if (value is not null && property.GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(cancel);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private static (IEntityType Entity, ISqlGenerationHelper Sql) Metadata(DbContext db) =>
        (db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model"),
         db.GetService<ISqlGenerationHelper>());

    private static string Table(IEntityType entity, ISqlGenerationHelper sql) => sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
}
