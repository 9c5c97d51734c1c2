using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CorpusKit.Evaluation;
using CorpusKit.Json;

namespace CorpusKit.Tests;

/// <summary>
/// Two runs compared as entities: the seeds' mentions as a run exports them, then the same with a
/// mention removed, one added, one with another field value and one over a longer span; the choice
/// between two new mentions over one old one; touching spans; sentences around a span.
/// </summary>
public sealed class MentionDiffTests
{
    [Fact]
    public void Each_kind_of_change_is_found_counted_and_shown_in_its_sentence()
    {
        string text = Seeds.Read("000");
        List<Mention> old = Export(NewsCorpus.Instance.Extract(text, "000"));
        Mention person = old.First(m => m.Type == "Person");
        Mention place = old.First(m => m.Type == "Place");
        Mention date = old.First(m => m.Type == "Date");
        var @new = new List<Mention>(old);
        @new.Remove(person);
        @new[@new.IndexOf(place)] = place with { Attributes = new Dictionary<string, string> { ["id"] = "XX" } };
        @new[@new.IndexOf(date)] = date with { End = date.End + 1, Text = text[date.Start..(date.End + 1)] };
        var added = new Mention("000", "Place", 3, 9, text[3..9], new Dictionary<string, string> { ["id"] = "YY" }) { Rule = "by-hand" };
        @new.Add(added);

        MentionDiff diff = MentionDiff.Compare(old, @new);

        Assert.Equal(old.Count - 3, diff.Unchanged);
        Assert.Equal(
            [(MentionChangeKind.Removed, person, (Mention?)null), (MentionChangeKind.Changed, place, @new.First(m => m.Start == place.Start && m.Type == "Place")), (MentionChangeKind.Moved, date, @new.First(m => m.Type == "Date" && m.Start == date.Start)), (MentionChangeKind.Added, null, added)],
            diff.Changes.OrderBy(c => c.Kind == MentionChangeKind.Removed ? 0 : c.Kind == MentionChangeKind.Changed ? 1 : c.Kind == MentionChangeKind.Moved ? 2 : 3).Select(c => (c.Kind, c.Old, c.New)));
        Assert.Equal("1 Place added in 1 document, 1 Person removed in 1 document, 1 Place changed in 1 document, 1 Date moved in 1 document", diff.Summary());

        // Scored as the new run against the old one: one Person missed, one Place too many, the Date's span no longer exact.
        Assert.Equal(1, diff.Scores.For("Person")!.Exact.FalseNegatives);
        Assert.Equal(1, diff.Scores.For("Place")!.Exact.FalsePositives);
        int dates = old.Count(m => m.Type == "Date");
        Assert.Equal((dates - 1, dates), (diff.Scores.For("Date")!.Exact.TruePositives, diff.Scores.For("Date")!.Overlap.TruePositives));

        Assert.Contains(("Place", "by-hand", 1, 0, 0, 0), diff.Counts());
        Assert.Contains(("Person", person.Rule!, 0, 1, 0, 0), diff.Counts());
        Assert.Equal(4, diff.Counts().Sum(c => c.Added + c.Removed + c.Changed + c.Moved));

        string report = diff.ToText(new Dictionary<string, string> { ["000"] = text });
        Assert.Contains($"| Place | {added.Rule} | 1 | 0 | 0 | 0 |", report, StringComparison.Ordinal);
        Assert.Contains($"| Person | {person.Rule} | 0 | 1 | 0 | 0 |", report, StringComparison.Ordinal);
        Assert.Contains($"changed  000 Place [{place.Start}..{place.End}) {place.Text} {{id: {place.Attributes["id"]} -> XX}}", report, StringComparison.Ordinal);
        Assert.Contains($"moved    000 Date [{date.Start}..{date.End + 1}) {text[date.Start..(date.End + 1)]}, was [{date.Start}..{date.End}) {date.Text}", report, StringComparison.Ordinal);
        Assert.Contains($"removed  000 Person [{person.Start}..{person.End}) {person.Text} {{name: {person.Attributes["name"]}", report, StringComparison.Ordinal);
        Assert.Contains($"⟦{person.Text}⟧", report, StringComparison.Ordinal);
        Assert.DoesNotContain("⟦", MentionDiff.Compare(old, @new).ToText(texts: null), StringComparison.Ordinal);
        Assert.Equal("no change", MentionDiff.Compare(old, old).Summary());
        Assert.Empty(MentionDiff.Compare(old, old).Changes);
    }

