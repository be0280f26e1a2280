using GovEval.Core.Errors;

namespace GovEval.Core.Registry;

/// <summary>
/// A run's sample (抽查) as a person writes it: one unit a line, by code, full name or published short name;
/// blank lines and lines starting with # are ignored; a CSV line keeps its first field (so a column pasted from
/// a spreadsheet works). Every line is checked before anything is used: each problem names FILE:LINE.
/// </summary>
public static class SampleFile
{
    public static IReadOnlyList<string> Read(string path, UnitRegistry registry, IReadOnlyList<Cohort> cohorts)
    {
        if (!File.Exists(path))
        {
            throw new InputException("--units", $"file '{path}' does not exist");
        }

        var members = cohorts.SelectMany(registry.Members).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var codes = new List<string>();
        var problems = new List<InputException>();
        var number = 0;
        using var reader = GovEval.Core.Text.UserTextFile.Open(path);
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var key = line.Split(',', 2)[0].Trim().Trim('"');
            var location = $"{path}:{number}";
            if (number == 1 && key is "unit" or "code" or "单位" or "代码")
            {
                continue;
            }

            var found = registry.Lookup(key).Where(u => members.Contains(u.Code)).ToList();
            switch (found.Count)
            {
                case 1:
                    codes.Add(found[0].Code);
                    break;
                case 0 when registry.Lookup(key).Count > 0:
                    problems.Add(new InputException(location, $"unit '{key}' is not a member of the run's cohorts ({string.Join(", ", cohorts.Select(c => c.Id))})"));
                    break;
                case 0:
                    problems.Add(new InputException(location, $"unknown unit '{key}' (give a code, full name or short name of the {registry.Year} registry)"));
                    break;
                default:
                    problems.Add(new InputException(location, $"'{key}' names {found.Count} units ({string.Join(", ", found.Select(u => $"{u.Code} {u.Name}"))}); give the code"));
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        if (codes.Count == 0)
        {
            throw new InputException(path, "the sample names no unit");
        }

        return codes.Distinct(StringComparer.Ordinal).ToList();
    }
}
