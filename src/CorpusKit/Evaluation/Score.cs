namespace CorpusKit.Evaluation;

/// <summary>Precision, recall and F1 from counts.</summary>
/// <param name="TruePositives">Predicted mentions matched to a gold one.</param>
/// <param name="FalsePositives">Predicted mentions that match none.</param>
/// <param name="FalseNegatives">Gold mentions that no prediction matches.</param>
public readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was predicted and nothing was expected.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? (FalseNegatives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when there was nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? (FalsePositives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The sum of two scores (micro-averaging).</summary>
    public static Score operator +(Score a, Score b)
        => new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}
