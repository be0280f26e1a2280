using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovEval.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Sampled",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RunUnits",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunUnits", x => new { x.RunId, x.UnitCode });
                    table.ForeignKey(
                        name: "FK_RunUnits_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RunUnits");

            migrationBuilder.DropColumn(
                name: "Sampled",
                table: "Runs");
        }
    }
}
