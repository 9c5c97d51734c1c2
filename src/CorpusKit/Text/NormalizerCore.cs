using System;
using System.Globalization;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace CorpusKit.Text;

/// <summary>
/// The one-pass normalizer behind <c>normalize: arabic</c>. It returns the normalized text and the
/// map from each normalized char back to the range of the original text it came from.
/// </summary>
/// <remarks>
/// <para>
/// Compiled into both the runtime and the generator (which normalizes lexicon forms and regex
/// literals at build time), so both sides agree char for char. netstandard2.0 APIs only.
/// </para>
/// <para>
/// The hot path is a table: below U+0800 (ASCII, Latin-1, Arabic) each char either maps to exactly
/// one char in place (most letters to themselves, أ إ آ ٱ to ا, ى to ي, Arabic-Indic digits to
/// ASCII) or needs the general path. A mapped char that no combining mark follows is written
/// with no bookkeeping: its offset is the one after the previous char's, which the
/// <see cref="OffsetMap"/> does not store. A vectorized search for the next char that changes
/// (<c>SearchValues</c>) measured no faster on Arabic news, where the alef variants and spaces
/// end a run every twenty chars or so; instead the runtime maps blocks of eight chars in one
/// vector, alef variants and lone spaces included, and uses the table where a block stops
/// (half the time of the table alone on the seed corpus).
/// </para>
/// </remarks>
internal static class NormalizerCore
{
    /// <summary>The chars below this one are looked up in <see cref="s_simple"/> and <see cref="s_marks"/>.</summary>
    private const int TableSize = 0x800;

    /// <summary>For a char below <see cref="TableSize"/>: the one char it normalizes to on its own, or \0 when it needs the general path.</summary>
    private static readonly char[] s_simple = BuildSimpleTable();

    /// <summary>For a char below <see cref="TableSize"/>: whether it is a combining mark (it joins the cluster of the char before it).</summary>
    private static readonly bool[] s_marks = BuildMarkTable();

    /// <summary>Normalizes <paramref name="text"/> for <c>normalize: arabic</c>.</summary>
    /// <param name="text">The original text.</param>
    /// <param name="map">The map back to the original, or null when every char maps to the char at its own index.</param>
    /// <param name="otherDigits">Whether the result holds a decimal digit outside ASCII 0-9 (a script the normalizer does not map).</param>
    /// <returns>The normalized text.</returns>
    /// <remarks>
    /// The original is cut into clusters: a whitespace run, or one code point with the combining
    /// marks that follow it. Every char a cluster produces maps to the whole cluster, so a span
    /// mapped back never splits a surrogate pair and keeps the diacritics of its last letter.
    /// </remarks>
    internal static string NormalizeArabic(string text, out OffsetMap? map, out bool otherDigits)
    {
        var output = new Output(text.Length, trackOffsets: true);
        Run(text, ref output);
        return output.ToString(out map, out otherDigits);
    }

    /// <summary>
    /// <see cref="NormalizeArabic(string, out OffsetMap?, out bool)"/> into a work buffer, which the
    /// caller gives back (<see cref="ReturnBuffer"/>): for a text that is read once and then copied
    /// (a document's text before its boilerplate is masked), so no string is made of it.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="length">The normalized text's length: the first chars of the buffer returned.</param>
    /// <param name="map">The offset map, null when no char's offset shifted.</param>
    /// <param name="otherDigits">Whether the text holds decimal digits of a script other than ASCII, Arabic-Indic and Persian.</param>
    /// <param name="reuseMap">A released map to make the map in instead of a new one, or null.</param>
    internal static char[] NormalizeArabicRented(string text, out int length, out OffsetMap? map, out bool otherDigits, OffsetMap? reuseMap = null)
    {
        var output = new Output(text.Length, trackOffsets: true);
        Run(text, ref output);
        return output.Detach(out length, out map, out otherDigits, reuseMap);
    }

#if NET
    /// <summary>
    /// Past this many chars a work buffer is allocated to size and left to the collector: the
    /// shared pool rounds up to a power of two and keeps what it is given, so one document of
    /// 64 MB would hold 128 MB in it for the rest of the process.
    /// </summary>
    private const int MaxPooledChars = 1 << 20;

