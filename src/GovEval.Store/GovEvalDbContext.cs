using GovEval.Store.Conversions;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

/// <summary>
/// The store's model, shared by every engine. Each engine has its own sealed subclass so its migrations
/// live beside the others in this assembly (Migrations/Sqlite, later Migrations/PostgreSql).
/// Portability: instants are UTC ticks, the assessment clock ISO text, decimals exact (TEXT in SQLite,
/// numeric in PostgreSQL) and ordered in memory, never in SQL.
/// </summary>
public abstract class GovEvalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<UnitEntity> Units => Set<UnitEntity>();

    public DbSet<ChannelEntity> Channels => Set<ChannelEntity>();

    public DbSet<RunEntity> Runs => Set<RunEntity>();

    public DbSet<RunCohortEntity> RunCohorts => Set<RunCohortEntity>();

    public DbSet<InputEntity> Inputs => Set<InputEntity>();

    public DbSet<FindingEntity> Findings => Set<FindingEntity>();

    public DbSet<MeasurementEntity> Measurements => Set<MeasurementEntity>();

    public DbSet<NotMeasuredEntity> NotMeasured => Set<NotMeasuredEntity>();

    public DbSet<AvailabilitySampleEntity> AvailabilitySamples => Set<AvailabilitySampleEntity>();

    public DbSet<ScoreSheetEntity> ScoreSheets => Set<ScoreSheetEntity>();

    public DbSet<ResultEntity> Results => Set<ResultEntity>();

    public DbSet<RunRevisionEntity> RunRevisions => Set<RunRevisionEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UnitEntity>(unit =>
        {
            unit.ToTable("Units");
            unit.HasIndex(u => new { u.Year, u.Code }).IsUnique();
        });

        modelBuilder.Entity<ChannelEntity>(channel =>
        {
            channel.ToTable("Channels");
            channel.HasIndex(c => new { c.Year, c.UnitCode, c.Kind, c.Target }).IsUnique();
        });

        modelBuilder.Entity<RunEntity>(run =>
        {
            run.ToTable("Runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Now).HasConversion<IsoOffsetConverter>();
            run.HasMany(r => r.Cohorts).WithOne().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
            run.HasMany(r => r.Units).WithOne().HasForeignKey(u => u.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RunUnitEntity>(unit =>
        {
            unit.ToTable("RunUnits");
            unit.HasKey(u => new { u.RunId, u.UnitCode });
        });

        modelBuilder.Entity<RunCohortEntity>(cohort =>
        {
            cohort.ToTable("RunCohorts");
            cohort.HasKey(c => new { c.RunId, c.CohortId });
        });

        modelBuilder.Entity<InputEntity>(input =>
        {
            input.ToTable("Inputs");
            input.HasIndex(i => new { i.RunId, i.UnitCode, i.Indicator }).IsUnique();
            input.HasOne<RunEntity>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FindingEntity>(finding =>
        {
            finding.ToTable("Findings");
            finding.HasIndex(f => new { f.RunId, f.UnitCode });
            finding.HasOne<RunEntity>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MeasurementEntity>(measurement =>
        {
            measurement.ToTable("Measurements");
            measurement.HasIndex(m => new { m.RunId, m.UnitCode, m.Name }).IsUnique();
            measurement.HasOne<RunEntity>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<NotMeasuredEntity>(notMeasured =>
        {
            notMeasured.ToTable("NotMeasured");
            notMeasured.HasIndex(n => new { n.RunId, n.UnitCode });
            notMeasured.HasOne<RunEntity>().WithMany().HasForeignKey(n => n.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AvailabilitySampleEntity>(sample =>
        {
            sample.ToTable("AvailabilitySamples");
            sample.HasIndex(a => new { a.RunId, a.UnitCode, a.At }).IsUnique();
            sample.HasOne<RunEntity>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ScoreSheetEntity>(sheet =>
        {
            sheet.ToTable("ScoreSheets");
            sheet.HasIndex(s => new { s.RunId, s.UnitCode }).IsUnique();
            sheet.HasOne<RunEntity>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RunRevisionEntity>(revision =>
        {
            revision.ToTable("RunRevisions");
            revision.HasIndex(r => new { r.RunId, r.Revision }).IsUnique();
            revision.HasOne<RunEntity>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ResultEntity>(result =>
        {
            result.ToTable("Results");
            result.HasIndex(r => new { r.RunId, r.CohortId, r.UnitCode }).IsUnique();
            result.HasOne<RunEntity>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
