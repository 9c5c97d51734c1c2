namespace CorpusKit.Package.Tests;

/// <summary>
/// The tests that build the repository's own projects in Release (pack, publish): one at a time,
/// since two builds of one project at once would write the same <c>obj</c> and <c>bin</c> folders.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RepositoryBuilds
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Release builds of the repository's projects";
}
