using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CorpusKit.CompilerServices;
using CorpusKit.Documents;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// Distinct entities of a document: the grouping (groups tried in turn, and indexed) against the
/// reference that tries every group for every mention, on generated mentions whose keys share
/// words, repeat and nest.
/// </summary>
public sealed class EntityGroupTests
{
    private static readonly string[] s_words = ["سيرغي", "لافروف", "بوتين", "فلاديمير", "روسيا", "أن", "التعاون", "مهم", "جدا"];

    private static readonly Gen<Mention[]> s_mentions =
        Gen.OneOf(s_words).Array[0, 4].Select(words => string.Join(' ', words))
            .Select(Gen.Int[1, 12], (key, length) => (key, length))
            .Array[0, 30]
            .Select(keys => keys.Select((k, i) => new Mention(k.key, new TextSpan(i * 20, k.length), new string('x', k.length))).ToArray());

    /// <summary>
    /// By default groups are tried one by one up to 16 and indexed past that; 0 indexes from the
    /// first group, 3 switches to the index in the middle of most documents.
    /// </summary>
    [Theory]
    [InlineData(SameEntity.Key, 16)]
    [InlineData(SameEntity.Contained, 16)]
    [InlineData(SameEntity.Contained, 3)]
    [InlineData(SameEntity.Contained, 0)]
    public void Grouping_is_the_reference_grouping(SameEntity same, int indexedGroups)
        => s_mentions.Sample(mentions =>
        {
            IReadOnlyList<EntityGroup<Mention>> groups = indexedGroups == 16
                ? EntityGroups.Collect(mentions, same, TextNormalization.Arabic)
                : EntityGroups.Collect(mentions, same, TextNormalization.Arabic, indexedGroups);
            List<(Mention Entity, List<Mention> Mentions)> expected = ReferenceEntityGroups.Collect(mentions, same, TextNormalization.Arabic);
            AssertSameGroups(expected, groups);
        }, iter: 3000);

    /// <summary>
    /// Deferred groups are the reference groups, formed at the first read (the count, an item or
    /// an enumeration) and not before, then kept: a second read gives the same groups.
    /// </summary>
    [Theory]
    [InlineData(SameEntity.Key)]
    [InlineData(SameEntity.Contained)]
    public void Deferred_groups_are_formed_at_the_first_read(SameEntity same)
        => s_mentions.Where(mentions => mentions.Length > 0).Sample(mentions =>
        {
            IReadOnlyList<EntityGroup<Mention>> groups = EntityGroups.Defer(mentions, same, TextNormalization.Arabic);
            var deferred = Assert.IsType<DeferredGroups<Mention>>(groups);
            Assert.False(deferred.IsFormed);
            List<(Mention Entity, List<Mention> Mentions)> expected = ReferenceEntityGroups.Collect(mentions, same, TextNormalization.Arabic);
            AssertSameGroups(expected, groups);
            Assert.True(deferred.IsFormed);
            Assert.Equal(groups[0].Mentions.AsSpan().ToArray(), groups.First().Mentions.AsSpan().ToArray());
            Assert.Equal(expected.Count, groups.Count(group => group.Entity is not null));
        }, iter: 500);

    /// <summary>No mentions: the empty list, not an object that would form nothing.</summary>
    [Fact]
    public void Deferred_groups_of_no_mentions_are_the_empty_array()
        => Assert.Same(Array.Empty<EntityGroup<Mention>>(), EntityGroups.Defer(Array.Empty<Mention>(), SameEntity.Key, TextNormalization.Arabic));

    /// <summary>Threads that read deferred groups at once all get the same groups (one of the formed arrays is kept).</summary>
    [Fact]
    public void Deferred_groups_read_by_threads_at_once_are_one_result()
    {
        Mention[] mentions = [.. Enumerable.Range(0, 400).Select(i => new Mention(s_words[i % s_words.Length] + " " + s_words[(i / 3) % s_words.Length], new TextSpan(i * 30, 5), "xxxxx"))];
        for (int round = 0; round < 20; round++)
        {
            IReadOnlyList<EntityGroup<Mention>> groups = EntityGroups.Defer(mentions, SameEntity.Contained, TextNormalization.Arabic);
            var firsts = new Mention[4][];
            System.Threading.Tasks.Parallel.For(0, 4, t => firsts[t] = [.. groups.Select(group => group.Entity)]);
            foreach (Mention[] first in firsts)
            {
                Assert.Equal(firsts[0], first);
            }

            AssertSameGroups(ReferenceEntityGroups.Collect(mentions, SameEntity.Contained, TextNormalization.Arabic), groups);
        }
    }

