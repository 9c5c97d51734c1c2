using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CorpusKit.Generators.Patterns;

/// <summary>
/// Reads a .NET regular expression into a <see cref="RegexNode"/> tree. The pattern has already
/// been checked by <see cref="Regex"/>, so this parser does not report errors: it returns null
/// for what it does not model (backreferences, conditionals, balancing groups, named blocks other
/// than a few), and the pattern then simply gets no build-time analysis.
/// </summary>
/// <remarks>
/// System.Text.RegularExpressions keeps its own parse tree internal, so the generator reads the
/// syntax itself; tests check the tree against <see cref="Regex"/> (the chars a match starts with,
/// on generated patterns and texts).
/// </remarks>
internal sealed class RegexParser
{
    private readonly string _pattern;
    private int _position;

    private RegexParser(string pattern) => _pattern = pattern;

    /// <summary>Parses <paramref name="pattern"/> under <paramref name="options"/>; null when it uses a construct the tree does not model.</summary>
    public static RegexNode? Parse(string pattern, RegexOptions options)
    {
        var parser = new RegexParser(pattern);
        try
        {
            RegexNode node = parser.Alternation(options);
            return parser._position == pattern.Length ? node : null;
        }
        catch (NotModeledException)
        {
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A pattern that ends where this parser did not expect it to: not modeled.
            return null;
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
    }

    private bool AtEnd => _position >= _pattern.Length;

    private char Peek => _pattern[_position];

    private RegexNode Alternation(RegexOptions options)
    {
        var alternatives = new List<RegexNode>();
        while (true)
        {
            alternatives.Add(Sequence(ref options));
            if (!AtEnd && Peek == '|')
            {
                _position++;
                continue;
            }

            break;
        }

        return alternatives.Count == 1 ? alternatives[0] : new AlternateNode(alternatives);
    }

    /// <summary>A run of quantified atoms up to <c>|</c>, <c>)</c> or the end; inline options change the rest of the run.</summary>
    private RegexNode Sequence(ref RegexOptions options)
    {
        var items = new List<RegexNode>();
        while (!AtEnd && Peek != '|' && Peek != ')')
        {
            if (SkipTrivia(options))
            {
                continue;
            }

            RegexNode? atom = Atom(ref options);
            if (atom is null)
            {
                continue; // inline options or a comment
            }

            SkipTriviaRun(options);
            items.Add(Quantified(atom, options));
        }

        return items.Count switch
        {
            0 => EmptyNode.Instance,
            1 => items[0],
            _ => new ConcatNode(items),
        };
    }

    /// <summary>Skips white space and # comments under <c>x</c>; whether it skipped anything.</summary>
    private bool SkipTrivia(RegexOptions options)
    {
        if ((options & RegexOptions.IgnorePatternWhitespace) == 0 || AtEnd)
        {
            return false;
        }

        if (IsPatternWhiteSpace(Peek))
        {
            _position++;
            return true;
        }

        if (Peek == '#')
        {
            while (!AtEnd && Peek != '\n')
            {
                _position++;
            }

            return true;
        }

        return false;
    }

    private void SkipTriviaRun(RegexOptions options)
    {
        while (SkipTrivia(options))
        {
        }
    }

    private RegexNode Quantified(RegexNode atom, RegexOptions options)
    {
        while (!AtEnd)
        {
            int min;
            int max;
            char c = Peek;
            if (c == '*')
            {
                (min, max) = (0, -1);
                _position++;
            }
            else if (c == '+')
            {
                (min, max) = (1, -1);
                _position++;
            }
            else if (c == '?')
            {
                (min, max) = (0, 1);
                _position++;
            }
            else if (c == '{' && TryReadBraces(out min, out max))
            {
            }
            else
            {
                return atom;
            }

            bool lazy = false;
            SkipTriviaRun(options);
            if (!AtEnd && Peek == '?')
            {
                lazy = true;
                _position++;
            }

            if (atom is AnchorNode or LookaroundNode)
            {
                // .NET accepts a quantified assertion; it means little, so it is not modeled.
                throw new NotModeledException();
            }

            atom = new LoopNode(atom, min, max, lazy);
            SkipTriviaRun(options);
        }

        return atom;
    }

    /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>; a brace that opens no quantifier is a literal.</summary>
    private bool TryReadBraces(out int min, out int max)
    {
        min = 0;
        max = 0;
        int i = _position + 1;
        int start = i;
        while (i < _pattern.Length && char.IsDigit(_pattern[i]) && _pattern[i] < '\u0080')
        {
            i++;
        }

        if (i == start || i >= _pattern.Length || !int.TryParse(_pattern.Substring(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            return false;
        }

        if (_pattern[i] == '}')
        {
            max = min;
            _position = i + 1;
            return true;
        }

        if (_pattern[i] != ',')
        {
            return false;
        }

        i++;
        int upper = i;
        while (i < _pattern.Length && _pattern[i] is >= '0' and <= '9')
        {
            i++;
        }

        if (i >= _pattern.Length || _pattern[i] != '}')
        {
            return false;
        }

        if (i == upper)
        {
            max = -1;
        }
        else if (!int.TryParse(_pattern.Substring(upper, i - upper), NumberStyles.None, CultureInfo.InvariantCulture, out max))
        {
            return false;
        }

        _position = i + 1;
        return true;
    }

    /// <summary>One atom; null for inline options (which change <paramref name="options"/>) and comments.</summary>
    private RegexNode? Atom(ref RegexOptions options)
    {
        char c = _pattern[_position++];
        bool ignoreCase = (options & RegexOptions.IgnoreCase) != 0;
        switch (c)
        {
            case '(':
                return Group(ref options);
            case '[':
                return new SetNode(Class(options), ignoreCase);
            case '\\':
                return Escape(options, ignoreCase);
            case '.':
                return new SetNode(Dot(options), ignoreCase: false);
            case '^':
                return new AnchorNode((options & RegexOptions.Multiline) != 0 ? AnchorKind.LineStart : AnchorKind.Beginning);
            case '$':
                return new AnchorNode((options & RegexOptions.Multiline) != 0 ? AnchorKind.LineEnd : AnchorKind.EndOrFinalNewline);
            case '*' or '+' or '?':
                throw new NotModeledException();
            default:
                return new CharNode(c, ignoreCase);
        }
    }

    private static CharClass Dot(RegexOptions options)
    {
        if ((options & RegexOptions.Singleline) != 0)
        {
            return CharClass.Of('\0', '\uFFFF');
        }

        var set = CharClass.Of('\n', '\n');
        set.Negated = true;
        return set;
    }

    private RegexNode? Group(ref RegexOptions options)
    {
        if (AtEnd || Peek != '?')
        {
            RegexNode plain = Alternation(options);
            Expect(')');

            // Under n (explicit capture) a plain group does not capture.
            return new GroupNode(plain, null, capturing: (options & RegexOptions.ExplicitCapture) == 0);
        }

        _position++;
        char kind = _pattern[_position];
        switch (kind)
        {
            case ':':
                _position++;
                return Close(new GroupNode(Alternation(options), null, capturing: false));
            case '=' or '!':
                _position++;
                return Close(new LookaroundNode(Alternation(options), behind: false, negated: kind == '!'));
            case '>':
                _position++;
                return Close(new AtomicNode(Alternation(options)));
            case '#':
                while (!AtEnd && Peek != ')')
                {
                    _position++;
                }

                Expect(')');
                return null;
            case '(':
                throw new NotModeledException(); // a conditional
            case '<' when _position + 1 < _pattern.Length && _pattern[_position + 1] is '=' or '!':
                bool negated = _pattern[_position + 1] == '!';
                _position += 2;
                return Close(new LookaroundNode(Alternation(options), behind: true, negated));
            case '<' or '\'':
                char end = kind == '<' ? '>' : '\'';
                int close = _pattern.IndexOf(end, _position + 1);
                if (close < 0)
                {
                    throw new NotModeledException();
                }

                string name = _pattern.Substring(_position + 1, close - _position - 1);
                if (name.IndexOf('-') >= 0)
                {
                    throw new NotModeledException(); // a balancing group
                }

                _position = close + 1;
                return Close(new GroupNode(Alternation(options), name, capturing: true));
            default:
                return InlineOptions(ref options);
        }
    }

    /// <summary><c>(?imnsx-imnsx)</c> changes the rest of the enclosing group; <c>(?imnsx-imnsx:…)</c> only its own body.</summary>
    private RegexNode? InlineOptions(ref RegexOptions options)
    {
        RegexOptions changed = options;
        bool off = false;
        while (!AtEnd)
        {
            char c = _pattern[_position++];
            RegexOptions option = char.ToLowerInvariant(c) switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                'n' => RegexOptions.ExplicitCapture,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => RegexOptions.None,
            };
            if (c == '-')
            {
                off = true;
            }
            else if (option != RegexOptions.None)
            {
                changed = off ? changed & ~option : changed | option;
            }
            else if (c == ')')
            {
                options = changed;
                return null;
            }
            else if (c == ':')
            {
                return Close(new GroupNode(Alternation(changed), null, capturing: false));
            }
            else
            {
                throw new NotModeledException();
            }
        }

        throw new NotModeledException();
    }

    private RegexNode Close(RegexNode node)
    {
        Expect(')');
        return node;
    }

    private void Expect(char c)
    {
        if (AtEnd || Peek != c)
        {
            throw new NotModeledException();
        }

        _position++;
    }

    /// <summary>An escape outside a class: a class shorthand, an anchor, or a char.</summary>
    private RegexNode Escape(RegexOptions options, bool ignoreCase)
    {
        char c = _pattern[_position++];
        switch (c)
        {
            case 'b':
                return new AnchorNode(AnchorKind.WordBoundary);
            case 'B':
                return new AnchorNode(AnchorKind.NotWordBoundary);
            case 'A':
                return new AnchorNode(AnchorKind.Start);
            case 'z':
                return new AnchorNode(AnchorKind.End);
            case 'Z':
                return new AnchorNode(AnchorKind.EndZ);
            case 'G':
                return new AnchorNode(AnchorKind.Contiguous);
            case 'k':
                throw new NotModeledException(); // a backreference
            case >= '1' and <= '9':
                throw new NotModeledException(); // a backreference
            default:
                _position--;
                if (TryShorthand(out CharClass? shorthand))
                {
                    return new SetNode(shorthand!, ignoreCase);
                }

                return new CharNode(EscapedChar(), ignoreCase);
        }
    }

    /// <summary>Reads <c>\d \D \w \W \s \S \p{…} \P{…}</c> at the current position (after the backslash).</summary>
    private bool TryShorthand(out CharClass? set)
    {
        set = new CharClass();
        char c = _pattern[_position];
        switch (c)
        {
            case 'd':
                set.Categories = CharClass.DigitCategory;
                break;
            case 'D':
                set.NegatedCategories.Add(CharClass.DigitCategory);
                break;
            case 'w':
                set.Categories = CharClass.WordCategories;
                break;
            case 'W':
                set.NegatedCategories.Add(CharClass.WordCategories);
                break;
            case 's':
                set.Space = true;
                break;
            case 'S':
                set.NotSpace = true;
                break;
            case 'p' or 'P':
                int open = _position + 1;
                int close = _pattern.IndexOf('}', open);
                if (open >= _pattern.Length || _pattern[open] != '{' || close < 0)
                {
                    throw new NotModeledException();
                }

                string name = _pattern.Substring(open + 1, close - open - 1);
                if (UnicodeCategories.TryGetMask(name, out uint mask))
                {
                    if (c == 'p')
                    {
                        set.Categories = mask;
                    }
                    else
                    {
                        set.NegatedCategories.Add(mask);
                    }
                }
                else if (UnicodeCategories.TryGetBlock(name, out char first, out char last))
                {
                    set.Ranges.Add((first, last));
                    set.Negated = c == 'P';
                }
                else
                {
                    throw new NotModeledException();
                }

                _position = close + 1;
                return true;
            default:
                set = null;
                return false;
        }

        _position++;
        return true;
    }

    /// <summary>The char an escape stands for (after the backslash): <c>\n \t \x41 \u0627 \cA \0</c> or a quoted metachar.</summary>
    private char EscapedChar()
    {
        char c = _pattern[_position++];
        switch (c)
        {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'f':
                return '\f';
            case 'v':
                return '\v';
            case 'a':
                return '\a';
            case 'e':
                return '\u001B';
            case 'x':
                return Hex(2);
            case 'u':
                return Hex(4);
            case 'c':
                char control = char.ToUpperInvariant(_pattern[_position++]);
                if (control is < '@' or > '_')
                {
                    throw new NotModeledException();
                }

                return (char)(control - '@');
            case '0':
                // Up to three octal digits in all.
                int value = 0;
                for (int digits = 0; digits < 2 && !AtEnd && Peek is >= '0' and <= '7'; digits++)
                {
                    value = (value * 8) + (_pattern[_position++] - '0');
                }

                return (char)value;
            default:
                if (char.IsLetterOrDigit(c) || c == '_')
                {
                    throw new NotModeledException(); // an escape .NET knows and this parser does not
                }

                return c;
        }
    }

    private char Hex(int digits)
    {
        if (_position + digits > _pattern.Length
            || !int.TryParse(_pattern.Substring(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value))
        {
            throw new NotModeledException();
        }

        _position += digits;
        return (char)value;
    }

    /// <summary>A class after its <c>[</c>, up to and including its <c>]</c>.</summary>
    private CharClass Class(RegexOptions options)
    {
        var set = new CharClass();
        if (!AtEnd && Peek == '^')
        {
            set.Negated = true;
            _position++;
        }

        bool first = true;
        while (true)
        {
            if (AtEnd)
            {
                throw new NotModeledException();
            }

            char c = _pattern[_position];
            if (c == ']' && !first)
            {
                _position++;
                return set;
            }

            first = false;
            if (c == '-' && _position + 1 < _pattern.Length && _pattern[_position + 1] == '[')
            {
                // Subtraction: the last part of a class.
                _position += 2;
                set.Subtraction = Class(options);
                Expect(']');
                return set;
            }

            char low;
            if (c == '\\')
            {
                _position++;
                if (TryShorthand(out CharClass? shorthand))
                {
                    Merge(set, shorthand!);
                    continue;
                }

                low = _pattern[_position] == 'b' ? Backspace() : EscapedChar();
            }
            else
            {
                _position++;
                low = c;
            }

            if (_position + 1 < _pattern.Length && Peek == '-' && _pattern[_position + 1] != ']' && _pattern[_position + 1] != '[')
            {
                _position++;
                char high;
                if (Peek == '\\')
                {
                    _position++;
                    if (_pattern[_position] is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'p' or 'P')
                    {
                        throw new NotModeledException(); // [a-\d]: .NET reads it its own way
                    }

                    high = _pattern[_position] == 'b' ? Backspace() : EscapedChar();
                }
                else
                {
                    high = _pattern[_position++];
                }

                set.Ranges.Add((low, high));
            }
            else
            {
                set.Ranges.Add((low, low));
            }
        }
    }

    private char Backspace()
    {
        _position++;
        return '\b';
    }

    private static void Merge(CharClass set, CharClass part)
    {
        set.Ranges.AddRange(part.Ranges);
        set.Categories |= part.Categories;
        set.NegatedCategories.AddRange(part.NegatedCategories);
        set.Space |= part.Space;
        set.NotSpace |= part.NotSpace;
        if (part.Negated)
        {
            throw new NotModeledException(); // \P{IsBlock} inside a class
        }
    }

    private static bool IsPatternWhiteSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    /// <summary>Thrown inside the parser for a construct the tree does not model.</summary>
    private sealed class NotModeledException : Exception
    {
    }
}
