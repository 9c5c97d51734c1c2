using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace CorpusKit.Recognizers;

/// <summary>
/// Reads the tokens of one text for the recognizers' grammars: a word by its key, with or without
/// the proclitics that Arabic writes onto it (و ف ب ل ك), and where a match's span starts.
/// </summary>
/// <remarks>
/// A proclitic stays out of a span (<c>بالأمس</c> gives <c>الأمس</c>), except a fused
/// <c>لل</c> (ل with the article), which cannot be split and stays whole (<c>للثانية</c>), as
/// NewsDesk's guidelines have it for names.
/// </remarks>
internal sealed class Reader
{
    private readonly Token[] _tokens;
    private readonly int _count;
    private readonly NormalizedText _text;

    /// <summary>A reader over <paramref name="tokens"/> of <paramref name="text"/> (the normalized text they stand in).</summary>
    public Reader(Token[] tokens, NormalizedText text)
        : this(tokens, tokens.Length, text)
    {
    }

    /// <summary>A reader over the first <paramref name="count"/> of <paramref name="tokens"/> (a window of a text).</summary>
    public Reader(Token[] tokens, int count, NormalizedText text)
    {
        _tokens = tokens;
        _count = count;
        _text = text;
    }

    public int Count => _count;

    /// <summary>Token <paramref name="index"/>, its key and value filled on first read.</summary>
    public Token this[int index]
    {
        get
        {
            ref Token token = ref _tokens[index];
            if (token.Key is null)
            {
                token = Tokens.Filled(token, _text.Span);
            }

            return token;
        }
    }

    public bool IsWord(int i) => (uint)i < (uint)_count && _tokens[i].Kind == TokenKind.Word;

    public bool IsDigits(int i) => (uint)i < (uint)_count && _tokens[i].Kind == TokenKind.Digits;

    /// <summary>Whether token <paramref name="i"/> is one of <paramref name="keys"/> exactly.</summary>
    public bool IsAny(int i, FrozenSet<string> keys) => IsWord(i) && (this[i] is { Known: var known } token) && (known & 1) != 0 && keys.Contains(token.Key);

    /// <summary>Whether token <paramref name="i"/> is the symbol <paramref name="c"/>.</summary>
    public bool IsSymbol(int i, char c) => (uint)i < (uint)_count && _tokens[i].Kind == TokenKind.Symbol && _text.Span[_tokens[i].Start] == c;

    /// <summary>Whether token <paramref name="i"/> is one of the symbols in <paramref name="symbols"/>.</summary>
    public bool IsSymbol(int i, string symbols) => (uint)i < (uint)_count && _tokens[i].Kind == TokenKind.Symbol && symbols.Contains(_text.Span[_tokens[i].Start], StringComparison.Ordinal);

    /// <summary>Whether tokens <paramref name="i"/> and <paramref name="i"/> + 1 touch (no white space between).</summary>
    public bool Touches(int i) => i + 1 < _count && !_tokens[i + 1].SpaceBefore;

    /// <summary>
    /// Looks token <paramref name="i"/> up in <paramref name="table"/>: the whole word, then after
    /// a conjunction and a preposition (و ف, then ب ل ك), then a fused لل as ال. Gives the value and
    /// how many leading chars the span leaves out.
    /// </summary>
    public bool Lookup<T>(int i, FrozenDictionary<string, T> table, out T value, out int skip, bool clitics = true)
    {
        skip = 0;
        if (!IsWord(i))
        {
            value = default!;
            return false;
        }

        // Only the forms some table holds are looked up (Token.Known): most words near a date are
        // in no table, and most that are, are there whole.
        Token token = this[i];
        string key = token.Key;
        if ((token.Known & 1) != 0 && table.TryGetValue(key, out value!))
        {
            return true;
        }

        if (!clitics || token.Known <= 1)
        {
            value = default!;
            return false;
        }

        FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> spans = table.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<CliticForm> forms = stackalloc CliticForm[3];
        Span<char> article = stackalloc char[key.Length];
        int count = CliticForms(key, forms);
        for (int k = 0; k < count; k++)
        {
            if ((token.Known & (2 << k)) != 0 && spans.TryGetValue(forms[k].Of(key, article), out value!))
            {
                skip = forms[k].Skip;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Reads token <paramref name="i"/>'s key, with the conjunction و split off: (key, whether و was there).</summary>
    public (string Key, bool Conjoined) WithoutAnd(int i)
    {
        string key = this[i].Key;
        return key.Length > 2 && key[0] == 'و' ? (key[1..], true) : (key, false);
    }

    /// <summary>Builds a frozen set of keys, folded as tokens are.</summary>
    public static FrozenSet<string> Set(params string[] words)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in words)
        {
            string key = Tokens.Fold(word);
            keys.Add(key);
            Vocabulary.Register(key);
        }

        return keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Builds a frozen table from words (folded as tokens are) to values.</summary>
    public static FrozenDictionary<string, T> Table<T>(IEnumerable<(string Word, T Value)> entries)
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach ((string word, T value) in entries)
        {
            string key = Tokens.Fold(word);
            table[key] = value;
            Vocabulary.Register(key);
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The forms a word may be looked up by once its proclitics are set aside: after و or ف, then
    /// after ب ل ك, and a fused لل as ال + the rest (whose span keeps the لل). Words shorter than
    /// three letters have none. Returns how many it wrote into <paramref name="forms"/> (three at most).
    /// </summary>
    public static int CliticForms(ReadOnlySpan<char> key, Span<CliticForm> forms)
    {
        if (key.Length < 3)
        {
            return 0;
        }

        int count = 0;
        int at = 0;
        if (key[0] is 'و' or 'ف')
        {
            at = 1;
            forms[count++] = new CliticForm(1, 1, Article: false);
        }

        if (key.Length - at >= 3 && key[at] is 'ب' or 'ل' or 'ك')
        {
            forms[count++] = new CliticForm(at + 1, at + 1, Article: false);
            if (key[at] == 'ل' && key[at + 1] == 'ل')
            {
                forms[count++] = new CliticForm(at, at, Article: true);
            }
        }

        return count;
    }
}

/// <summary>A form of a word after its proclitics: where it starts, the chars its span leaves out, and whether its first char reads as alef (a fused لل).</summary>
internal readonly record struct CliticForm(int From, int Skip, bool Article)
{
    /// <summary>The form's chars in <paramref name="key"/>, or, for a fused لل, ال + the rest copied into <paramref name="buffer"/>.</summary>
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> key, Span<char> buffer)
    {
        if (!Article)
        {
            return key[From..];
        }

        Span<char> form = buffer[..(key.Length - From)];
        key[From..].CopyTo(form);
        form[0] = 'ا';
        return form;
    }
}
