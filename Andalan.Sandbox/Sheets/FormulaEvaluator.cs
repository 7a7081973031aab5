using System.Globalization;
using System.Text;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// Evaluates the simple formulas a person or a USER_ENTERED write puts in: arithmetic (+ - * / ^, &amp;),
/// comparisons, cell references and ranges (same or another tab), SUM, MIN, MAX, COUNT, AVERAGE, LEN,
/// CONCATENATE and HYPERLINK. Anything else answers #NAME?, as Sheets does for an unknown function.
/// </summary>
public sealed class FormulaEvaluator
{
    private const int MaxDepth = 64;

    private readonly Func<string?, int, int, SheetCell?> _cellAt;
    private readonly Func<string?, (int Rows, int Columns)?> _gridOf;
    private readonly string? _sheet;
    private readonly int _depth;
    private string _text = string.Empty;
    private int _at;

    /// <param name="cellAt">Reads a cell's evaluated value: sheet (null for this one), row, column.</param>
    /// <param name="gridOf">A tab's grid size, or null when the tab does not exist.</param>
    /// <param name="sheet">The tab the formula lives in.</param>
    /// <param name="depth">How deep in references this evaluation already is.</param>
    public FormulaEvaluator(
        Func<string?, int, int, SheetCell?> cellAt,
        Func<string?, (int Rows, int Columns)?> gridOf,
        string? sheet,
        int depth)
    {
        _cellAt = cellAt;
        _gridOf = gridOf;
        _sheet = sheet;
        _depth = depth;
    }

    public SheetCell Evaluate(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (_depth > MaxDepth)
        {
            return SheetCell.OfError("#REF!");
        }

        _text = formula.StartsWith('=') ? formula[1..] : formula;
        _at = 0;
        try
        {
            var value = Comparison();
            SkipSpace();
            if (_at < _text.Length)
            {
                return SheetCell.OfError("#ERROR!");
            }

            return ToCell(Single(value));
        }
        catch (FormulaException error)
        {
            return SheetCell.OfError(error.Code);
        }
    }

    private static SheetCell ToCell(object? value) => value switch
    {
        double number => double.IsFinite(number) ? SheetCell.OfNumber(number) : SheetCell.OfError("#NUM!"),
        bool flag => SheetCell.OfBoolean(flag),
        null => SheetCell.OfNumber(0),
        _ => SheetCell.OfText(value.ToString() ?? string.Empty),
    };

    private object? Comparison()
    {
        var left = Concatenation();
        SkipSpace();
        foreach (var op in (string[])["<=", ">=", "<>", "=", "<", ">"])
        {
            if (string.CompareOrdinal(_text, _at, op, 0, op.Length) != 0)
            {
                continue;
            }

            _at += op.Length;
            var right = Concatenation();
            var compared = Compare(Single(left), Single(right));

            return op switch
            {
                "<=" => compared <= 0,
                ">=" => compared >= 0,
                "<>" => compared != 0,
                "=" => compared == 0,
                "<" => compared < 0,
                _ => compared > 0,
            };
        }

        return left;
    }

    private static int Compare(object? left, object? right) => (left, right) switch
    {
        (double a, double b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => string.Compare(Text(left), Text(right), StringComparison.OrdinalIgnoreCase),
    };

    private object? Concatenation()
    {
        var left = Additive();
        while (Accept('&'))
        {
            left = Text(Single(left)) + Text(Single(Additive()));
        }

        return left;
    }

    private object? Additive()
    {
        var left = Multiplicative();
        while (true)
        {
            if (Accept('+'))
            {
                left = Number(left) + Number(Multiplicative());
            }
            else if (Accept('-'))
            {
                left = Number(left) - Number(Multiplicative());
            }
            else
            {
                return left;
            }
        }
    }

    private object? Multiplicative()
    {
        var left = Power();
        while (true)
        {
            if (Accept('*'))
            {
                left = Number(left) * Number(Power());
            }
            else if (Accept('/'))
            {
                var divisor = Number(Power());
                left = divisor == 0 ? throw new FormulaException("#DIV/0!") : Number(left) / divisor;
            }
            else
            {
                return left;
            }
        }
    }

    private object? Power()
    {
        var left = Unary();

        return Accept('^') ? Math.Pow(Number(left), Number(Unary())) : left;
    }

    private object? Unary()
    {
        if (Accept('-'))
        {
            return -Number(Unary());
        }

        return Accept('+') ? Number(Unary()) : Primary();
    }

    private object? Primary()
    {
        SkipSpace();
        if (_at >= _text.Length)
        {
            throw new FormulaException("#ERROR!");
        }

        var c = _text[_at];
        if (c == '(')
        {
            _at++;
            var inner = Comparison();

            return Accept(')') ? inner : throw new FormulaException("#ERROR!");
        }

        if (c == '"')
        {
            return StringLiteral();
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            var start = _at;
            while (_at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] == '.'))
            {
                _at++;
            }

            var digits = _text.AsSpan(start, _at - start);

            return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormulaException("#ERROR!");
        }

