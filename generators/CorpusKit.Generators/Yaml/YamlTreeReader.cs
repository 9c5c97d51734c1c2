using System;
using System.Collections.Generic;
using System.IO;
using CorpusKit.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CorpusKit.Generators.Yaml;

/// <summary>Reads YAML text into a <see cref="YamlNodeBase"/> tree, reporting problems at their position.</summary>
internal sealed class YamlTreeReader
{
    /// <summary>Deeper nesting than this is refused, so hostile input cannot exhaust the stack.</summary>
    private const int MaxDepth = 64;

    private readonly string _path;
    private readonly string _text;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, YamlNodeBase> _anchors = new(StringComparer.Ordinal);
    private readonly LineIndex _lines;
    private ParsingEvent? _lastEvent;

    private YamlTreeReader(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _text = text;
        _diagnostics = diagnostics;
        _lines = new LineIndex(text);
    }

    /// <summary>Reads the first document of <paramref name="text"/>; null when it is empty or broken.</summary>
    public static YamlNodeBase? Read(string path, string text, List<DiagnosticInfo> diagnostics)
        => new YamlTreeReader(path, text, diagnostics).ReadDocument();

    private YamlNodeBase? ReadDocument()
    {
        try
        {
            var parser = new Parser(new StringReader(_text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            YamlNodeBase root = ReadNode(parser, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _) && parser.Current is { } extra)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.YamlSyntax,
                    Location(extra.Start, extra.End),
                    "a schema file holds one YAML document; remove the '---' and what follows it"));
            }

            return root;
        }
        catch (YamlException exception)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Location(exception.Start, exception.End), Describe(exception)));
            return null;
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's parser throws this when the token stream ends in a state it did not expect.
            Mark mark = _lastEvent?.End ?? Mark.Empty;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Location(mark, mark), "the document ends unexpectedly: " + exception.Message.TrimEnd('.')));
            return null;
        }
        catch (TooDeepException exception)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Location(exception.Mark, exception.Mark), $"nesting deeper than {MaxDepth} levels"));
            return null;
        }
    }

    private YamlNodeBase ReadNode(IParser parser, int depth)
    {
        _lastEvent = parser.Current;
        if (depth > MaxDepth)
        {
            throw new TooDeepException(parser.Current!.Start);
        }

        if (parser.TryConsume<AnchorAlias>(out AnchorAlias? alias))
        {
            if (_anchors.TryGetValue(alias.Value.Value, out YamlNodeBase? anchored))
            {
                return anchored;
            }

            throw new YamlException(alias.Start, alias.End, $"the alias *{alias.Value.Value} names no anchor before it");
        }

        if (parser.TryConsume<Scalar>(out Scalar? scalar))
        {
            var node = new YamlScalar(Location(scalar.Start, scalar.End), scalar.Value, scalar.Style == ScalarStyle.Plain);
            Remember(scalar.Anchor, node);
            return node;
        }

        if (parser.TryConsume<SequenceStart>(out SequenceStart? sequenceStart))
        {
            var items = new List<YamlNodeBase>();
            while (!parser.TryConsume<SequenceEnd>(out SequenceEnd? sequenceEnd))
            {
                items.Add(ReadNode(parser, depth + 1));
                continue;
            }

            var node = new YamlList(Location(sequenceStart.Start, parser.Current?.Start ?? sequenceStart.End), items);
            Remember(sequenceStart.Anchor, node);
            return node;
        }

        if (parser.TryConsume<MappingStart>(out MappingStart? mappingStart))
        {
            var entries = new List<KeyValuePair<YamlScalar, YamlNodeBase>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                YamlNodeBase key = ReadNode(parser, depth + 1);
                YamlNodeBase value = ReadNode(parser, depth + 1);
                if (key is not YamlScalar scalarKey)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, key.Location, "A mapping key", "a scalar", key.KindName));
                    continue;
                }

                if (!seen.Add(scalarKey.Value))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, scalarKey.Location, "key", scalarKey.Value));
                    continue;
                }

                entries.Add(new KeyValuePair<YamlScalar, YamlNodeBase>(scalarKey, value));
            }

            var node = new YamlMap(Location(mappingStart.Start, mappingStart.End), entries);
            Remember(mappingStart.Anchor, node);
            return node;
        }

        ParsingEvent? unexpected = parser.Current;
        throw new YamlException(unexpected?.Start ?? Mark.Empty, unexpected?.End ?? Mark.Empty, $"unexpected {unexpected?.GetType().Name ?? "end of input"}");
    }

    private void Remember(AnchorName anchor, YamlNodeBase node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
    }

    private LocationInfo Location(Mark start, Mark end)
    {
        int startIndex = Clamp(start.Index);
        int endIndex = Math.Max(startIndex, Clamp(end.Index));
        (int startLine, int startColumn) = _lines.Position(startIndex);
        (int endLine, int endColumn) = _lines.Position(endIndex);
        return new LocationInfo(_path, startIndex, endIndex - startIndex, startLine, startColumn, endLine, endColumn);
    }

    private int Clamp(long index) => (int)Math.Max(0, Math.Min(index, _text.Length));

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 40) - (…): "; the position is
        // reported through the location instead.
        string message = exception.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0)
        {
            message = message.Substring(cut + 3);
        }

        return message.TrimEnd('.');
    }

    private sealed class TooDeepException(Mark mark) : Exception
    {
        public Mark Mark { get; } = mark;
    }

    /// <summary>Turns char offsets into 0-based lines and columns.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _lineStarts = [0];

        public LineIndex(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Position(int index)
        {
            int line = _lineStarts.BinarySearch(index);
            if (line < 0)
            {
                line = ~line - 1;
            }

            return (line, index - _lineStarts[line]);
        }
    }
}
