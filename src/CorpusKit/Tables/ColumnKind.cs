namespace CorpusKit.Tables;

/// <summary>What a column of an entity table holds, as the schema types the field.</summary>
public enum ColumnKind
{
    /// <summary>Text: a <c>string</c> field, an enum's schema spelling, or the key of a referenced entity.</summary>
    Text,

    /// <summary>An <c>int</c>.</summary>
    Integer,

    /// <summary>A <c>decimal</c>.</summary>
    Decimal,

    /// <summary>A <c>bool</c>.</summary>
    Boolean,

    /// <summary>A <see cref="PartialDate"/>: as much of a calendar date as the text gives (<c>2024</c>, <c>2024-05</c>, <c>--02-10</c>).</summary>
    Date,
}
