using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CorpusKit;

namespace NewsDesk.Tests;

/// <summary>The mention export of one article, in chunks of whole lines.</summary>
public sealed class MentionLinesTests
{
    [Fact]
    public void A_long_article_is_written_in_chunks_of_whole_lines_that_join_into_its_lines()
    {
        // About 4 MB of mention lines: several chunks, the last one short.
        string text = "عنوان\n" + string.Concat(Enumerable.Repeat("التقى سيرغي لافروف في موسكو نظيره في بكين.\n", 12_000));
        Article article = NewsDeskCorpus.Instance.Extract(text, "long.txt");

        List<byte[]> chunks = Mentions.Lines(article);

        string expected = string.Concat(article.Mentions().Select(m => Mentions.Line(article.Id, m) + Environment.NewLine));
        Assert.Equal(expected, string.Concat(chunks.Select(c => Encoding.UTF8.GetString(c))));
        Assert.True(chunks.Count >= 4, $"{chunks.Count} chunks");
        Assert.All(chunks, chunk => Assert.Equal((byte)'\n', chunk[^1]));

        // Each chunk but the last closes with the line that took it to the bound: at least the bound, less than one more line.
        Assert.All(chunks.SkipLast(1), chunk => Assert.InRange(chunk.Length, Mentions.ChunkBytes, Mentions.ChunkBytes + 1000));
        Assert.InRange(chunks[^1].Length, 1, Mentions.ChunkBytes - 1);
    }

    [Fact]
    public void A_short_article_is_one_chunk_and_one_without_mentions_is_none()
    {
        Article article = NewsDeskCorpus.Instance.Extract("التقى لافروف في موسكو.", "short.txt");
        byte[] chunk = Assert.Single(Mentions.Lines(article));
        Assert.Equal(string.Concat(article.Mentions().Select(m => Mentions.Line(article.Id, m) + Environment.NewLine)), Encoding.UTF8.GetString(chunk));

        Assert.Empty(Mentions.Lines(NewsDeskCorpus.Instance.Extract("لا شيء هنا.", "empty.txt")));
    }
}
