using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace CorpusKit.Recognizers;

/// <summary>
/// Numbers written in Arabic words, cardinal (<c>ألف وتسعمائة وثمانية وسبعون</c>, <c>خمسة عشر</c>,
/// <c>مليونان</c>) and ordinal (<c>الحادي والعشرين</c>, <c>الثالثة عشرة</c>, <c>ثاني</c>), in
/// either gender, with or without the article, the parts joined by و as a separate word or
/// written on the next one. English number words are read too (<c>twenty-one</c>, <c>first</c>).
/// </summary>
/// <remarks>
/// Hand-written rather than taken from a library: the peers that read Arabic numbers
/// (Recognizers-Text, Duckling) are whole frameworks built on regular expressions made at start-up
/// or on Haskell, and none reads from a token stream with spans into normalized text.
/// </remarks>
internal static class NumberWords
{
    /// <summary>True once this class's tables are built; read by <see cref="Vocabulary"/> to have them registered before it is sealed.</summary>
    internal static readonly bool TablesBuilt = true;

    private enum Part : byte
    {
        /// <summary>1 to 10.</summary>
        Unit,

        /// <summary>A unit that stands only before عشر (أحد، اثنا، إحدى).</summary>
        TeenHead,

        /// <summary>عشر or عشرة after a unit: adds ten.</summary>
        Teen,

        /// <summary>20, 30, … 90.</summary>
        Ten,

        /// <summary>100 to 900.</summary>
        Hundred,

        /// <summary>مئة after a unit: multiplies it by a hundred.</summary>
        HundredAfterUnit,

        /// <summary>ألف, مليون, مليار, singular: multiplies what came before (or stands for one).</summary>
        Scale,

        /// <summary>آلاف, ملايين: multiplies the unit before it.</summary>
        ScalePlural,

        /// <summary>ألفان, مليونان: two of the scale, a value of its own.</summary>
        ScaleDual,
    }

    private readonly record struct Atom(Part Part, long Value);

    private static readonly FrozenDictionary<string, Atom> s_cardinals = Reader.Table(Cardinals());

    private static readonly FrozenDictionary<string, int> s_ordinals = Reader.Table(Ordinals());

    private static readonly FrozenDictionary<string, int> s_englishCardinals = Reader.Table(EnglishCardinals());

    private static readonly FrozenDictionary<string, int> s_englishOrdinals = Reader.Table(EnglishOrdinals());

    private static readonly FrozenSet<string> s_and = Reader.Set("و");

    /// <summary>Every ordinal word, folded (a time expression may start with one).</summary>
    public static IEnumerable<string> OrdinalKeys => s_ordinals.Keys;

    /// <summary>Every cardinal word, folded (a day or an hour may be one: العشرين, الخمسة عشر).</summary>
    public static IEnumerable<string> CardinalKeys => s_cardinals.Keys;

