namespace GovEval.Core.Errors;

/// <summary>
/// Bad input from a person: a file, a row or an argument. The command line turns it into exit code 2;
/// <see cref="Location"/> says where (file:line:column, file row:column or the argument) so it can be fixed.
/// </summary>
public class InputException : Exception
{
    public InputException(string location, string message)
        : base($"{location}: {message}")
    {
        Location = location;
        Detail = message;
    }

    public InputException(IReadOnlyList<InputException> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.Message)))
    {
        Location = problems.Count > 0 ? problems[0].Location : "";
        Detail = Message;
        Problems = problems;
    }

    public string Location { get; }

    public string Detail { get; }

    /// <summary>Every problem found, when a whole file was checked before refusing it.</summary>
    public IReadOnlyList<InputException> Problems { get; } = [];
}
