using System;
using System.Globalization;

namespace CorpusKit;

/// <summary>Turns matched text into typed field values; generated extractors call these.</summary>
internal static class FieldParsers
{
    /// <summary>
    /// Parses a whole number: ASCII, Arabic-Indic or Persian digits, an optional sign, and the
    /// group separators <c>,</c> and <c>٬</c>.
    /// </summary>
    public static bool TryParseInt(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        text = text.Trim();
        bool negative = false;
        if (text.Length > 0 && text[0] is '-' or '+' or '\u2212')
        {
            negative = text[0] != '+';
            text = text[1..];
        }

        long total = 0;
        int digits = 0;
        foreach (char c in text)
        {
            int digit = DigitValue(c);
            if (digit >= 0)
            {
                total = (total * 10) + digit;
                digits++;
                if (total > int.MaxValue + 1L)
                {
                    return false;
                }
            }
            else if (c is not (',' or '\u066C') || digits == 0)
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        total = negative ? -total : total;
        if (total is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        value = (int)total;
        return true;
    }

    /// <summary>Parses a decimal number; <c>.</c> or <c>٫</c> is the decimal point.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        int length = 0;
        foreach (char c in text.Trim())
        {
            int digit = DigitValue(c);
            if (digit >= 0)
            {
                buffer[length++] = (char)('0' + digit);
            }
            else if (c is '\u066B' or '.')
            {
                buffer[length++] = '.';
            }
            else if (c is '-' or '\u2212' or '+')
            {
                buffer[length++] = c == '+' ? '+' : '-';
            }
            else if (c is not (',' or '\u066C'))
            {
                value = 0;
                return false;
            }
        }

        return decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a yes or no, in English or Arabic.</summary>
    public static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("\u0646\u0639\u0645"))
        {
            value = true;
            return true;
        }

        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("\u0644\u0627");
    }

    /// <summary>Parses a day of the month, allowing an English ordinal suffix (10th, 1st, 22nd, 3rd).</summary>
    public static bool TryParseDay(ReadOnlySpan<char> text, out int value)
    {
        text = text.Trim();
        if (text.Length > 2 && char.IsLetter(text[^1]) && char.IsLetter(text[^2]))
        {
            ReadOnlySpan<char> suffix = text[^2..];
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                text = text[..^2];
            }
        }

        return TryParseInt(text, out value) && value is >= 1 and <= 31;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };
}
