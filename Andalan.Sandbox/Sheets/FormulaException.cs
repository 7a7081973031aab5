namespace Andalan.Sandbox.Sheets;

/// <summary>A formula that cannot be evaluated; its code (#NAME?, #DIV/0!, ...) is what the cell shows.</summary>
public sealed class FormulaException : Exception
{
    public FormulaException(string code)
        : base(code)
    {
        Code = code;
    }

    public FormulaException()
    {
        Code = "#ERROR!";
    }

    public FormulaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "#ERROR!";
    }

    public string Code { get; }
}
