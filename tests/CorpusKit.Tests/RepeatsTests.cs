using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary><see cref="Repeats"/> on its own: surnames, whole names, connectors, proclitics, shared surnames, places already taken.</summary>
public sealed class RepeatsTests
{
    private sealed record Name(string? Full, TextSpan Span, string Text, string Rule) : IEntity
    {
        public string Key => Full ?? Text;

        public string EntityType => "Name";

        public void WriteFields(System.Text.Json.Utf8JsonWriter writer) => writer.WriteString("full", Full);

        public void WriteTo(System.Text.Json.Utf8JsonWriter writer) => writer.WriteStringValue(Text);
    }

    /// <summary>Runs <see cref="Repeats.Add"/> with an entity for each <paramref name="found"/> name where it first stands.</summary>
    private static List<Name> Run(string text, params string[] found)
    {
        NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.Arabic);
        var entities = found.Select(full => new Name(full, new TextSpan(text.IndexOf(full, System.StringComparison.Ordinal), full.Length), full, "rule")).OrderBy(e => e.Span).ToList();
        Repeats.Add(entities, normalized, static e => e.Full, (e, span) => new Name(e.Full, span, text.Substring(span.Start, span.Length), "repeats"));
        return entities;
    }

    private static string[] Again(List<Name> entities) => [.. entities.Where(e => e.Rule == "repeats").Select(e => $"{e.Text}={e.Full}")];

    [Fact]
    public void A_surname_alone_names_the_person_again_before_and_after()
        => Assert.Equal(
            ["شريفزاده=فرهود شريفزاده", "شريفزاده=فرهود شريفزاده"],
            Again(Run("قال شريفزاده إن الوزير فرهود شريفزاده وصل، وأضاف شريفزاده أن", "فرهود شريفزاده")));

    [Fact]
    public void The_whole_name_again_is_one_mention_not_two()
        => Assert.Equal(["فرهود شريفزاده=فرهود شريفزاده"], Again(Run("الوزير فرهود شريفزاده وصل. ثم قال فرهود شريفزاده", "فرهود شريفزاده")));

    [Fact]
    public void A_connector_keeps_two_words_as_the_surname()
        => Assert.Equal(["بن حمادي=سفيان بن حمادي"], Again(Run("السفير سفيان بن حمادي وصل، وقال بن حمادي إن حمادي", "سفيان بن حمادي")));

    [Fact]
    public void Proclitics_stay_out_of_the_span()
        => Assert.Equal(["شريفزاده=فرهود شريفزاده"], Again(Run("الوزير فرهود شريفزاده ووفقا لشريفزاده", "فرهود شريفزاده")));

    [Fact]
    public void A_surname_inside_a_longer_word_is_not_a_mention()
        => Assert.Equal(["حمادي=سفيان حمادي"], Again(Run("وصل سفيان حمادي، ثم زار الحمادية وقال لحمادي", "سفيان حمادي")));

    [Fact]
    public void A_surname_two_names_share_names_neither()
        => Assert.Empty(Again(Run("علي كريمي وحسن كريمي التقيا، وقال كريمي", "علي كريمي", "حسن كريمي")));

    [Fact]
    public void A_one_word_name_is_not_repeated()
        => Assert.Empty(Again(Run("بوتين وصل، وقال بوتين", "بوتين")));

    [Fact]
    public void A_word_inside_another_entity_of_the_type_is_left_alone()
    {
        List<Name> entities = Run("فرهود شريفزاده وصل", "فرهود شريفزاده");
        Assert.Single(entities);
        Assert.Equal(new TextSpan(0, 14), entities[0].Span);
    }
}
