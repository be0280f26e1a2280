using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GovEval.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevisionsAndWarcOffsets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "WarcOffset",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RunRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameworkId = table.Column<string>(type: "TEXT", nullable: false),
                    FrameworkVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RunRevisions_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RunRevisions_RunId_Revision",
                table: "RunRevisions",
                columns: new[] { "RunId", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RunRevisions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "WarcOffset",
                table: "Findings");
        }
    }
}
