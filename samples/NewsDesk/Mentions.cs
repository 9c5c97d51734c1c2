using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using CorpusKit;
using CorpusKit.Evaluation;
using CorpusKit.Json;

namespace NewsDesk;

/// <summary>The mention export of NewsDesk articles, as JSON lines and as mentions the scorer reads.</summary>
public static class Mentions
{
    private static readonly byte[] s_newline = Encoding.UTF8.GetBytes(Environment.NewLine);

    /// <summary>One JSON line per mention: <c>{"doc","type","start","end","text","rule","attrs"}</c>.</summary>
    public static string Line(string? documentId, IEntity mention)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CorpusJson.Compact))
        {
            CorpusJson.WriteMention(writer, documentId, mention);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Past this many bytes, the lines written so far become a chunk of their own.</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>
    /// The JSON lines of every mention of <paramref name="article"/>, as UTF-8: the lines
    /// <see cref="Line"/> makes, one after another, in chunks of whole lines of about
    /// <see cref="ChunkBytes"/>, so a long article's lines are not copied again and again into
    /// one array doubled as it grows.
    /// </summary>
    public static List<byte[]> Lines(Article article)
    {
        var chunks = new List<byte[]>();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CorpusJson.Compact))
        {
            foreach (IEntity mention in article.Mentions())
            {
                CorpusJson.WriteMention(writer, article.Id, mention);
                writer.Flush();
                writer.Reset();
                buffer.Write(s_newline);
                if (buffer.WrittenCount >= ChunkBytes)
                {
                    chunks.Add(buffer.WrittenSpan.ToArray());
                    buffer.ResetWrittenCount();
                }
            }
        }

        if (buffer.WrittenCount > 0)
        {
            chunks.Add(buffer.WrittenSpan.ToArray());
        }

        return chunks;
    }

    /// <summary>The mentions of <paramref name="articles"/>, read back through the same parser the scorer uses for files.</summary>
    public static List<Mention> Of(IEnumerable<Article> articles)
    {
        var mentions = new List<Mention>();
        foreach (Article article in articles)
        {
            foreach (IEntity entity in article.Mentions())
            {
                Mention.TryParse(Line(article.Id, entity), out Mention? mention, out _);
                mentions.Add(mention!);
            }
        }

        return mentions;
    }
}