    private static IEnumerable<(string, Atom)> Cardinals()
    {
        string[][] units =
        [
            ["صفر"],
            ["واحد", "واحدة"],
            ["اثنان", "اثنين", "اثنتان", "اثنتين", "إثنان", "إثنين", "اتنين", "إتنين"],
            ["ثلاث", "ثلاثة", "تلات", "تلاتة"],
            ["أربع", "أربعة"],
            ["خمس", "خمسة"],
            ["ست", "ستة"],
            ["سبع", "سبعة"],
            ["ثمان", "ثماني", "ثمانية", "تمان", "تمانية", "تمن"],
            ["تسع", "تسعة"],
            ["عشر", "عشرة"],
        ];
        for (int value = 0; value < units.Length; value++)
        {
            foreach (string word in units[value])
            {
                yield return (word, new Atom(Part.Unit, value));
                yield return ("ال" + word, new Atom(Part.Unit, value));
            }
        }

        // Spoken teens, one word each (Egyptian, Levantine): حداشر, اتناشر, تلتاشر … تسعتاشر.
        string[] spokenTeens = ["حداشر", "اتناشر", "تلتاشر", "اربعتاشر", "خمستاشر", "ستاشر", "سبعتاشر", "تمنتاشر", "تسعتاشر"];
        for (int t = 0; t < spokenTeens.Length; t++)
        {
            yield return (spokenTeens[t], new Atom(Part.Unit, 11 + t));
        }

        yield return ("إتناشر", new Atom(Part.Unit, 12));
        yield return ("إحداشر", new Atom(Part.Unit, 11));

        foreach (string word in new[] { "أحد", "إحدى", "احدى", "إحدي" })
        {
            yield return (word, new Atom(Part.TeenHead, 1));
            yield return ("ال" + word, new Atom(Part.TeenHead, 1));
        }

        foreach (string word in new[] { "اثنا", "اثني", "اثنى", "اثنتا", "اثنتي", "اثنتى", "إثنا", "إثنى", "إثنتى" })
        {
            yield return (word, new Atom(Part.TeenHead, 2));
            yield return ("ال" + word, new Atom(Part.TeenHead, 2));
        }

        string[] tens = ["عشر", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"];
        for (int t = 0; t < tens.Length; t++)
        {
            foreach (string ending in new[] { "ون", "ين" })
            {
                yield return (tens[t] + ending, new Atom(Part.Ten, (t + 2) * 10));
                yield return ("ال" + tens[t] + ending, new Atom(Part.Ten, (t + 2) * 10));
            }
        }

        yield return ("تلاتين", new Atom(Part.Ten, 30));
        yield return ("تمانين", new Atom(Part.Ten, 80));

        // Spoken hundreds: مية, متين, تلتمية … تسعمية.
        yield return ("مية", new Atom(Part.HundredAfterUnit, 100));
        yield return ("متين", new Atom(Part.Hundred, 200));
        string[] spokenHundreds = ["تلتمية", "ربعمية", "خمسمية", "ستمية", "سبعمية", "تمنمية", "تسعمية"];
        for (int h = 0; h < spokenHundreds.Length; h++)
        {
            yield return (spokenHundreds[h], new Atom(Part.Hundred, (h + 3) * 100));
        }

        foreach (string hundred in new[] { "مئة", "مائة" })
        {
            yield return (hundred, new Atom(Part.HundredAfterUnit, 100));
            string stem = hundred[..^1];
            yield return (stem + "تان", new Atom(Part.Hundred, 200));
            yield return (stem + "تين", new Atom(Part.Hundred, 200));
            string[] heads = ["ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"];
            for (int h = 0; h < heads.Length; h++)
            {
                yield return (heads[h] + hundred, new Atom(Part.Hundred, (h + 3) * 100));
            }
        }

        yield return ("ألف", new Atom(Part.Scale, 1_000));
        yield return ("ألفا", new Atom(Part.ScaleDual, 2_000));
        yield return ("ألفان", new Atom(Part.ScaleDual, 2_000));
        yield return ("ألفين", new Atom(Part.ScaleDual, 2_000));
        yield return ("آلاف", new Atom(Part.ScalePlural, 1_000));
        yield return ("مليون", new Atom(Part.Scale, 1_000_000));
        yield return ("مليونان", new Atom(Part.ScaleDual, 2_000_000));
        yield return ("مليونين", new Atom(Part.ScaleDual, 2_000_000));
        yield return ("ملايين", new Atom(Part.ScalePlural, 1_000_000));
        yield return ("مليار", new Atom(Part.Scale, 1_000_000_000));
        yield return ("ملياران", new Atom(Part.ScaleDual, 2_000_000_000));
        yield return ("مليارين", new Atom(Part.ScaleDual, 2_000_000_000));
        yield return ("مليارات", new Atom(Part.ScalePlural, 1_000_000_000));
    }

    private static IEnumerable<(string, int)> Ordinals()
    {
        string[][] ordinals =
        [
            ["أول", "أولى", "حادي", "حادية"],
            ["ثاني", "ثان", "ثانية"],
            ["ثالث", "ثالثة"],
            ["رابع", "رابعة"],
            ["خامس", "خامسة"],
            ["سادس", "سادسة"],
            ["سابع", "سابعة"],
            ["ثامن", "ثامنة"],
            ["تاسع", "تاسعة"],
            ["عاشر", "عاشرة"],
        ];
        for (int value = 1; value <= ordinals.Length; value++)
        {
            foreach (string word in ordinals[value - 1])
            {
                yield return (word, value);
                yield return ("ال" + word, value);
            }
        }
    }

    private static IEnumerable<(string, int)> EnglishCardinals()
    {
        string[] small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int n = 0; n < small.Length; n++)
        {
            yield return (small[n], n);
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int t = 0; t < tens.Length; t++)
        {
            yield return (tens[t], (t + 2) * 10);
        }
    }

    private static IEnumerable<(string, int)> EnglishOrdinals()
    {
        string[] small = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
        for (int n = 0; n < small.Length; n++)
        {
            yield return (small[n], n + 1);
        }

        string[] tens = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
        for (int t = 0; t < tens.Length; t++)
        {
            yield return (tens[t], (t + 2) * 10);
        }
    }