    /// <summary>Hundreds of long keys: the words and chars of the keys outgrow their first arrays, and the index is built.</summary>
    [Fact]
    public void Grouping_many_long_keys_is_the_reference_grouping()
        => Gen.OneOf(s_words).Array[0, 9].Select(words => string.Join(' ', words))
            .Array[200, 400]
            .Select(keys => keys.Select((key, i) => new Mention(key, new TextSpan(i * 80, 1 + (key.Length % 7)), new string('x', 1 + (key.Length % 7)))).ToArray())
            .Sample(mentions =>
            {
                IReadOnlyList<EntityGroup<Mention>> groups = EntityGroups.Collect(mentions, SameEntity.Contained, TextNormalization.Arabic);
                List<(Mention Entity, List<Mention> Mentions)> expected = ReferenceEntityGroups.Collect(mentions, SameEntity.Contained, TextNormalization.Arabic);
                AssertSameGroups(expected, groups);
            }, iter: 40);

    /// <summary>
    /// Thousands of mentions: the arena is sized for all their keys' chars and words first. Some
    /// keys hold a ligature that normalizing spells out in two letters (ﻻ), so the arena still has
    /// to grow past what was reserved.
    /// </summary>
    [Fact]
    public void Grouping_thousands_of_keys_is_the_reference_grouping()
    {
        var random = new Random(4097);
        string[] words = [.. s_words, "\uFEFB\uFEFB\uFEFB"];
        Mention[] mentions = [.. Enumerable.Range(0, 5000).Select(i =>
        {
            string key = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]));
            return new Mention(key, new TextSpan(i * 40, 1 + (key.Length % 7)), new string('x', 1 + (key.Length % 7)));
        })];

        IReadOnlyList<EntityGroup<Mention>> groups = EntityGroups.Collect(mentions, SameEntity.Contained, TextNormalization.Arabic);

        List<(Mention Entity, List<Mention> Mentions)> expected = ReferenceEntityGroups.Collect(mentions, SameEntity.Contained, TextNormalization.Arabic);
        AssertSameGroups(expected, groups);
    }

    /// <summary>
    /// A thread's first arena holds 1,024 chars and 128 words: keys of exactly that many chars fill
    /// it as they come, one char more and it is sized for them all first (here, for some 300 words,
    /// and still grown for the ligatures). Both ways give the reference's groups, indexed (more than
    /// 16 groups) and not.
    /// </summary>
    [Theory]
    [InlineData(1024)]
    [InlineData(1025)]
    public void Grouping_keys_that_fill_a_new_arena_or_pass_it_by_one_char_is_the_reference_grouping(int chars)
    {
        var random = new Random(chars);
        string[] words = [.. s_words, "\uFEFB\uFEFB"];
        var keys = new List<string>();
        int total = 0;
        while (total < chars - 40)
        {
            // A number of its own makes each key distinct, so every char counts.
            string key = string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => words[random.Next(words.Length)])) + " " + keys.Count;
            keys.Add(key);
            total += key.Length;
        }

        // The last key takes the total to the exact count: words of ب, one per five chars.
        keys.Add(string.Join(' ', Enumerable.Repeat("بببب", (chars - total + 1) / 5)).PadRight(chars - total, 'ب'));
        Assert.Equal(chars, keys.Distinct().Sum(k => k.Length));

        // Each key once, then each twice (the arena holds a key's chars once).
        foreach (IEnumerable<string> list in new[] { keys, keys.Concat(keys) })
        {
            Mention[] mentions = [.. list.Select((key, i) => new Mention(key, new TextSpan(i * 40, 3), "xyz"))];
            IReadOnlyList<EntityGroup<Mention>> groups = null!;
            var thread = new System.Threading.Thread(() => groups = EntityGroups.Collect(mentions, SameEntity.Contained, TextNormalization.Arabic));
            thread.Start();
            thread.Join();

            Assert.True(groups.Count > 16, $"{groups.Count} groups");
            AssertSameGroups(ReferenceEntityGroups.Collect(mentions, SameEntity.Contained, TextNormalization.Arabic), groups);
        }
    }

    /// <summary>The same groups in the same order: each with the reference's entity (the same mention) and its mentions.</summary>
    private static void AssertSameGroups(List<(Mention Entity, List<Mention> Mentions)> expected, IReadOnlyList<EntityGroup<Mention>> groups)
    {
        Assert.Equal(expected.Count, groups.Count);
        for (int g = 0; g < groups.Count; g++)
        {
            Assert.Same(expected[g].Entity, groups[g].Entity);
            Assert.Equal(expected[g].Mentions, groups[g].Mentions);
        }
    }

    [Fact]
    public void A_surname_joins_the_full_name_and_a_name_with_other_words_does_not()
    {
        Mention[] mentions =
        [
            new("لافروف", new TextSpan(0, 6), "لافروف"),
            new("سيرغي لافروف", new TextSpan(10, 12), "سيرغي لافروف"),
            new("لافروف سيرغي", new TextSpan(30, 12), "لافروف سيرغي"),
        ];

        IReadOnlyList<EntityGroup<Mention>> groups = EntityGroups.Collect(mentions, SameEntity.Contained, TextNormalization.Arabic);

        Assert.Equal(2, groups.Count);
        Assert.Same(mentions[1], groups[0].Entity);
        Assert.Equal([mentions[0], mentions[1]], groups[0].Mentions);
        Assert.Same(mentions[2], groups[1].Entity);
        Assert.Single(EntityGroups.Collect(mentions[..2], SameEntity.Key, TextNormalization.Arabic)[0].Mentions);
    }

    /// <summary>
    /// A group's mentions are a run of one array the document's groups share: each group reads its
    /// own run, in document order, and nothing past its ends.
    /// </summary>
    [Fact]
    public void Each_group_reads_its_own_run_of_the_shared_mentions()
    {
        Mention[] mentions =
        [
            new("موسكو", new TextSpan(0, 5), "موسكو"),
            new("بكين", new TextSpan(10, 4), "بكين"),
            new("موسكو", new TextSpan(20, 5), "موسكو"),
            new("باكو", new TextSpan(30, 4), "باكو"),
            new("بكين", new TextSpan(40, 4), "بكين"),
            new("موسكو", new TextSpan(50, 5), "موسكو"),
        ];

        IReadOnlyList<EntityGroup<Mention>> groups = EntityGroups.Collect(mentions, SameEntity.Key, TextNormalization.Arabic);

        Assert.Equal(["موسكو", "بكين", "باكو"], groups.Select(g => g.Key));
        MentionList<Mention> moscow = groups[0].Mentions;
        Assert.Equal([mentions[0], mentions[2], mentions[5]], moscow);
        Assert.Equal([mentions[1], mentions[4]], groups[1].Mentions.AsSpan().ToArray());
        Assert.Same(mentions[3], Assert.Single(groups[2].Mentions));
        Assert.Same(mentions[5], moscow[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => moscow[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => moscow[-1]);
        var seen = new List<Mention>();
        foreach (Mention mention in groups[1].Mentions)
        {
            seen.Add(mention);
        }

        Assert.Equal([mentions[1], mentions[4]], seen);
        Assert.Equal(moscow, ((IReadOnlyList<Mention>)moscow).ToList());
        Assert.Empty(default(MentionList<Mention>));
        Assert.True(default(MentionList<Mention>).AsSpan().IsEmpty);
    }

    /// <summary>
    /// A group of many mentions written to a stream goes out as it is written, in pieces of about
    /// 64 KB, not held whole until the writer is flushed; the JSON is the same as written at once.
    /// </summary>
    [Fact]
    public void A_large_group_is_flushed_to_its_stream_as_it_is_written()
    {
        Mention[] mentions = Enumerable.Range(0, 30_000).Select(i => new Mention("موسكو", new TextSpan(i * 10, 5), "موسكو")).ToArray();
        EntityGroup<Mention> group = Assert.Single(EntityGroups.Collect(mentions, SameEntity.Key, TextNormalization.Arabic));

        var stream = new WritesStream();
        using (var writer = new Utf8JsonWriter(stream, Json.CorpusJson.Compact))
        {
            group.WriteTo(writer);
        }

        string written = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(Json.CorpusJson.Serialize(new Written(group), indented: false), written);
        Assert.True(written.Length > 16 * 65536, $"{written.Length} bytes");
        Assert.True(stream.Writes.Count > 16, $"{stream.Writes.Count} writes");

        // One write per 64 KB, each at most one mention past it.
        Assert.All(stream.Writes, size => Assert.InRange(size, 1, 65536 + 100));
    }

    /// <summary>A stream that counts the size of each write.</summary>
    private sealed class WritesStream : System.IO.MemoryStream
    {
        public List<int> Writes { get; } = [];

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes.Add(buffer.Length);
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add(count);
            base.Write(buffer, offset, count);
        }
    }

    /// <summary>A group as a value <see cref="Json.CorpusJson.Serialize(IJsonWritable, bool)"/> writes to a buffer at once.</summary>
    private sealed class Written(EntityGroup<Mention> group) : IJsonWritable
    {
        public void WriteTo(Utf8JsonWriter writer) => group.WriteTo(writer);
    }

    /// <summary>A mention with a key, for grouping only.</summary>
    public sealed class Mention(string key, TextSpan span, string text) : IEntity
    {
        public string EntityType => "Mention";

        public string Key { get; } = key;

        public TextSpan Span { get; } = span;

        public string Text { get; } = text;

        public string Rule => "test";

        public void WriteFields(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }

        public void WriteTo(Utf8JsonWriter writer) => WriteFields(writer);

        public override string ToString() => $"{Key} {Span}";
    }
}
