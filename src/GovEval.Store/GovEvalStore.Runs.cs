using System.Security.Cryptography;
using GovEval.Core.Errors;
using GovEval.Core.Registry;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

public sealed partial class GovEvalStore
{
    /// <summary>Stores a new run and returns it with its id (8 hex digits, short enough to type).</summary>
    public Task<AssessmentRun> CreateRunAsync(NewRun run, CancellationToken cancel = default) =>
        InTransactionAsync(async () => ToRun(await CreateRunEntityAsync(run, cancel)), cancel);

    /// <summary>An id no run has (8 hex digits, short enough to type).</summary>
    public async Task<string> NewRunId(CancellationToken cancel = default)
    {
        string id;
        do
        {
            id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        }
        while (await db.Runs.AnyAsync(r => r.Id == id, cancel));

        return id;
    }

    /// <summary>Adds a new run inside the caller's transaction.</summary>
    private async Task<RunEntity> CreateRunEntityAsync(NewRun run, CancellationToken cancel)
    {
        var id = run.Id ?? await NewRunId(cancel);
        if (run.Id is not null && await db.Runs.AnyAsync(r => r.Id == id, cancel))
        {
            throw new InvalidOperationException($"run id {id} is taken");
        }

        var entity = new RunEntity
        {
            Id = id,
            Name = run.Name,
            FrameworkId = run.FrameworkId,
            FrameworkVersion = run.FrameworkVersion,
            Year = run.Year,
            Now = run.Now,
            CreatedAt = clock.GetUtcNow(),
            Cohorts = run.Cohorts.Select((c, i) => new RunCohortEntity { RunId = id, CohortId = c, Position = i }).ToList(),
            Sampled = run.Units is not null,
            Units = (run.Units ?? []).Distinct(StringComparer.Ordinal).Select(u => new RunUnitEntity { RunId = id, UnitCode = u }).ToList(),
        };
        db.Runs.Add(entity);
        return entity;
    }

    /// <summary>Every run, oldest first.</summary>
    public async Task<IReadOnlyList<AssessmentRun>> RunsAsync(CancellationToken cancel = default) =>
        (await db.Runs.AsNoTracking().Include(r => r.Cohorts).Include(r => r.Units).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancel))
            .Select(ToRun)
            .ToList();

    /// <summary>
    /// The run a person named, by id or by its (unique) name. <paramref name="argument"/> is the option the
    /// name came from, for the error message.
    /// </summary>
    public async Task<AssessmentRun> RunAsync(string idOrName, string argument = "--run", CancellationToken cancel = default)
    {
        var key = idOrName.Trim();
        var byId = await db.Runs.AsNoTracking().Include(r => r.Cohorts).Include(r => r.Units).FirstOrDefaultAsync(r => r.Id == key, cancel);
        if (byId is not null)
        {
            return ToRun(byId);
        }

        var byName = await db.Runs.AsNoTracking().Include(r => r.Cohorts).Include(r => r.Units).Where(r => r.Name == key).ToListAsync(cancel);
        return byName.Count switch
        {
            1 => ToRun(byName[0]),
            0 => throw new InputException(argument, $"no run '{key}' in {Connection.Description}; 'goveval runs list' shows the runs"),
            _ => throw new InputException(argument, $"{byName.Count} runs are named '{key}' ({string.Join(", ", byName.Select(r => r.Id).Order(StringComparer.Ordinal))}); give the run id"),
        };
    }

    /// <summary>Stamps the framework version a run was scored with (the engine resolves it from the framework file).</summary>
    public async Task SetFrameworkVersionAsync(string runId, string version, CancellationToken cancel = default)
    {
        var updated = await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FrameworkVersion, version), cancel);
        if (updated == 0)
        {
            throw new InputException("--run", $"no run '{runId}'");
        }
    }

    private static AssessmentRun ToRun(RunEntity e) => new(
        e.Id,
        e.Name,
        e.FrameworkId,
        e.FrameworkVersion,
        e.Year,
        e.Cohorts.OrderBy(c => c.Position).Select(c => c.CohortId).ToList(),
        e.Now,
        e.CreatedAt)
    {
        Units = e.Sampled ? e.Units.Select(u => u.UnitCode).Order(StringComparer.Ordinal).ToList() : null,
        Revision = e.Revision,
    };

    /// <summary>The registry a run is assessed against: its year's units and imports, cohorts narrowed to its sample.</summary>
    public async Task<UnitRegistry> RegistryForRunAsync(AssessmentRun run, CancellationToken cancel = default) =>
        (await RegistryAsync(run.Year, cancel)).Sampled(run.Units);
}