    /// <summary>A work buffer of at least <paramref name="length"/> chars: from the shared pool up to <see cref="MaxPooledChars"/>, else allocated to size.</summary>
    internal static char[] RentBuffer(int length)
        => length <= MaxPooledChars ? System.Buffers.ArrayPool<char>.Shared.Rent(length) : GC.AllocateUninitializedArray<char>(length);

    /// <summary>Gives back a buffer from <see cref="RentBuffer"/>: to the pool if it came from there.</summary>
    internal static void ReturnBuffer(char[] chars)
    {
        if (chars.Length <= MaxPooledChars)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }
#endif

    /// <summary>
    /// <see cref="NormalizeArabic(string)"/> (no offsets kept) into a work buffer, which the caller
    /// gives back (<see cref="ReturnBuffer"/>): for keys compared and dropped.
    /// </summary>
    internal static char[] NormalizeArabicRented(string text, out int length)
    {
        var output = new Output(text.Length, trackOffsets: false);
        Run(text, ref output);
        return output.Detach(out length, out _, out _, reuseMap: null);
    }

    /// <summary>The number of runs of letters and digits in the normalized form of <paramref name="text"/>, without making it.</summary>
    internal static int CountWordsArabic(string text)
    {
        var counter = new WordCounter();
        Run(text, ref counter);
        return counter.Words;
    }

    /// <summary>The number of runs of letters and digits in <paramref name="text"/>.</summary>
    internal static int CountWords(ReadOnlySpan<char> text)
    {
        var counter = new WordCounter();
        for (int i = 0; i < text.Length; i++)
        {
            counter.Append(text[i], i, i + 1);
        }

        return counter.Words;
    }

    /// <summary>The normalization loop, writing to any <typeparamref name="TOutput"/>.</summary>
    private static void Run<TOutput>(string text, ref TOutput output)
        where TOutput : struct, IOutput
    {
        int length = text.Length;
        char[] simple = s_simple;
        int i = 0;
        while (i < length)
        {
            int runEnd = output.AppendRun(text, i);
            if (runEnd > i)
            {
                i = runEnd;
                continue;
            }

            char c = text[i];
            char mapped = c < TableSize ? simple[c] : '\0';
            if (mapped != '\0' && (i + 1 == length || !IsAttached(text[i + 1])))
            {
                output.AppendSimple(mapped, i);
                i++;
                continue;
            }

            if (c == ' ' && i + 1 < length && text[i + 1] is not (' ' or '\n' or '\r' or '\t') && !IsWhiteSpace(text[i + 1]) && !output.EndsWithSpace)
            {
                // A lone space between words, the commonest char after letters: a run of one.
                output.AppendSimple(' ', i);
                i++;
                continue;
            }

            i = NormalizeCluster(text, i, ref output);
        }
    }

    /// <summary>Normalizes a lexicon form, a regex literal or a key: the same mapping, no offsets kept.</summary>
    internal static string NormalizeArabic(string text)
    {
        var output = new Output(text.Length, trackOffsets: false);
        Run(text, ref output);
        return output.ToString(out _, out _);
    }

    /// <summary>Whether <paramref name="c"/> is removed by <c>normalize: arabic</c>.</summary>
    internal static bool IsRemoved(char c) => c switch
    {
        >= '\u0610' and <= '\u061A' => true, // Arabic signs and small high marks
        >= '\u064B' and <= '\u065F' => true, // harakat: tanween, fatha, damma, kasra, shadda, sukun, hamza marks
        '\u0670' => true,                    // superscript (dagger) alef
        >= '\u06D6' and <= '\u06DC' => true, // Quranic annotation marks
        >= '\u06DF' and <= '\u06E4' => true,
        '\u06E7' or '\u06E8' => true,
        >= '\u06EA' and <= '\u06ED' => true,
        '\u0640' => true,                    // tatweel
        '\u00AD' => true,                    // soft hyphen
        '\u061C' => true,                    // Arabic letter mark
        >= '\u200B' and <= '\u200F' => true, // zero-width space, ZWNJ, ZWJ, LRM, RLM
        >= '\u202A' and <= '\u202E' => true, // bidi embeddings and overrides
        >= '\u2060' and <= '\u2064' => true, // word joiner, invisible operators
        >= '\u2066' and <= '\u2069' => true, // bidi isolates
        '\uFEFF' => true,                    // byte-order mark, zero-width no-break space
        _ => false,
    };