    /// <summary>
    /// A cardinal number in words from token <paramref name="i"/>: its value, the token after it,
    /// and the proclitic chars its span leaves out. Parts join by و; a unit may be followed
    /// directly by عشر (a teen) or مئة, and any part by a scale (ألف, مليون).
    /// </summary>
    public static bool Cardinal(Reader r, int i, out long value, out int end, out int skip)
    {
        value = 0;
        end = i;
        if (!r.Lookup(i, s_cardinals, out Atom first, out skip))
        {
            return EnglishCardinal(r, i, out value, out end, out skip);
        }

        long total = 0;
        long group = 0;
        Atom previous = default;
        bool any = false;
        int j = i;
        Atom atom = first;
        while (true)
        {
            if (!Combine(ref total, ref group, any ? previous : (Atom?)null, atom))
            {
                break;
            }

            any = true;
            previous = atom;
            end = j + 1;

            // The next part: directly (عشر after a unit, مئة, a scale), or after و.
            int next = j + 1;
            if (r.IsWord(next) && Teen(r[next].Key) && atom.Part is Part.Unit or Part.TeenHead)
            {
                atom = new Atom(Part.Teen, 10);
                j = next;
                continue;
            }

            if (r.Lookup(next, s_cardinals, out Atom direct, out _, clitics: false)
                && direct.Part is Part.HundredAfterUnit or Part.Scale or Part.ScalePlural or Part.ScaleDual)
            {
                atom = direct;
                j = next;
                continue;
            }

            // Spoken numbers put the rest right after the hundreds: متين تلاتة وستين.
            if (atom.Part == Part.Hundred && r.Lookup(next, s_cardinals, out Atom rest, out _, clitics: false) && rest.Part is Part.Unit or Part.Ten)
            {
                atom = rest;
                j = next;
                continue;
            }

            if (r.IsAny(next, s_and) && r.Lookup(next + 1, s_cardinals, out Atom afterAnd, out _, clitics: false))
            {
                atom = afterAnd;
                j = next + 1;
                continue;
            }

            if (r.IsWord(next) && r.WithoutAnd(next) is (string key, true) && s_cardinals.TryGetValue(key, out Atom joined))
            {
                atom = joined;
                j = next;
                continue;
            }

            break;
        }

        if (!any || previous.Part == Part.TeenHead)
        {
            // A teen head alone (أحد, إحدى) is "one of", not a number.
            return false;
        }

        value = total + group;
        return true;
    }

    private static bool Teen(string key) => key is "عشر" or "عشره";

