using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// <see cref="Captures.Steps"/> and <see cref="Captures.StepsSpan"/> on their own: steps that share
/// an <c>as:</c> name read from the first that took chars to the last, a skipped or empty step at
/// either end adds nothing, and none taken gives null or the fallback.
/// </summary>
public sealed class CapturesStepsTests
{
    // "وصل إلى دلهي الجديدة": the steps' chars in the normalized text (the same as the original here).
    private const string Sentence = "وصل إلى دلهي الجديدة أمس";
    private static readonly StepMatch s_verb = new(0, 3, 0, null);
    private static readonly StepMatch s_to = new(4, 7, 0, null);
    private static readonly StepMatch s_city = new(8, 12, 0, null);
    private static readonly StepMatch s_new = new(13, 20, 0, null);
    private static readonly StepMatch s_skipped = new(13, 13, -1, null); // after the space, where the next step would have begun
    private static readonly StepMatch s_empty = new(13, 13, 0, null);
    private static readonly TextSpan s_whole = new(0, 20);

    private static SequenceMatch Match(params StepMatch[] steps)
    {
        var match = new SequenceMatch();
        match.Reset(steps[0].Start, steps[^1].End, steps, 0, steps.Length);
        return match;
    }

    private static NormalizedText Text() => NormalizedText.Normalize(Sentence, TextNormalization.Arabic);

    [Fact]
    public void Two_steps_that_took_chars_read_from_the_first_to_the_last()
    {
        SequenceMatch match = Match(s_verb, s_to, s_city, s_new);
        Assert.Equal("دلهي الجديدة", Captures.Steps(Text(), match, 2, 3));
        Assert.Equal(new TextSpan(8, 12), Captures.StepsSpan(Text(), match, 2, 3, s_whole));
    }

    [Fact]
    public void A_skipped_last_step_adds_nothing_not_even_the_space_before_it()
    {
        SequenceMatch match = Match(s_verb, s_to, s_city, s_skipped);
        Assert.Equal("دلهي", Captures.Steps(Text(), match, 2, 3));
        Assert.Equal(new TextSpan(8, 4), Captures.StepsSpan(Text(), match, 2, 3, s_whole));
    }

    [Fact]
    public void An_empty_first_step_adds_nothing()
    {
        SequenceMatch match = Match(s_verb, s_to, new StepMatch(8, 8, 0, null), s_city, s_new);
        Assert.Equal("دلهي الجديدة", Captures.Steps(Text(), match, 2, 4));
        Assert.Equal(new TextSpan(8, 12), Captures.StepsSpan(Text(), match, 2, 4, s_whole));
    }

    [Fact]
    public void No_step_that_took_chars_gives_null_and_the_fallback()
    {
        SequenceMatch match = Match(s_verb, s_to, s_city, s_skipped, s_empty);
        Assert.Null(Captures.Steps(Text(), match, 3, 4));
        Assert.Equal(s_whole, Captures.StepsSpan(Text(), match, 3, 4, s_whole));
    }
}
