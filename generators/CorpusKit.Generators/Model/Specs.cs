using System.Collections.Generic;
using System.Linq;

namespace CorpusKit.Generators.Model;

// The specs the parser makes from one YAML file. They hold strings, numbers, enums and
// equatable arrays only (never a symbol, SourceText or Location), so the pipeline can cache
// them and they keep no compilation alive.

/// <summary>Project-wide settings read from MSBuild.</summary>
/// <param name="RootNamespace">The project's RootNamespace: the default namespace of generated code.</param>
/// <param name="ProjectDirectory">The project folder; hint names are made from paths relative to it.</param>
internal sealed record GeneratorOptions(string RootNamespace, string ProjectDirectory);

/// <summary>One YAML file, parsed: the module (when anything could be made of it) and its diagnostics.</summary>
internal sealed record ParseResult(ModuleSpec? Module, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One <c>.corpus.yaml</c> file: a namespace, a corpus, its lexicons and entities.</summary>
internal sealed record ModuleSpec(
    string RelativePath,
    string HintPrefix,
    string Namespace,
    string CorpusName,
    string? Doc,
    NormalizationKind Normalize,
    ImmutableEquatableArray<LexiconSpec> Lexicons,
    ImmutableEquatableArray<EntitySpec> Entities,
    DocumentSpec? Document)
{
    /// <summary>
    /// Set by the linker: the names of the entity types in the order the corpus runs them (those
    /// others build on first).
    /// </summary>
    public ImmutableEquatableArray<string> RunOrder { get; init; } = ImmutableEquatableArray<string>.Empty;

    /// <summary>The corpus class.</summary>
    public string CorpusClass => Names.CorpusClass(CorpusName);

    /// <summary>The class of the term index and the lexicon ids.</summary>
    public string LexiconsClass => Names.LexiconsClass(CorpusName);

    /// <summary>The document record: the declared document type, or <c>{Corpus}Document</c>.</summary>
    public string DocumentClass => Document?.Name ?? Names.DefaultDocument(CorpusName);

    /// <summary>The document's list of an entity type's mentions: <c>{Entity}Mentions</c> beside a declared document's fields, else the plural.</summary>
    public string MentionList(EntitySpec entity) => Document is null ? entity.PluralName : Names.MentionList(entity.Name);
}

/// <summary>The document type of a module: its headline, boilerplate rules and collected lists.</summary>
/// <param name="Headline">Whether the first body line is the headline.</param>
/// <param name="DropDuplicates">Whether lines that repeat earlier ones are hidden from rules.</param>
internal sealed record DocumentSpec(
    string Name,
    string? Doc,
    bool Headline,
    bool DropDuplicates,
    ImmutableEquatableArray<LineRuleSpec> Boilerplate,
    ImmutableEquatableArray<DocumentFieldSpec> Fields,
    LocationInfo Location);

/// <summary>A boilerplate rule: a pattern on a line's normalized text.</summary>
/// <param name="Rest">Whether a matching line drops every line after it too.</param>
internal sealed record LineRuleSpec(string Id, string? Doc, PatternSpec Pattern, string Reach, LocationInfo Location)
{
    /// <summary>The member of its pattern in the corpus's <c>BoilerplatePatterns</c>.</summary>
    public string MemberName => Names.Member(Id);
}

/// <summary>A pattern of a rule, a step or a boilerplate rule.</summary>
/// <param name="Written">The pattern as the schema writes it (lexicon references and all).</param>
/// <param name="Expanded">The pattern as it runs: lexicons expanded, literals normalized, anchored with \G where a sequence step needs it.</param>
/// <param name="Location">Where the schema writes it.</param>
internal sealed record PatternSpec(string Written, string Expanded, LocationInfo Location);

/// <summary>A field of a document: the distinct entities of a type (a list), or the first one.</summary>
/// <param name="Contained">For lists: whether a mention whose key is a run of a fuller key's words is the same entity.</param>
/// <param name="Where">A bool field of the entity: only mentions where it is true count.</param>
internal sealed record DocumentFieldSpec(
    string Name,
    string PropertyName,
    string? Doc,
    string EntityName,
    EntityRef? EntityRef,
    bool IsList,
    bool Contained,
    string? Where,
    LocationInfo Location);

internal enum NormalizationKind
{
    None,
    Arabic,
}

internal enum OverlapKind
{
    Longest,
    First,
    All,
}

/// <summary>A named word list. Unkeyed: each entry's key is its only form. Keyed: key -> forms.</summary>
/// <param name="File">For a lexicon kept in a file: where and how to read it (its entries are read once the file is given to the generator).</param>
/// <param name="ArticleAsWritten">
/// Whether its forms stand only as written (<c>article: as-written</c>): an article ال the form lacks is not
/// matched before it, so a given name <c>خليل</c> is not read in <c>الخليل</c>.
/// </param>
internal sealed record LexiconSpec(
    string Name,
    bool Keyed,
    bool IntegerKeys,
    ImmutableEquatableArray<LexiconEntry> Entries,
    LocationInfo Location,
    LexiconFileSpec? File = null,
    bool ArticleAsWritten = false)
{
    /// <summary>Its id's member in the lexicons class (<see cref="Names.Keys"/> and <see cref="Names.Numbers"/> of it name its keys and their numbers).</summary>
    public string MemberName => Names.Member(Name);
}

/// <summary>
/// A lexicon kept in a TSV or CSV file of the project (an <c>AdditionalFiles</c> item):
/// <c>people: { file: lexicons/people.tsv, key: 1, forms: [1, 2..] }</c>.
/// </summary>
/// <param name="Path">The file's full path, with forward slashes, as the generator is given it.</param>
/// <param name="Written">The path as the schema writes it (relative to the schema's folder).</param>
/// <param name="KeyColumn">The column of the key (1-based), or null for a list whose forms are their own keys.</param>
/// <param name="FormColumns">The columns of forms (1-based).</param>
/// <param name="FormsOnward">Whether every column after the last of <paramref name="FormColumns"/> holds forms too (<c>2..</c>).</param>
/// <param name="Separator">Tab or comma.</param>
/// <param name="Header">Whether the first line names the columns (and is skipped).</param>
/// <param name="Location">The <c>file:</c> value in the schema.</param>
internal sealed record LexiconFileSpec(string Path, string Written, int? KeyColumn, ImmutableEquatableArray<int> FormColumns, bool FormsOnward, char Separator, bool Header, LocationInfo Location);

/// <summary>The text of an additional file that may hold a lexicon (a TSV or CSV file), by its full path.</summary>
internal sealed record LexiconText(string Path, string Text);

/// <summary>A key and its surface forms, already normalized the way the text will be.</summary>
internal sealed record LexiconEntry(string Key, ImmutableEquatableArray<string> Forms);

/// <param name="Outside">Entities whose spans this one's never overlap: a match inside one is dropped.</param>
internal sealed record EntitySpec(
    string Name,
    string? Doc,
    ImmutableEquatableArray<FieldSpec> Fields,
    ImmutableEquatableArray<RuleSpec> Rules,
    OverlapKind Overlap,
    ImmutableEquatableArray<EntityReference> Outside,
    LocationInfo Location,
    string? Repeats = null)
{
    /// <summary>Its extractor class.</summary>
    public string ExtractorName => Names.Extractor(Name);

    /// <summary>The English plural of its name (<c>People</c>), for lists of it.</summary>
    public string PluralName => Names.Plural(Name);

    /// <summary>The local of its mentions in a corpus's Extract.</summary>
    public string ListLocal => Names.ListLocal(PluralName);
}

/// <summary>An entity named in a schema; the linker sets the entity it resolves to.</summary>
internal sealed record EntityReference(string Name, EntityRef? EntityRef, LocationInfo Location);

/// <summary>
/// An entity type's identity: the namespace of its module and its name. Every place that needs
/// to know whether two references name one entity, or what to write for it in C#, asks this.
/// </summary>
internal sealed record EntityRef(string Namespace, string Name)
{
    /// <summary>The record's fully qualified C# name (<c>global::Ns.Name</c>).</summary>
    public string GlobalName => "global::" + Namespace + "." + Name;

    /// <summary>Its extractor's fully qualified C# name.</summary>
    public string GlobalExtractorName => "global::" + Namespace + "." + Names.Extractor(Name);

    public override string ToString() => GlobalName;
}

internal enum FieldKind
{
    String,
    Int,
    Decimal,
    Bool,
    Date,
    Enum,
    Entity,

    /// <summary>A reference to one of several entity types (<c>Person|Organization</c>).</summary>
    Union,
}

/// <summary>A field's type: its kind, whether it is a list or optional, and what it names.</summary>
/// <param name="EntityName">For <see cref="FieldKind.Entity"/>: the referenced entity.</param>
/// <param name="EntityRef">Set by the linker: the referenced entity.</param>
/// <param name="EnumValues">For <see cref="FieldKind.Enum"/>: the members as written.</param>
/// <param name="Members">For <see cref="FieldKind.Union"/>: the entity types as written, in order of preference.</param>
/// <param name="MemberRefs">Set by the linker: the union's entity types.</param>
internal sealed record FieldType(
    FieldKind Kind,
    bool IsList,
    bool IsOptional,
    string? EntityName,
    EntityRef? EntityRef,
    ImmutableEquatableArray<string> EnumValues,
    ImmutableEquatableArray<string>? Members = null,
    ImmutableEquatableArray<EntityRef>? MemberRefs = null)
{
    /// <summary>Whether the field refers to entities: one type or one of several.</summary>
    public bool IsReference => Kind is FieldKind.Entity or FieldKind.Union;

    /// <summary>For a union: the C# name of its type (<c>PersonOrOrganization</c>).</summary>
    public string UnionName => Names.Union(Members!);

    /// <summary>The C# member of an enum value as the schema writes it (in any case).</summary>
    public string EnumMember(string value)
        => Names.Member(System.Linq.Enumerable.First(EnumValues, v => string.Equals(v, value, System.StringComparison.OrdinalIgnoreCase)));
}

/// <summary>A typed field. The first field of an entity is its key.</summary>
/// <param name="Name">The name as written in YAML (and in JSON).</param>
/// <param name="PropertyName">The C# property name.</param>
internal sealed record FieldSpec(string Name, string PropertyName, string? Doc, FieldType Type, LocationInfo Location)
{
    /// <summary>The local of its value in a rule's method.</summary>
    public string ValueLocal => Names.ValueLocal(PropertyName);

    /// <summary>The local of the nearest() index that fills it.</summary>
    public string NearestLocal => Names.NearestLocal(PropertyName);

    /// <summary>For an enum field: its nested type.</summary>
    public string EnumTypeName => Names.EnumType(PropertyName);

    /// <summary>For an enum field: its parser.</summary>
    public string EnumParserName => Names.EnumParser(PropertyName);
}

/// <summary>One step of a sequence rule: one record per kind of step.</summary>
/// <param name="As">The field the step's value fills, if any.</param>
/// <param name="Location">Where the schema writes the step.</param>
internal abstract record StepSpec(string? As, LocationInfo Location)
{
    /// <summary>Whether the sequence may go on without the step (<c>optional: true</c>); the step is tried first.</summary>
    public bool Optional { get; init; }

    /// <summary>The dictionary the step reads: a terms step's forms, a words step's refused forms; null for the others.</summary>
    public virtual TermsSpec? Dictionary => null;

    /// <summary>The steps it may be: an alternative's choices; any other step is itself.</summary>
    public virtual IEnumerable<StepSpec> Choices => [this];
}

/// <summary><c>{ entity: Person }</c>: an entity found by its own extractor.</summary>
/// <param name="EntityName">The entity as the schema names it.</param>
/// <param name="EntityRef">Set by the linker: the entity.</param>
internal sealed record EntityStep(string? As, LocationInfo Location, string EntityName, EntityRef? EntityRef) : StepSpec(As, Location);

/// <summary><c>{ terms: … }</c>: a form of a lexicon or of an inline list or map.</summary>
internal sealed record TermsStep(string? As, LocationInfo Location, TermsSpec Terms) : StepSpec(As, Location)
{
    /// <inheritdoc />
    public override TermsSpec? Dictionary => Terms;
}

/// <summary><c>{ words: 1..3, script: arabic, not: titles }</c>: whole words in a row, most first.</summary>
/// <param name="Min">The fewest words, at least 1.</param>
/// <param name="Max">The most words.</param>
/// <param name="Script">The chars every word is made of.</param>
/// <param name="Not">The forms none of its words may begin, if any.</param>
/// <param name="Prefixes">One of these begins every word (normalized), if any are asked.</param>
/// <param name="Suffixes">One of these ends every word (normalized), if any are asked.</param>
internal sealed record WordsStep(
    string? As,
    LocationInfo Location,
    int Min,
    int Max,
    WordScriptKind Script,
    TermsSpec? Not,
    ImmutableEquatableArray<string>? Prefixes,
    ImmutableEquatableArray<string>? Suffixes) : StepSpec(As, Location)
{
    /// <inheritdoc />
    public override TermsSpec? Dictionary => Not;
}

/// <summary><c>{ any: [ { entity: Person }, { words: 1..3 } ] }</c>: the first choice through which the rest matches.</summary>
/// <param name="Options">The choices, in order: entity, terms, regex (without groups) or words steps.</param>
internal sealed record AnyStep(string? As, LocationInfo Location, ImmutableEquatableArray<StepSpec> Options) : StepSpec(As, Location)
{
    /// <inheritdoc />
    public override IEnumerable<StepSpec> Choices => Options;
}

/// <summary>The scripts of a words step (mirrors the runtime's <c>WordScript</c>).</summary>
internal enum WordScriptKind
{
    Any,
    Arabic,
    Latin,
    Digits,
}

/// <summary><c>{ regex: … }</c>: a pattern, anchored where the step begins unless it is the first.</summary>
internal sealed record RegexStep(string? As, LocationInfo Location, PatternSpec Pattern) : StepSpec(As, Location);

/// <summary><c>{ gap: 0..3 words }</c>: skips <paramref name="Min"/> to <paramref name="Max"/> words.</summary>
internal sealed record GapStep(LocationInfo Location, int Min, int Max) : StepSpec(null, Location);

/// <summary>An example beside a rule: a text and what the rule must find in it.</summary>
/// <param name="None">Whether the rule must find nothing.</param>
/// <param name="Span">The text the entity's span must cover, if given.</param>
/// <param name="Expected">Field name and value as the mention export writes it, in schema order.</param>
internal sealed record ExampleSpec(
    string Text,
    bool None,
    string? Span,
    ImmutableEquatableArray<ExpectedField> Expected,
    LocationInfo Location);

/// <summary>A field value an example expects.</summary>
internal sealed record ExpectedField(string Field, string Value);

/// <summary>A member a rule's code declares in a nested class of its extractor (<see cref="RuleSpec.NestedDeclarations"/>).</summary>
/// <param name="Class">The nested class: Patterns, Terms or Sequences.</param>
/// <param name="Member">The member's name.</param>
/// <param name="Pattern">The pattern, for a member of Patterns.</param>
/// <param name="Step">The step it belongs to, if any.</param>
/// <param name="Choice">The choice of that step's alternative it belongs to, if any.</param>
/// <param name="IsUnless">Whether it is the rule's <c>unless:</c>.</param>
/// <param name="IsWritten">Whether it is the rule's <c>written:</c>, a pattern of the original text.</param>
internal sealed record NestedDeclaration(string Class, string Member, PatternSpec? Pattern, int? Step, int? Choice, bool IsUnless = false, bool IsWritten = false);

/// <summary>A rule that finds an entity.</summary>
/// <param name="Id">The rule's id as written.</param>
/// <param name="MethodName">The C# name derived from the id.</param>
/// <param name="Body">What the rule matches: terms, a regex or a sequence, each with what it needs.</param>
/// <param name="Groups">For regex rules: the named groups, in pattern order; for sequences, of all regex steps.</param>
/// <param name="GroupSteps">For sequences: the step of each group (parallel to Groups).</param>
/// <param name="Fills">How each field is filled, in field order (absent fields are left out).</param>
/// <param name="SpanGroup">The group whose match is the entity's span (<c>span:</c>), if the rule names one.</param>
/// <param name="SpanStep">The sequence step (named by its <c>as:</c>) whose match is the entity's span (<c>span:</c>), if the rule names one; the first of them when several share the name.</param>
internal sealed record RuleSpec(
    string Id,
    string MethodName,
    string? Doc,
    RuleBody Body,
    ImmutableEquatableArray<string> Groups,
    ImmutableEquatableArray<int> GroupSteps,
    ImmutableEquatableArray<FieldFill> Fills,
    string? SpanGroup,
    int? SpanStep,
    ImmutableEquatableArray<ExampleSpec> Examples,
    LocationInfo Location,
    bool Repeats = false,
    PatternSpec? Unless = null,
    int? SpanLastStep = null,
    PatternSpec? Written = null)
{
    /// <summary>The member of its pattern, sequence or inline dictionary in the extractor's nested classes.</summary>
    public string MemberName => Names.Member(Id);

    /// <summary>The member of its <c>unless:</c> pattern in the extractor's nested class of patterns.</summary>
    public string UnlessMemberName => Names.Member(Id) + "Unless";

    /// <summary>The member of its <c>written:</c> pattern in the extractor's nested class of patterns.</summary>
    public string WrittenMemberName => Names.Member(Id) + "Written";

    /// <summary>The member of the pattern or inline dictionary of its step <paramref name="index"/>.</summary>
    public string StepMemberName(int index) => Names.StepMember(Id, index);

    /// <summary>The member of the pattern or inline dictionary of choice <paramref name="choice"/> of its step <paramref name="index"/>.</summary>
    public string ChoiceMemberName(int index, int choice) => Names.ChoiceMember(Id, index, choice);

    /// <summary>The steps of a sequence rule; none for the other kinds.</summary>
    public ImmutableEquatableArray<StepSpec> Steps => Body is SequenceBody sequence ? sequence.Steps : ImmutableEquatableArray<StepSpec>.Empty;

    /// <summary>
    /// What the rule's code declares in the extractor's nested classes, in the order the emitter
    /// writes them: its pattern, its inline terms or its steps (<c>Sequences</c>), its
    /// <c>unless:</c>, then each step's pattern or inline terms and those of an alternative's
    /// choices. The emitter writes these and the parser checks them for clashes
    /// (<see cref="NestedMembers"/>), so the two never disagree.
    /// </summary>
    public IEnumerable<NestedDeclaration> NestedDeclarations()
    {
        if (Body is RegexBody { Pattern: var pattern })
        {
            yield return new("Patterns", MemberName, pattern, null, null);
        }
        else if (Body is TermsBody { Terms.LexiconName: null })
        {
            yield return new("Terms", MemberName, null, null, null);
        }
        else if (Body is SequenceBody)
        {
            yield return new("Sequences", MemberName, null, null, null);
        }

        if (Unless is { } unless)
        {
            yield return new("Patterns", UnlessMemberName, unless, null, null, IsUnless: true);
        }

        if (Written is { } written)
        {
            yield return new("Patterns", WrittenMemberName, written, null, null, IsWritten: true);
        }

        for (int i = 0; i < Steps.Count; i++)
        {
            if (Steps[i] is RegexStep { Pattern: var stepPattern })
            {
                yield return new("Patterns", StepMemberName(i), stepPattern, i, null);
            }
            else if (Steps[i].Dictionary is { LexiconName: null })
            {
                yield return new("Terms", StepMemberName(i), null, i, null);
            }
            else if (Steps[i] is AnyStep any)
            {
                for (int c = 0; c < any.Options.Count; c++)
                {
                    if (any.Options[c] is RegexStep { Pattern: var choicePattern })
                    {
                        yield return new("Patterns", ChoiceMemberName(i, c), choicePattern, i, c);
                    }
                    else if (any.Options[c].Dictionary is { LexiconName: null })
                    {
                        yield return new("Terms", ChoiceMemberName(i, c), null, i, c);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The names <see cref="NestedDeclarations"/> take, as <c>Class.Member</c> (inline terms with their
    /// keys and numbers; a pattern's helpers end in <c>_Code</c>, <c>_Look1</c> …, which no member name
    /// has). No other rule of the entity may take one of them, and none may be named as its class
    /// (rule <c>country</c> with a regex and <c>country-step2</c> whose second step is one).
    /// </summary>
    public IEnumerable<string> NestedMembers()
        => NestedDeclarations().SelectMany(d => d.Class == "Terms"
            ? new[] { "Terms." + d.Member, "Terms." + Names.Keys(d.Member), "Terms." + Names.Numbers(d.Member) }
            : new[] { d.Class + "." + d.Member });
}

/// <summary>What a rule matches: one record per kind of rule.</summary>
internal abstract record RuleBody;

/// <summary><c>terms:</c> the forms of a lexicon or of an inline list or map, as whole words.</summary>
/// <param name="Variants">The spelling variants found too (<c>variants:</c>): 1 letters, 2 one edit, as the runtime's <c>SpellingVariants</c> flags; 0 for none.</param>
internal sealed record TermsBody(TermsSpec Terms, int Variants = 0) : RuleBody;

/// <summary><c>regex:</c> one pattern, as written and as it runs.</summary>
internal sealed record RegexBody(PatternSpec Pattern) : RuleBody;

/// <summary><c>sequence:</c> steps matched one after another.</summary>
internal sealed record SequenceBody(ImmutableEquatableArray<StepSpec> Steps) : RuleBody;

/// <summary><c>builtin:</c> one of the runtime's recognizers (<see cref="Builtin.Date"/>, <see cref="Builtin.Number"/>).</summary>
internal sealed record BuiltinBody(string Kind) : RuleBody
{
    /// <summary>The parts a rule of this kind fills fields from.</summary>
    public ImmutableEquatableArray<string> Parts => Builtin.PartsOf(Kind);
}

/// <summary>The built-in recognizers a rule may name, and the parts each gives.</summary>
internal static class Builtin
{
    public const string Date = "date";
    public const string Number = "number";

    public static readonly string[] Kinds = [Date, Number];

    private static readonly ImmutableEquatableArray<string> s_dateParts = new[] { "date", "year", "month", "day" }.ToEquatable();
    private static readonly ImmutableEquatableArray<string> s_numberParts = new[] { "value", "ordinal" }.ToEquatable();

    public static ImmutableEquatableArray<string> PartsOf(string kind) => kind == Date ? s_dateParts : s_numberParts;

    /// <summary>Whether a field of <paramref name="type"/> can take <paramref name="part"/> of <paramref name="kind"/>.</summary>
    public static bool Fits(string kind, string part, FieldType type)
    {
        if (type.IsList || type.Kind == FieldKind.Entity)
        {
            return false;
        }

        return (kind, part) switch
        {
            (Date, "date") => type.Kind is FieldKind.Date or FieldKind.String,
            (Date, _) => type.Kind is FieldKind.Int or FieldKind.Decimal,
            (Number, "value") => type.Kind is FieldKind.Int or FieldKind.Decimal or FieldKind.String,
            (Number, "ordinal") => type.Kind == FieldKind.Bool,
            _ => false,
        };
    }
}

/// <summary>The dictionary of a terms rule: a module lexicon by name, or an inline list or map.</summary>
internal sealed record TermsSpec(string? LexiconName, bool Keyed, ImmutableEquatableArray<LexiconEntry> Entries)
{
    /// <summary>Its lexicon's member in the lexicons class; null for an inline dictionary.</summary>
    public string? LexiconMember => LexiconName is null ? null : Names.Member(LexiconName);
}

/// <summary>How one field gets its value in one rule: one record per way, each with what it needs.</summary>
/// <param name="Field">The field's name.</param>
internal abstract record FieldFill(string Field);

/// <summary>The text of a named group, converted to the field's type.</summary>
internal sealed record GroupFill(string Field, string Group) : FieldFill(Field);

/// <summary>A list field: every capture of a named group (a group inside a repeated part).</summary>
internal sealed record GroupCapturesFill(string Field, string Group) : FieldFill(Field);

/// <summary>A constant from the schema, already checked against the field's type.</summary>
internal sealed record ConstantFill(string Field, string Value) : FieldFill(Field);

/// <summary>A terms rule's key (keyed dictionaries).</summary>
internal sealed record TermKeyFill(string Field) : FieldFill(Field);

/// <summary>The whole match's text.</summary>
internal sealed record MatchTextFill(string Field) : FieldFill(Field);

/// <summary>A part of a built-in recognizer's match: a date's <c>date</c>, <c>year</c>, <c>month</c> or <c>day</c>, a number's <c>value</c> or <c>ordinal</c>.</summary>
internal sealed record BuiltinFill(string Field, string Part) : FieldFill(Field);

/// <summary>
/// <c>date(year, month, day)</c> over named groups; <c>hijri(year, month, day)</c> for a Hijri date or
/// <c>shamsi(year, month, day)</c> for a Solar Hijri one, filled with its Gregorian day.
/// </summary>
/// <param name="Year">The year's group, or null for <c>_</c>.</param>
/// <param name="Month">The month's group, or null for <c>_</c>.</param>
/// <param name="Day">The day's group, or null for <c>_</c>.</param>
/// <param name="MonthLexicon">The keyed lexicon (keys 1-12) the month group uses to name months; null when it matches digits.</param>
/// <param name="DayLexicon">The keyed lexicon (keys 1-31) the day group uses to name days (الخامس); null when it matches digits.</param>
/// <param name="Calendar">The calendar of the parts; the value is always a Gregorian date.</param>
internal sealed record DateFill(string Field, string? Year, string? Month, string? Day, string? MonthLexicon, string? DayLexicon = null, DateCalendar Calendar = DateCalendar.Gregorian) : FieldFill(Field)
{
    /// <summary>The day lexicon's member in the lexicons class, if days are named.</summary>
    public string? DayLexiconMember => DayLexicon is null ? null : Names.Member(DayLexicon);

    /// <summary>The month lexicon's member in the lexicons class, if months are named.</summary>
    public string? MonthLexiconMember => MonthLexicon is null ? null : Names.Member(MonthLexicon);
}

/// <summary>A sequence step's value (<c>as:</c>): an entity, a form's key or the step's text.</summary>
/// <param name="Step">The step's index in the sequence.</param>
internal sealed record StepFill(string Field, int Step) : FieldFill(Field);

/// <summary>A string field that consecutive steps fill with one <c>as:</c>: the text from the first step taken to the last.</summary>
/// <param name="First">The first step's index.</param>
/// <param name="Last">The last step's index.</param>
internal sealed record StepsFill(string Field, int First, int Last) : FieldFill(Field);

/// <summary><c>nearest(Entity, before|after, sentence|paragraph|document)</c>.</summary>
/// <param name="Entity">The entity looked for, as the schema names it.</param>
/// <param name="Before">Whether it is looked for before the match (else after).</param>
/// <param name="Scope">sentence, paragraph or document.</param>
/// <param name="EntityRef">The entity, set by the linker (null before).</param>
/// <param name="Members">For <c>nearest(A|B, …)</c>: the entity types, the nearest of any of them taken.</param>
/// <param name="MemberRefs">The entity types of <paramref name="Members"/>, set by the linker.</param>
internal sealed record NearestFill(string Field, string Entity, bool Before, string Scope, EntityRef? EntityRef, ImmutableEquatableArray<string>? Members = null, ImmutableEquatableArray<EntityRef>? MemberRefs = null) : FieldFill(Field)
{
    /// <summary>The local of the index it reads (its field's <see cref="FieldSpec.NearestLocal"/>).</summary>
    public string Local => Names.NearestLocal(Names.ToPascalCase(Field));

    /// <summary>The runtime's <c>TextScope</c> member of <see cref="Scope"/>.</summary>
    public string ScopeMember => Names.Member(Scope);
}

/// <summary>
/// <c>speaker(Person|Organization, verbs: speech-verbs, statements: statements)</c>: who said
/// a quote, filled once the entity's mentions are resolved (<c>CorpusKit.CompilerServices.Attribution</c>).
/// </summary>
/// <param name="Members">The entity types a speaker may be, in order of preference (the field's own, or one of them).</param>
/// <param name="Verbs">The lexicon of speech verbs.</param>
/// <param name="Statements">The lexicon of words that make a sentence an institution's, if any.</param>
/// <param name="MemberRefs">The entity types, set by the linker (null before).</param>
/// <param name="Titles">The string field that holds a candidate's title, which an anaphor (الوزير) names, if any.</param>
/// <param name="TitleMembers">The types that have that field, set by the linker.</param>
internal sealed record SpeakerFill(
    string Field,
    ImmutableEquatableArray<string> Members,
    string Verbs,
    string? Statements,
    ImmutableEquatableArray<EntityRef>? MemberRefs,
    string? Titles = null,
    ImmutableEquatableArray<EntityRef>? TitleMembers = null) : FieldFill(Field);

/// <summary>
/// A reference type of one of several entities, generated once per namespace and member list
/// (<c>PersonOrOrganization</c>).
/// </summary>
/// <param name="Namespace">The namespace of the schema that declares it.</param>
/// <param name="Members">Its entity types, in order.</param>
/// <param name="DeclaredIn">The schema that declares it first (for its file's header).</param>
internal sealed record UnionSpec(string Namespace, ImmutableEquatableArray<EntityRef> Members, string DeclaredIn)
{
    /// <summary>Its C# name.</summary>
    public string Name => Names.Union(Members.Select(m => m.Name));
}

/// <summary>A module after linking: entity references across files resolved.</summary>
internal sealed record LinkedModule(ModuleSpec Module);

/// <summary>Where every match of a pattern must begin (mirrors the runtime's <c>PrefilterAnchor</c>).</summary>
internal enum PrefilterAnchor
{
    None,
    TextStart,
    LineStart,
}

/// <summary>
/// Where a pattern can start matching, decided at build time: after <paramref name="Literal"/>, at one of
/// <paramref name="Chars"/> (with every decimal digit when <paramref name="Digits"/>), where <paramref name="Anchor"/> allows,
/// where the chars after the first are among <paramref name="Follow"/> (one string of char ranges, first
/// and last, per char after the first that every match has; null when none is checked), and on a line
/// that holds <paramref name="Inner"/> at or after the place (a literal every match holds somewhere, when
/// no match takes a line break; null when there is none); with <paramref name="Held"/> (the chars a match
/// can take, as char ranges), in a run of those chars rather than a line.
/// </summary>
internal sealed record PrefilterSpec(string? Literal, string? Chars, bool Digits, PrefilterAnchor Anchor, ImmutableEquatableArray<string>? Follow = null, string? Inner = null, string? Held = null);

/// <summary>The calendar of a date fill's parts.</summary>
internal enum DateCalendar
{
    /// <summary><c>date(…)</c>: the parts are the Gregorian date, and may be partial.</summary>
    Gregorian,

    /// <summary><c>hijri(…)</c>: the Umm al-Qura calendar; all three parts, read as their Gregorian day.</summary>
    Hijri,

    /// <summary><c>shamsi(…)</c>: the Solar Hijri calendar; all three parts, read as their Gregorian day.</summary>
    Shamsi,
}
