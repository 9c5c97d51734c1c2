using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Threading;

namespace CorpusKit.Recognizers;

/// <summary>
/// Every word that any of the recognizers' tables holds (months, weekdays, number words, the
/// little words of the grammars), so that a token in none of them is told so once, when it is
/// read, instead of by each of the dozens of look-ups a grammar makes around it.
/// </summary>
/// <remarks>
/// <para>
/// Around each number or month the date grammar tries some thirty productions at each of a few
/// tokens, and most of those tokens are names and verbs that no table holds; each try looked the
/// word up again, with up to three proclitic forms each time (about 120 look-ups a position).
/// A token now carries <see cref="Token.Known"/>: a look-up tries only the forms of the word
/// that some table holds, and fails at once for a word none holds.
/// </para>
/// <para>
/// The tables register their keys as they are built (<see cref="Reader.Set"/>,
/// <see cref="Reader.Table{T}"/>); the set is sealed at the first question, after the classes that
/// hold tables have been initialized. A table built after that would be missing from it, so
/// registering then throws instead: a new class of tables belongs in <see cref="Seal"/>.
/// </para>
/// </remarks>
internal static class Vocabulary
{
    private static readonly object s_lock = new();
    private static HashSet<string>? s_pending = new(StringComparer.Ordinal);
    private static FrozenSet<string>? s_words;


    /// <summary>Adds a table's (folded) key.</summary>
    public static void Register(string key)
    {
        lock (s_lock)
        {
            if (s_pending is null)
            {
                throw new InvalidOperationException(
                    $"A recognizer table was built after the vocabulary was sealed; have {nameof(Vocabulary)}.{nameof(Seal)} read its class's TablesBuilt.");
            }

            s_pending.Add(key);
        }
    }

    /// <summary>Whether some table holds <paramref name="key"/> (a folded word).</summary>
    public static bool Contains(ReadOnlySpan<char> key) => Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);

    /// <summary>
    /// Which forms of the word <paramref name="key"/> some table holds: bit 0 the word itself,
    /// bit 1 + k the k-th form <see cref="Reader.CliticForms"/> gives once its proclitics are set
    /// aside. Zero when no table holds any of them.
    /// </summary>
    public static byte KnownForms(string key)
    {
        int known = Contains(key) ? 1 : 0;
        Span<CliticForm> forms = stackalloc CliticForm[3];
        Span<char> buffer = key.Length <= 64 ? stackalloc char[key.Length] : new char[key.Length];
        int count = Reader.CliticForms(key, forms);
        for (int k = 0; k < count; k++)
        {
            if (Contains(forms[k].Of(key, buffer)))
            {
                known |= 2 << k;
            }
        }

        return (byte)known;
    }

    private static FrozenSet<string> Words => Volatile.Read(ref s_words) ?? Seal();

    private static FrozenSet<string> Seal()
    {
        // Reading a static field runs the class's static initializers, which build (and register)
        // its tables: every class whose static fields are tables built through Reader.
        if (!(TimeWords.TablesBuilt && TimeGrammar.TablesBuilt && NumberWords.TablesBuilt && NumberRecognizer.TablesBuilt))
        {
            throw new InvalidOperationException("The recognizers' tables are not built.");
        }

        lock (s_lock)
        {
            if (s_words is null)
            {
                s_words = s_pending!.ToFrozenSet(StringComparer.Ordinal);
                s_pending = null;
            }

            return s_words;
        }
    }
}
