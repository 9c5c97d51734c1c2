using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CorpusKit.Running;

/// <summary>What reading a <see cref="CorpusDocument"/> gave: its text, or why it cannot be read.</summary>
public sealed class DocumentText
{
    private DocumentText(string? text, long utf8Length, string? problem)
    {
        Text = text;
        Utf8Length = utf8Length;
        Problem = problem;
    }

    /// <summary>The decoded text; null when the document cannot be read.</summary>
    public string? Text { get; }

    /// <summary>The text's length in UTF-8 bytes (without a byte order mark); 0 when it cannot be read.</summary>
    public long Utf8Length { get; }

    /// <summary>Why the document cannot be read (<c>does not exist</c>, say), worded to follow its path; null when it was read.</summary>
    public string? Problem { get; }

    /// <summary>Whether the text was read.</summary>
    [MemberNotNullWhen(true, nameof(Text))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsRead => Text is not null;

    /// <summary>A text that was read; its UTF-8 length is counted.</summary>
    public static DocumentText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DocumentText(text, Encoding.UTF8.GetByteCount(text), null);
    }

    /// <summary>A text that was read, with its UTF-8 length already known (the bytes it was decoded from).</summary>
    public static DocumentText Of(string text, long utf8Length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(utf8Length);
        return new DocumentText(text, utf8Length, null);
    }

    /// <summary>A document that cannot be read, and why (worded to follow its path: <c>does not exist</c>).</summary>
    public static DocumentText Unreadable(string problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(problem);
        return new DocumentText(null, 0, problem);
    }
}
