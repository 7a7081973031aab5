namespace Andalan.Functions.Documents.Xlsx;

/// <summary>A cell's type attribute (t): how its v element is to be read.</summary>
internal enum CellType
{
    /// <summary>n, or no type: a number, which a date style makes a date.</summary>
    Number,

    /// <summary>s: an index into the shared strings.</summary>
    SharedString,

    /// <summary>inlineStr: rich text in an is element.</summary>
    InlineString,

    /// <summary>str (a formula's text) or e (an error such as #N/A): the text itself.</summary>
    Text,

    /// <summary>b: 1 or 0.</summary>
    Boolean,

    /// <summary>d: an ISO 8601 date.</summary>
    Date,
}