    /// <summary>
    /// The general path: normalizes the whitespace run or the cluster that starts at
    /// <paramref name="start"/> and returns the index after it.
    /// </summary>
    private static int NormalizeCluster<TOutput>(string text, int start, ref TOutput output)
        where TOutput : struct, IOutput
    {
        int length = text.Length;
        char c = text[start];
        if (IsWhiteSpace(c))
        {
            int j = start;
            bool newline = false;
            while (j < length && IsWhiteSpace(text[j]))
            {
                newline |= IsNewline(text[j]);
                j++;
            }

            output.AppendSpace(newline, start, j);
            return j;
        }

        int clusterEnd = start + 1;
        if (char.IsHighSurrogate(c) && clusterEnd < length && char.IsLowSurrogate(text[clusterEnd]))
        {
            clusterEnd++;
        }

        while (clusterEnd < length && IsAttached(text[clusterEnd]))
        {
            clusterEnd++;
        }

        for (int k = start; k < clusterEnd; k++)
        {
            char ch = text[k];
            if (k + 1 < clusterEnd && Compose(ch, text[k + 1]) is char composed)
            {
                // Canonical composition (NFC) of hamza and madda marks: و + ٔ is ؤ, as typed.
                ch = composed;
                k++;
            }

            if (char.IsSurrogate(ch))
            {
                // Astral code points (emoji, historic scripts) pass through unchanged.
                output.Append(ch, start, clusterEnd);
                continue;
            }

            string? compatibility = CompatibilityTable.Lookup(ch);
            if (compatibility is null)
            {
                AppendMapped(ref output, ch, start, clusterEnd);
            }
            else
            {
                foreach (char expanded in compatibility)
                {
                    AppendMapped(ref output, expanded, start, clusterEnd);
                }
            }
        }

        return clusterEnd;
    }

    /// <summary>
    /// The canonical compositions of Arabic letters with madda (U+0653), hamza above (U+0654)
    /// and hamza below (U+0655), as NFC makes them; null when the pair does not compose.
    /// </summary>
    private static char? Compose(char letter, char mark) => (letter, mark) switch
    {
        ('\u0627', '\u0653') => '\u0622', // ا + madda -> آ
        ('\u0627', '\u0654') => '\u0623', // ا + hamza above -> أ
        ('\u0627', '\u0655') => '\u0625', // ا + hamza below -> إ
        ('\u0648', '\u0654') => '\u0624', // و + hamza above -> ؤ
        ('\u064A', '\u0654') => '\u0626', // ي + hamza above -> ئ
        ('\u06D5', '\u0654') => '\u06C0', // ە + hamza above -> ۀ
        ('\u06C1', '\u0654') => '\u06C2', // ہ + hamza above -> ۂ
        ('\u06D2', '\u0654') => '\u06D3', // ے + hamza above -> ۓ
        _ => null,
    };

    private static void AppendMapped<TOutput>(ref TOutput output, char c, int start, int end)
        where TOutput : struct, IOutput
    {
        if (c < '\u0080')
        {
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c + ('a' - 'A'));
            }
            else if (IsWhiteSpace(c))
            {
                output.AppendSpace(IsNewline(c), start, end);
                return;
            }

