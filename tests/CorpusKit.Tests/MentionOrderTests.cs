using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;
using CorpusKit.Documents;

namespace CorpusKit.Tests;

/// <summary>The mentions of every entity type together, in document order.</summary>
public sealed class MentionOrderTests
{
    [Fact]
    public void Mentions_come_by_start_the_longer_first_and_ties_keep_the_order_of_their_lists()
    {
        var person = new EntityGroupTests.Mention("لافروف", new TextSpan(10, 6), "لافروف");
        var organization = new EntityGroupTests.Mention("RU-MFA", new TextSpan(0, 20), "وزارة الخارجية الروسية");
        var place = new EntityGroupTests.Mention("RU", new TextSpan(10, 6), "روسيا");
        var later = new EntityGroupTests.Mention("RU", new TextSpan(30, 5), "روسيا");
        var earlier = new EntityGroupTests.Mention("X", new TextSpan(10, 2), "xx");

        IReadOnlyList<IEntity> mentions = MentionOrder.Merge([person], [later, organization], [place, earlier]);

        Assert.Equal<IEntity>([organization, person, place, earlier, later], mentions);
    }

    [Fact]
    public void Lists_each_in_document_order_merge_as_a_sort_of_them_all_would_order_them()
    {
        // The merge of lists already in order must give what the sort gives: by start, the longer
        // first, ties in the order of the lists, then within a list; one list out of order is sorted.
        var random = new System.Random(7);
        for (int round = 0; round < 300; round++)
        {
            int k = random.Next(1, 7);
            var lists = new List<IEntity>[k];
            var all = new List<(IEntity Entity, int List, int Index)>();
            for (int j = 0; j < k; j++)
            {
                lists[j] = [];
                int n = random.Next(0, 8);
                var spans = new List<TextSpan>();
                for (int i = 0; i < n; i++)
                {
                    spans.Add(new TextSpan(random.Next(0, 12), random.Next(0, 4)));
                }

                if (round % 5 != 0)
                {
                    spans.Sort();
                }

                foreach (TextSpan span in spans)
                {
                    var mention = new EntityGroupTests.Mention("k", span, "t");
                    all.Add((mention, j, lists[j].Count));
                    lists[j].Add(mention);
                }
            }

            IEntity[] expected = [.. all.OrderBy(e => e.Entity.Span).ThenBy(e => e.List).ThenBy(e => e.Index).Select(e => e.Entity)];
            IReadOnlyList<IEntity> merged = MentionOrder.Merge([.. lists]);

            Assert.Equal(expected, merged);
        }
    }

    [Fact]
    public void Two_mentions_at_one_place_come_in_the_order_of_their_lists_not_the_reverse()
    {
        var first = new EntityGroupTests.Mention("a", new TextSpan(4, 3), "a");
        var second = new EntityGroupTests.Mention("b", new TextSpan(4, 3), "b");

        Assert.Equal<IEntity>([first, second], MentionOrder.Merge([first], [second]));
        Assert.Equal<IEntity>([second, first], MentionOrder.Merge([second], [first]));
    }

    /// <summary>
    /// Lists each in order are merged as they are read: counting and going through them makes no
    /// array of them all, reading one by index makes it once, and every way gives the sort's
    /// order; one list with mentions is the mentions as it is, and past <see cref="MergedMentions.MostLists"/>
    /// lists (N and N + 1) the merge is made at once.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(MergedMentions.MostLists)]
    [InlineData(MergedMentions.MostLists + 1)]
    public void Mentions_are_merged_as_they_are_read_and_made_into_an_array_only_when_read_by_index(int listCount)
    {
        var random = new System.Random(listCount);
        var lists = new List<IEntity>[listCount];
        var all = new List<(IEntity Entity, int List, int Index)>();
        for (int j = 0; j < listCount; j++)
        {
            lists[j] = [];
            foreach (TextSpan span in Enumerable.Range(0, 5).Select(_ => new TextSpan(random.Next(0, 20), random.Next(0, 4))).Order())
            {
                var mention = new EntityGroupTests.Mention("k", span, "t");
                all.Add((mention, j, lists[j].Count));
                lists[j].Add(mention);
            }
        }

        IEntity[] expected = [.. all.OrderBy(e => e.Entity.Span).ThenBy(e => e.List).ThenBy(e => e.Index).Select(e => e.Entity)];
        IReadOnlyList<IEntity> merged = MentionOrder.Merge([.. lists]);

        Assert.Equal(expected.Length, merged.Count);
        if (listCount > MergedMentions.MostLists)
        {
            Assert.IsType<IEntity[]>(merged);
            Assert.Equal(expected, merged);
            return;
        }

        var lazy = Assert.IsType<MergedMentions>(merged);
        Assert.Equal(expected, merged.ToList()); // enumerated
        Assert.Equal(expected, merged.ToList()); // and again
        Assert.False(lazy.IsMaterialized);
        Assert.Same(expected[^1], merged[expected.Length - 1]);
        Assert.True(lazy.IsMaterialized);
        Assert.Equal(expected, Enumerable.Range(0, merged.Count).Select(i => merged[i]));
        Assert.Equal(expected, merged.ToList()); // from the array now
        Assert.Throws<System.IndexOutOfRangeException>(() => merged[expected.Length]);
    }

    [Fact]
    public void One_list_with_mentions_is_the_mentions_and_none_is_an_empty_list()
    {
        IEntity[] only = [new EntityGroupTests.Mention("a", new TextSpan(1, 2), "a"), new EntityGroupTests.Mention("b", new TextSpan(4, 2), "b")];

        Assert.Same(only, MentionOrder.Merge([], only, []));
        Assert.Empty(MentionOrder.Merge([], []));
        Assert.Empty(MentionOrder.Merge());
    }

    /// <summary>
    /// The merged mentions are their own enumerator while no other enumeration goes through them
    /// (so going through them again makes nothing); one that starts while another goes on gets an
    /// enumerator of its own, and both give every mention in order.
    /// </summary>
    [Fact]
    public void A_second_enumeration_at_the_same_time_gets_its_own_enumerator_and_both_see_every_mention()
    {
        IEntity[] first = [new EntityGroupTests.Mention("a", new TextSpan(0, 2), "a"), new EntityGroupTests.Mention("c", new TextSpan(6, 2), "c")];
        IEntity[] second = [new EntityGroupTests.Mention("b", new TextSpan(3, 2), "b")];
        IReadOnlyList<IEntity> merged = MentionOrder.Merge(first, second);
        IEntity[] expected = [first[0], second[0], first[1]];

        IEnumerator<IEntity> outer = merged.GetEnumerator();
        Assert.Same(merged, outer);
        IEnumerator<IEntity> inner = merged.GetEnumerator();
        Assert.NotSame(merged, inner);
        var fromOuter = new List<IEntity>();
        var fromInner = new List<IEntity>();
        while (outer.MoveNext() | inner.MoveNext())
        {
            fromOuter.Add(outer.Current);
            fromInner.Add(inner.Current);
        }

        Assert.Equal(expected, fromOuter);
        Assert.Equal(expected, fromInner);
        outer.Dispose();
        inner.Dispose();
        using (IEnumerator<IEntity> again = merged.GetEnumerator())
        {
            Assert.Same(merged, again); // free again
            Assert.True(again.MoveNext());
            Assert.Same(expected[0], again.Current); // and started over
        }

        Assert.Equal(9, (from x in merged from y in merged select (x, y)).Count());
        Assert.False(((MergedMentions)merged).IsMaterialized);
    }
}