        return NameOrReference();
    }

    private string StringLiteral()
    {
        var text = new StringBuilder();
        _at++;
        while (_at < _text.Length)
        {
            if (_text[_at] == '"')
            {
                if (_at + 1 < _text.Length && _text[_at + 1] == '"')
                {
                    text.Append('"');
                    _at += 2;
                    continue;
                }

                _at++;

                return text.ToString();
            }

            text.Append(_text[_at++]);
        }

        throw new FormulaException("#ERROR!");
    }

    private object? NameOrReference()
    {
        var start = _at;
        string? sheet = null;
        if (_text[_at] == '\'')
        {
            var close = _text.IndexOf("'!", _at + 1, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormulaException("#ERROR!");
            }

            sheet = _text[(_at + 1)..close].Replace("''", "'", StringComparison.Ordinal);
            _at = close + 2;
            start = _at;
        }

        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] is '_' or '$' or '.'))
        {
            _at++;
        }

        var name = _text[start.._at];
        if (name.Length == 0)
        {
            throw new FormulaException("#ERROR!");
        }

        if (sheet is null && _at < _text.Length && _text[_at] == '!')
        {
            sheet = name;
            _at++;
            start = _at;
            while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '$'))
            {
                _at++;
            }

            name = _text[start.._at];
        }

        if (sheet is null && Accept('('))
        {
            return Function(name.ToUpperInvariant());
        }

        if (sheet is null && name.Equals("TRUE", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (sheet is null && name.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var reference = name;
        if (_at < _text.Length && _text[_at] == ':')
        {
            _at++;
            var second = _at;
            while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '$'))
            {
                _at++;
            }

            reference += ":" + _text[second.._at];
        }

        return Reference(sheet, reference);
    }

    private List<object?> Reference(string? sheet, string reference)
    {
        A1Range range;
        try
        {
            range = A1Range.Parse(reference, _ => false);
        }
        catch (SheetsException)
        {
            throw new FormulaException("#NAME?");
        }

        var grid = _gridOf(sheet ?? _sheet) ?? throw new FormulaException("#REF!");
        var values = new List<object?>();
        var endRow = Math.Min(range.EndRow ?? grid.Rows, grid.Rows);
        var endColumn = Math.Min(range.EndColumn ?? grid.Columns, grid.Columns);
        for (var r = range.StartRow ?? 0; r < endRow; r++)
        {
            for (var c = range.StartColumn ?? 0; c < endColumn; c++)
            {
                values.Add(_cellAt(sheet, r, c) switch
                {
                    null => null,
                    { Kind: CellKind.Number } cell => cell.Number,
                    { Kind: CellKind.Boolean } cell => cell.Boolean,
                    { Kind: CellKind.Error } cell => throw new FormulaException(cell.Text ?? "#ERROR!"),
                    var cell => cell.Text,
                });
            }
        }

        return values;
    }

    private object? Function(string name)
    {
        var arguments = new List<object?>();
        SkipSpace();
        if (!Accept(')'))
        {
            do
            {
                arguments.Add(Comparison());
            }
            while (Accept(','));

            if (!Accept(')'))
            {
                throw new FormulaException("#ERROR!");
            }
        }

        var flat = arguments.SelectMany(a => a is List<object?> list ? list : [a]).ToList();

        return name switch
        {
            "SUM" => flat.OfType<double>().Sum(),
            "MIN" => flat.OfType<double>().DefaultIfEmpty(0).Min(),
            "MAX" => flat.OfType<double>().DefaultIfEmpty(0).Max(),
            "COUNT" => (double)flat.OfType<double>().Count(),
            "AVERAGE" => flat.OfType<double>().Any()
                ? flat.OfType<double>().Average()
                : throw new FormulaException("#DIV/0!"),
            "LEN" => (double)Text(Single(arguments.FirstOrDefault())).Length,
            "CONCATENATE" => string.Concat(flat.Select(Text)),
            "HYPERLINK" => Text(Single(arguments.Count > 1 ? arguments[1] : arguments.FirstOrDefault())),
            _ => throw new FormulaException("#NAME?"),
        };
    }

    private static object? Single(object? value) => value is List<object?> list
        ? list.Count == 1 ? list[0] : throw new FormulaException("#VALUE!")
        : value;

    private static double Number(object? value) => Single(value) switch
    {
        null => 0,
        double number => number,
        bool flag => flag ? 1 : 0,
        string text when text.Length == 0 => 0,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new FormulaException("#VALUE!"),
    };

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double number => CellFormatter.FormatNumber(number, null),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => value.ToString() ?? string.Empty,
    };

    private bool Accept(char c)
    {
        SkipSpace();
        if (_at < _text.Length && _text[_at] == c)
        {
            _at++;

            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }
    }
}
