using System.Collections.Generic;
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
}