    [Fact]
    public void One_old_mention_moves_to_the_first_new_one_it_overlaps_and_the_other_is_added()
    {
        Mention Span(int start, int end) => new("d", "Person", start, end, new string('x', end - start), new Dictionary<string, string>());
        MentionDiff diff = MentionDiff.Compare([Span(10, 20)], [Span(15, 25), Span(5, 12)]);

        Assert.Equal(
            [(MentionChangeKind.Added, 15), (MentionChangeKind.Moved, 5)],
            diff.Changes.Select(c => (c.Kind, c.Mention.Start)).OrderByDescending(c => c.Item2));
        Assert.Equal(10, diff.Changes.Single(c => c.Kind == MentionChangeKind.Moved).Old!.Start);
    }

    [Fact]
    public void Touching_spans_do_not_overlap_and_other_types_or_documents_never_match()
    {
        Mention Make(string doc, string type, int start, int end) => new(doc, type, start, end, "x", new Dictionary<string, string>());
        MentionDiff diff = MentionDiff.Compare(
            [Make("d", "Person", 10, 20), Make("d", "Place", 30, 40), Make("e", "Date", 0, 5)],
            [Make("d", "Person", 20, 25), Make("d", "Place", 41, 45), Make("d", "Person", 30, 40), Make("f", "Date", 0, 5)]);

        Assert.Equal(0, diff.Unchanged);
        Assert.DoesNotContain(diff.Changes, c => c.Kind is MentionChangeKind.Moved or MentionChangeKind.Changed);
        Assert.Equal(3, diff.Changes.Count(c => c.Kind == MentionChangeKind.Removed));
        Assert.Equal(4, diff.Changes.Count(c => c.Kind == MentionChangeKind.Added));
    }

    [Fact]
    public void A_changed_mention_shows_only_the_fields_that_differ_and_a_missing_one_as_none()
    {
        var old = new Mention("d", "Quote", 4, 30, "إن العمل جار", new Dictionary<string, string> { ["speaker"] = "سيرغي لافروف", ["marks"] = "curly" });
        var @new = old with { Attributes = new Dictionary<string, string> { ["marks"] = "curly", ["tone"] = "calm" } };

        MentionChange change = Assert.Single(MentionDiff.Compare([old], [@new]).Changes);

        Assert.Equal("changed  d Quote [4..30) إن العمل جار {speaker: سيرغي لافروف -> none, tone: none -> calm}", change.Describe());
    }

    [Theory]
    [InlineData("قال بوتين. زار لافروف موسكو. ثم عاد", 15, 21, "زار ⟦لافروف⟧ موسكو.")]
    [InlineData("هل زار لافروف موسكو؟ نعم", 7, 13, "هل زار ⟦لافروف⟧ موسكو؟")]
    [InlineData("سطر أول\nزار لافروف\nسطر آخر", 12, 18, "زار ⟦لافروف⟧")]
    [InlineData("لافروف", 0, 6, "⟦لافروف⟧")]
    public void A_sentence_runs_from_the_last_full_stop_or_line_break_to_the_next(string text, int start, int end, string sentence)
        => Assert.Equal(sentence, MentionDiff.Sentence(text, start, end));

    /// <summary>A document's mentions as the mention export writes them, read back as a mention file's lines.</summary>
    private static List<Mention> Export(Article article)
    {
        var mentions = new List<Mention>();
        foreach (IEntity entity in article.Mentions())
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, CorpusJson.Compact))
            {
                CorpusJson.WriteMention(writer, article.Id, entity);
            }

            Assert.True(Mention.TryParse(Encoding.UTF8.GetString(buffer.WrittenSpan), out Mention? mention, out string? error), error);
            Assert.Equal(entity.Rule, mention.Rule);
            mentions.Add(mention);
        }

        return mentions;
    }
}
