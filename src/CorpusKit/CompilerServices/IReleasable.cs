namespace CorpusKit.CompilerServices;

/// <summary>Work state that holds rented arrays until the extraction that made it ends.</summary>
internal interface IReleasable
{
    /// <summary>Gives the rented arrays back; what a later call needs is built again.</summary>
    void Release();
}