    /// <summary>Adds <paramref name="atom"/> to the number read so far; false when it cannot follow <paramref name="previous"/>.</summary>
    private static bool Combine(ref long total, ref long group, Atom? previous, Atom atom)
    {
        switch (atom.Part)
        {
            case Part.Teen when previous is { Part: Part.Unit or Part.TeenHead, Value: >= 1 and <= 9 }:
                group += 10;
                return true;
            case Part.Teen:
                return false;
            case Part.Unit or Part.TeenHead:
                // A unit after a ten or a unit is not one number (خمسة ستة); after a hundred or a
                // scale it is (مئة وخمسة).
                if (previous is { Part: Part.Unit or Part.Ten or Part.Teen or Part.TeenHead })
                {
                    return false;
                }

                group += atom.Value;
                return true;
            case Part.Ten:
                if (previous is { Part: Part.Ten or Part.Teen } || (previous is { Part: Part.Unit } p && p.Value >= 10))
                {
                    return false;
                }

                group += atom.Value;
                return true;
            case Part.Hundred:
                if (previous is { Part: Part.Unit or Part.Ten or Part.Teen or Part.Hundred or Part.HundredAfterUnit })
                {
                    return false;
                }

                group += atom.Value;
                return true;
            case Part.HundredAfterUnit:
                if (previous is { Part: Part.Unit, Value: >= 3 and <= 9 } unit)
                {
                    group += (unit.Value * 100) - unit.Value;
                    return true;
                }

                if (previous is { Part: Part.Unit or Part.Ten or Part.Teen or Part.Hundred or Part.HundredAfterUnit })
                {
                    return false;
                }

                group += 100;
                return true;
            case Part.Scale:
            case Part.ScalePlural:
                if (previous is { Part: Part.Scale or Part.ScalePlural or Part.ScaleDual })
                {
                    return false;
                }

                if (total > 0 && total < atom.Value)
                {
                    // A larger scale takes everything before it: ألف وتسعمائة وثمانية وسبعون مليون is 1,978 million.
                    total = (total + group) * atom.Value;
                }
                else
                {
                    total += (group == 0 ? 1 : group) * atom.Value;
                }

                group = 0;
                return true;
            case Part.ScaleDual:
                if (previous is not null && previous.Value.Part is not (Part.Scale or Part.ScalePlural or Part.ScaleDual) && previous.Value.Value < atom.Value)
                {
                    return false;
                }

                total += atom.Value;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// An ordinal in words from token <paramref name="i"/>: <c>الأول</c> … <c>العاشر</c>, the teens
    /// (<c>الحادي عشر</c>, <c>الثالثة عشرة</c>, <c>الاثنا عشر</c>), a unit and a ten
    /// (<c>الحادي والعشرين</c>, <c>الواحد والثلاثون</c>), a ten with the article (<c>العشرين</c>),
    /// and a cardinal with the article standing for one (<c>الخمسة عشر</c>).
    /// </summary>
    public static bool Ordinal(Reader r, int i, out int value, out int end, out int skip, bool compound = true)
    {
        value = 0;
        end = i;
        int head;
        if (r.Lookup(i, s_ordinals, out int ordinal, out skip))
        {
            head = ordinal;
        }
        else if (r.Lookup(i, s_cardinals, out Atom atom, out skip) && r.IsWord(i) && IsDefinite(r[i].Key, skip)
            && atom.Part is Part.Unit or Part.TeenHead or Part.Ten && atom.Value >= 1)
        {
            if (atom.Part == Part.Ten)
            {
                value = (int)atom.Value;
                end = i + 1;
                return true;
            }

            head = (int)atom.Value;
            if (!compound || !(r.IsWord(i + 1) && (Teen(r[i + 1].Key) || r.WithoutAnd(i + 1).Conjoined || r.IsAny(i + 1, s_and))))
            {
                // الخمسة alone is "the five", not "the fifth".
                return false;
            }
        }
        else
        {
            return EnglishOrdinal(r, i, out value, out end, out skip);
        }

        string word = r[i].Key;
        bool elevenHead = word.EndsWith("حادي", System.StringComparison.Ordinal) || word.EndsWith("حاديه", System.StringComparison.Ordinal);
        if (compound && head <= 9 && r.IsWord(i + 1) && Teen(r[i + 1].Key))
        {
            value = head + 10;
            end = i + 2;
            return true;
        }

        if (compound && head <= 9 && TenAfterAnd(r, i + 1, out int ten, out int tenEnd))
        {
            value = head + ten;
            end = tenEnd;
            return true;
        }

        if (elevenHead)
        {
            return false;
        }

        value = head;
        end = i + 1;
        return true;
    }

    /// <summary>و then a ten (<c>والعشرين</c>, <c>و العشرون</c>, <c>وعشرين</c>), from token <paramref name="i"/>.</summary>
    private static bool TenAfterAnd(Reader r, int i, out int ten, out int end)
    {
        ten = 0;
        end = i;
        if (r.IsAny(i, s_and) && r.Lookup(i + 1, s_cardinals, out Atom separate, out _, clitics: false) && separate.Part == Part.Ten)
        {
            ten = (int)separate.Value;
            end = i + 2;
            return true;
        }

        if (r.IsWord(i) && r.WithoutAnd(i) is (string key, true) && s_cardinals.TryGetValue(key, out Atom joined) && joined.Part == Part.Ten)
        {
            ten = (int)joined.Value;
            end = i + 1;
            return true;
        }

        return false;
    }

    private static bool IsDefinite(string key, int skip)
        => key.Length > skip + 2 && (key.AsSpan(skip).StartsWith("ال", System.StringComparison.Ordinal) || key.AsSpan(skip).StartsWith("لل", System.StringComparison.Ordinal));

    private static bool EnglishCardinal(Reader r, int i, out long value, out int end, out int skip)
    {
        skip = 0;
        end = i;
        value = 0;
        if (!r.Lookup(i, s_englishCardinals, out int first, out _, clitics: false))
        {
            return false;
        }

        value = first;
        end = i + 1;
        if (first >= 20 && first % 10 == 0 && r.IsSymbol(i + 1, '-') && r.Touches(i) && r.Touches(i + 1)
            && r.Lookup(i + 2, s_englishCardinals, out int unit, out _, clitics: false) && unit is >= 1 and <= 9)
        {
            value += unit;
            end = i + 3;
        }

        return true;
    }

    private static bool EnglishOrdinal(Reader r, int i, out int value, out int end, out int skip)
    {
        skip = 0;
        end = i;
        if (r.Lookup(i, s_englishOrdinals, out value, out _, clitics: false))
        {
            end = i + 1;
            return true;
        }

        if (r.Lookup(i, s_englishCardinals, out int ten, out _, clitics: false) && ten >= 20 && ten % 10 == 0
            && r.IsSymbol(i + 1, '-') && r.Touches(i) && r.Touches(i + 1)
            && r.Lookup(i + 2, s_englishOrdinals, out int unit, out _, clitics: false) && unit <= 9)
        {
            value = ten + unit;
            end = i + 3;
            return true;
        }

        return false;
    }
}