            output.Append(c, start, end);
            return;
        }

        if (IsRemoved(c))
        {
            return;
        }

        if (IsWhiteSpace(c))
        {
            output.AppendSpace(IsNewline(c), start, end);
            return;
        }

        output.Append(MapLetter(c), start, end);
    }

    /// <summary>The one-to-one mappings of a non-ASCII char that is neither removed nor white space.</summary>
    private static char MapLetter(char c) => c switch
    {
        '\u0622' or '\u0623' or '\u0625' or '\u0671' => '\u0627', // آ أ إ ٱ -> ا
        '\u0649' or '\u06CC' => '\u064A',                         // ى and Persian ی -> ي
        '\u06A9' => '\u0643',                                     // Persian ک -> ك
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic digits
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Persian digits
        >= '\u0600' and <= '\u06FF' => c,
        _ => char.ToLowerInvariant(c),
    };

    private static bool IsWhiteSpace(char c) => CharKinds.IsWhiteSpace(c);

    private static bool IsNewline(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>
    /// Whether <paramref name="c"/> belongs to the cluster of the char before it: a combining mark,
    /// or a tatweel, which draws out the letter before it (the ه of <c>١٤٤٧هـ</c>). A span that
    /// ends at that letter then ends after them in the original text, as it does after a letter's
    /// diacritics.
    /// </summary>
    private static bool IsAttached(char c) => c == '\u0640' || IsCombiningMark(c);

    private static bool IsCombiningMark(char c)
    {
        if (c < '\u0300')
        {
            return false;
        }

        if (c < TableSize)
        {
            return s_marks[c];
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;
    }

    private static bool[] BuildMarkTable()
    {
        var marks = new bool[TableSize];
        for (int c = 0x300; c < TableSize; c++)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory((char)c);
            marks[c] = category is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark;
        }

        return marks;
    }

    /// <summary>
    /// The chars the general path turns into exactly one char, at the same offset, on their own:
    /// not white space, not removed, not a mark, not expanded by NFKC, not a digit outside ASCII
    /// that stays one (the text then records that it holds one).
    /// </summary>
    private static char[] BuildSimpleTable()
    {
        var simple = new char[TableSize];
        for (int c = 1; c < TableSize; c++)
        {
            char ch = (char)c;
            if (IsWhiteSpace(ch) || IsRemoved(ch) || char.IsSurrogate(ch) || CompatibilityTable.Lookup(ch) is not null)
            {
                continue;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            char mapped = c < 0x80 ? (ch is >= 'A' and <= 'Z' ? (char)(ch + ('a' - 'A')) : ch) : MapLetter(ch);
            if (mapped == '\0' || (mapped >= 0x80 && char.IsDigit(mapped)))
            {
                continue;
            }

            simple[c] = mapped;
        }

        return simple;
    }

    /// <summary>Where the normalization loop writes the chars it makes.</summary>
    private interface IOutput
    {
        /// <summary>Whether the last char written is a space or a line break (white space that follows widens it).</summary>
        bool EndsWithSpace { get; }

        /// <summary>Appends a char that comes from original char <paramref name="source"/> alone.</summary>
        void AppendSimple(char c, int source);

        /// <summary>
        /// Appends the run of chars from <paramref name="start"/> that map alone and in place (the
        /// table's chars, lone spaces), in one loop; returns where the run ended (<paramref name="start"/>
        /// when the output takes no runs or there is none).
        /// </summary>
        int AppendRun(string text, int start);

        /// <summary>Appends a char that comes from the original range <c>[start, end)</c>.</summary>
        void Append(char c, int start, int end);

        /// <summary>Appends one space, or widens the previous one: runs of white space become one char.</summary>
        void AppendSpace(bool newline, int start, int end);
    }

    /// <summary>Counts the runs of letters and digits of the normalized text, and keeps nothing else.</summary>
    private struct WordCounter : IOutput
    {
        private bool _inWord;
        private bool _space;

        public int Words { get; private set; }

        public readonly bool EndsWithSpace => _space;

        public void AppendSimple(char c, int source) => Append(c, source, source + 1);

        public readonly int AppendRun(string text, int start) => start;

        public void Append(char c, int start, int end)
        {
            bool letter = CharKinds.IsLetterOrDigit(c);
            if (letter && !_inWord)
            {
                Words++;
            }

            _inWord = letter;
            _space = c is ' ' or '\n';
        }

        public void AppendSpace(bool newline, int start, int end)
        {
            _inWord = false;
            _space = true;
        }
    }

    /// <summary>A growable char buffer and the anchors of its <see cref="OffsetMap"/>.</summary>
    private struct Output : IOutput
    {
        private char[] _chars;
        private int _count;
        private int[] _anchorIndexes;
        private int[] _anchorStarts;
        private int[] _anchorEnds;
        private int _anchors;
        private int _lastStart;
        private int _lastEnd;
        private bool _otherDigits;
        private readonly bool _trackOffsets;

        public Output(int capacity, bool trackOffsets)
        {
            _trackOffsets = trackOffsets;
            _chars = Rent(Math.Max(capacity, 4));
            _count = 0;
            _anchorIndexes = [];
            _anchorStarts = [];
            _anchorEnds = [];
            _anchors = 0;
            _lastStart = 0;
            _lastEnd = 0;
            _otherDigits = false;
        }

        /// <summary>Whether the last char written is a space or a line break (white space that follows widens it).</summary>
        public readonly bool EndsWithSpace => _count > 0 && _chars[_count - 1] is ' ' or '\n';

        /// <inheritdoc />
        public int AppendRun(string text, int start)
        {
            // A run writes at most one char per source char.
            EnsureCapacity(_count + (text.Length - start));
            char[] chars = _chars;
            char[] simple = s_simple;
            int n = _count;
            int i = start;
#if NET
            int blocksFrom = start;
#endif
            while (i < text.Length)
            {
#if NET
                if (i >= blocksFrom && i + BlockChars <= text.Length)
                {
                    int blocks = MapBlocks(text, i, chars, n);
                    i += blocks;
                    n += blocks;

                    // The block that stopped them is taken a char at a time.
                    blocksFrom = i + BlockChars;
                    if (i == text.Length)
                    {
                        break;
                    }
                }
#endif

                char c = text[i];
                char mapped = c < TableSize ? simple[c] : '\0';
                if (mapped == '\0')
                {
                    // A lone space between words is one too: not after a space, not before white space.
                    if (c != ' ' || n == 0 || chars[n - 1] is ' ' or '\n' || i + 1 == text.Length || IsWhiteSpace(text[i + 1]))
                    {
                        break;
                    }

                    mapped = ' ';
                }

                chars[n++] = mapped;
                i++;
            }

            // A combining mark (or a tatweel) that stopped the run belongs to the cluster of the char before it: give that char back.
            if (i > start && i < text.Length && IsAttached(text[i]))
            {
                i--;
                n--;
            }

            if (i > start)
            {
                if (start != _lastEnd)
                {
                    AddAnchor(_count, start, start + 1);
                }

                _count = n;
                _lastStart = i - 1;
                _lastEnd = i;
            }

            return i;
        }

#if NET
        /// <summary>How many chars <see cref="MapBlocks"/> maps at once.</summary>
        private const int BlockChars = 8;

        /// <summary>
        /// Maps blocks of <see cref="BlockChars"/> chars from <paramref name="at"/> into
        /// <paramref name="chars"/> at <paramref name="count"/>, one vector each, while every char
        /// of a block is one the run takes: an Arabic letter from ء to ي (tatweel aside; آ أ إ
        /// become ا, ى becomes ي), printable ASCII (capitals lowered), or a lone space. Returns how
        /// many chars it mapped; the scalar loop goes on from there, one char at a time, and stops
        /// where the run ends.
        /// </summary>
        /// <remarks>
        /// The text a run crosses is mostly such blocks: an Arabic news text ends a scalar run every
        /// twenty chars or so at an alef variant or a space, which a block maps in place. The caller
        /// gives back the last char mapped when a combining mark follows, as for a char the scalar
        /// loop took.
        /// </remarks>
        private static int MapBlocks(string text, int at, char[] chars, int count)
        {
            ref ushort source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            ref ushort target = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(chars));
            Vector128<ushort> firstLetter = Vector128.Create((ushort)'\u0621');
            Vector128<ushort> letterRange = Vector128.Create((ushort)('\u064A' - '\u0621'));
            Vector128<ushort> tatweel = Vector128.Create((ushort)'\u0640');
            Vector128<ushort> firstPrintable = Vector128.Create((ushort)'!');
            Vector128<ushort> printableRange = Vector128.Create((ushort)('~' - '!'));
            Vector128<ushort> space = Vector128.Create((ushort)' ');
            Vector128<ushort> capitalA = Vector128.Create((ushort)'A');
            Vector128<ushort> capitalRange = Vector128.Create((ushort)('Z' - 'A'));
            Vector128<ushort> toLower = Vector128.Create((ushort)('a' - 'A'));
            Vector128<ushort> alef = Vector128.Create((ushort)'\u0627');
            Vector128<ushort> alefMadda = Vector128.Create((ushort)'\u0622');
            Vector128<ushort> alefHamzaAbove = Vector128.Create((ushort)'\u0623');
            Vector128<ushort> alefHamzaBelow = Vector128.Create((ushort)'\u0625');
            Vector128<ushort> alefMaksura = Vector128.Create((ushort)'\u0649');
            Vector128<ushort> yeh = Vector128.Create((ushort)'\u064A');
            int mapped = 0;
            while (at + mapped + BlockChars <= text.Length)
            {
                Vector128<ushort> block = Vector128.LoadUnsafe(ref source, (nuint)(at + mapped));
                Vector128<ushort> letters = Vector128.LessThanOrEqual(block - firstLetter, letterRange) & ~Vector128.Equals(block, tatweel);
                Vector128<ushort> printable = Vector128.LessThanOrEqual(block - firstPrintable, printableRange);
                Vector128<ushort> spaces = Vector128.Equals(block, space);
                if ((letters | printable | spaces) != Vector128<ushort>.AllBitsSet)
                {
                    break;
                }

                uint spaceLanes = spaces.ExtractMostSignificantBits();
                if (spaceLanes != 0)
                {
                    // A space must not follow a space: in the block, or the char written before it.
                    // One that ends the block may come before white space: the white space that
                    // follows widens it, as it widens a space the general path wrote.
                    int written = count + mapped;
                    if ((spaceLanes & (spaceLanes >> 1)) != 0
                        || ((spaceLanes & 1) != 0 && (written == 0 || chars[written - 1] is ' ' or '\n')))
                    {
                        break;
                    }
                }

                Vector128<ushort> alefs = Vector128.Equals(block, alefMadda) | Vector128.Equals(block, alefHamzaAbove) | Vector128.Equals(block, alefHamzaBelow);
                Vector128<ushort> result = Vector128.ConditionalSelect(alefs, alef, block);
                result = Vector128.ConditionalSelect(Vector128.Equals(block, alefMaksura), yeh, result);
                result += Vector128.LessThanOrEqual(block - capitalA, capitalRange) & toLower;
                result.StoreUnsafe(ref target, (nuint)(count + mapped));
                mapped += BlockChars;
            }

            return mapped;
        }
#endif

        /// <summary>Appends a char that comes from original char <paramref name="source"/> alone (the table's path).</summary>
        public void AppendSimple(char c, int source)
        {
            if (_count == _chars.Length)
            {
                EnsureCapacity(_count + 1);
            }

            _chars[_count] = c;
            if (source != _lastEnd)
            {
                AddAnchor(_count, source, source + 1);
            }

            _lastStart = source;
            _lastEnd = source + 1;
            _count++;
        }

        public void Append(char c, int start, int end)
        {
            if (_count == _chars.Length)
            {
                EnsureCapacity(_count + 1);
            }

            _chars[_count] = c;
            if (start != _lastEnd || end != start + 1)
            {
                AddAnchor(_count, start, end);
            }

            if (c >= '\u0080' && char.IsDigit(c))
            {
                _otherDigits = true;
            }

            _lastStart = start;
            _lastEnd = end;
            _count++;
        }

        /// <summary>Appends one space, or widens the previous one: runs of white space become one char.</summary>
        public void AppendSpace(bool newline, int start, int end)
        {
            if (_count > 0 && _chars[_count - 1] is ' ' or '\n')
            {
                if (newline)
                {
                    _chars[_count - 1] = '\n';
                }

                // The previous space now covers more of the original: it is an anchor, if it was not one.
                if (_anchors > 0 && _anchorIndexes[_anchors - 1] == _count - 1)
                {
                    _anchorEnds[_anchors - 1] = end;
                }
                else
                {
                    AddAnchor(_count - 1, _lastStart, end);
                }

                _lastEnd = end;
                return;
            }

            Append(newline ? '\n' : ' ', start, end);
        }

        /// <summary>The text; the map is null when no char's offset shifted. The buffer goes back to the pool.</summary>
        public string ToString(out OffsetMap? map, out bool otherDigits)
        {
            map = TakeMap();
            otherDigits = _otherDigits;
            string text = new(_chars, 0, _count);
            Return(_chars);
            _chars = [];
            return text;
        }

        /// <summary>The buffer itself (rented: the caller returns it) and its length; the map as <see cref="ToString(out OffsetMap?, out bool)"/> gives it.</summary>
        public char[] Detach(out int length, out OffsetMap? map, out bool otherDigits, OffsetMap? reuseMap)
        {
            map = TakeRentedMap(reuseMap);
            otherDigits = _otherDigits;
            length = _count;
            char[] chars = _chars;
            _chars = [];
            return chars;
        }

        /// <summary>The offset map, in arrays of its size; the growing arrays go back to the pool.</summary>
        private OffsetMap? TakeMap()
        {
            OffsetMap? map = _anchors == 0 ? null : new OffsetMap(_anchorIndexes.AsSpan(0, _anchors).ToArray(), _anchorStarts.AsSpan(0, _anchors).ToArray(), _anchorEnds.AsSpan(0, _anchors).ToArray(), _anchors);
            ReturnAnchors(_anchorIndexes);
            ReturnAnchors(_anchorStarts);
            ReturnAnchors(_anchorEnds);
            _anchorIndexes = _anchorStarts = _anchorEnds = [];
            return map;
        }

        /// <summary>
        /// The offset map in the growing arrays themselves, which it now owns: the text the buffer
        /// becomes gives them back to the pool with the buffer (<see cref="OffsetMap.Release"/>).
        /// </summary>
        private OffsetMap? TakeRentedMap(OffsetMap? reuse)
        {
#if NET
            OffsetMap? map = _anchors == 0 ? null
                : reuse is not null ? reuse.Reset(_anchorIndexes, _anchorStarts, _anchorEnds, _anchors)
                : new OffsetMap(_anchorIndexes, _anchorStarts, _anchorEnds, _anchors, rented: true);
            if (map is null)
            {
                ReturnAnchors(_anchorIndexes);
                ReturnAnchors(_anchorStarts);
                ReturnAnchors(_anchorEnds);
            }

            _anchorIndexes = _anchorStarts = _anchorEnds = [];
            return map;
#else
            return TakeMap();
#endif
        }

        /// <summary>A larger array for anchors (rented, in the runtime) with the first <paramref name="count"/> copied.</summary>
        private static int[] GrowAnchors(int[] anchors, int capacity, int count)
        {
#if NET
            int[] larger = WorkArrays<int>.Rent(capacity);
#else
            int[] larger = new int[capacity];
#endif
            Array.Copy(anchors, larger, count);
            ReturnAnchors(anchors);
            return larger;
        }

        private static void ReturnAnchors(int[] anchors)
        {
#if NET
            if (anchors.Length > 0)
            {
                WorkArrays<int>.Return(anchors);
            }
#endif
        }

        private void EnsureCapacity(int capacity)
        {
            if (capacity > _chars.Length)
            {
                char[] larger = Rent(Math.Max(capacity, _chars.Length * 2));
                Array.Copy(_chars, larger, _count);
                Return(_chars);
                _chars = larger;
            }
        }

        // The runtime pools the work buffer (a text's worth of chars per document); the generator,
        // on netstandard2.0, has no pool and normalizes short forms only.
#if NET
        private static char[] Rent(int length) => RentBuffer(length);

        private static void Return(char[] chars) => ReturnBuffer(chars);
#else
        private static char[] Rent(int length) => new char[length];

        private static void Return(char[] chars)
        {
        }
#endif

        private void AddAnchor(int index, int start, int end)
        {
            if (!_trackOffsets)
            {
                return;
            }

            if (_anchors == _anchorIndexes.Length || _anchors == _anchorStarts.Length || _anchors == _anchorEnds.Length)
            {
                int capacity = Math.Max(16, _anchors * 2);
                _anchorIndexes = GrowAnchors(_anchorIndexes, capacity, _anchors);
                _anchorStarts = GrowAnchors(_anchorStarts, capacity, _anchors);
                _anchorEnds = GrowAnchors(_anchorEnds, capacity, _anchors);
            }

            _anchorIndexes[_anchors] = index;
            _anchorStarts[_anchors] = start;
            _anchorEnds[_anchors] = end;
            _anchors++;
        }
    }
}
