namespace CorpusKit.Generators;

/// <summary>Names of the pipeline steps, for WithTrackingName and the caching tests.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string Options = nameof(Options);
    public const string Parse = nameof(Parse);
    public const string LexiconFiles = nameof(LexiconFiles);
    public const string LoadLexicons = nameof(LoadLexicons);
    public const string ParseDiagnostics = nameof(ParseDiagnostics);
    public const string Link = nameof(Link);
    public const string LinkDiagnostics = nameof(LinkDiagnostics);
    public const string Modules = nameof(Modules);
    public const string Unions = nameof(Unions);
}
