using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators;

/// <summary>Every diagnostic the generator reports. Each message ends with the fix.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CorpusKit";

    public static readonly DiagnosticDescriptor YamlSyntax = Create(
        "CK0001", "Invalid YAML", "YAML syntax error: {0}",
        "The file is not valid YAML. Fix the syntax at the reported position: indentation, an unclosed quote or bracket, a tab used for indentation.");

    public static readonly DiagnosticDescriptor UnknownKey = Create(
        "CK0002", "Unknown key", "Unknown key '{0}' in {1}; expected one of: {2}",
        "Schemas accept a fixed set of keys at each level. A misspelt key would otherwise be ignored silently.");

    public static readonly DiagnosticDescriptor InvalidType = Create(
        "CK0003", "Invalid field type", "'{0}' is not a field type; write string, int, decimal, bool, date, an entity name, entity names joined by | (one of them, not a list) or {{ enum: [a, b] }}, with [] for a list and ? for optional",
        "A field type is a primitive, an entity name, entity names joined by | (a reference to one of several types: Person|Organization), or an enum, optionally a list (T[]; not a union) and optional (T?).");

    public static readonly DiagnosticDescriptor UnknownEntity = Create(
        "CK0004", "Unknown entity", "No entity named '{0}' is defined in any .corpus.yaml file of this project; define it or fix the name",
        "A field whose type is a name refers to an entity of this file or of another .corpus.yaml file of the project.");

    public static readonly DiagnosticDescriptor DuplicateName = Create(
        "CK0005", "Duplicate name", "Duplicate {0} '{1}'; rename one of them",
        "Entities, fields, rules, lexicons and YAML keys must be unique where they are declared, also after conversion to C# names.");

    public static readonly DiagnosticDescriptor InvalidRegex = Create(
        "CK0006", "Invalid regex", "The regex of rule '{0}' does not compile: {1}",
        "Patterns are .NET regular expressions, checked at build time with the options used at run time.");

    public static readonly DiagnosticDescriptor UnmatchedGroup = Create(
        "CK0007", "Named group matches no field", "Named group '{0}' of rule '{1}' matches no field of '{2}' and no set: argument; rename it to a field or make it unnamed with (?:…)",
        "A named group fills the field of the same name, or feeds a set: expression.");

    public static readonly DiagnosticDescriptor UnfillableField = Create(
        "CK0008", "Required field cannot be filled", "Rule '{0}' cannot fill the required field '{1}' of '{2}'; add a named group (?<{1}>…), a set: value, or make the field optional ({1}: T?)",
        "Every rule must be able to fill every required field: by a named group, by set:, or (for the key) by the matched text or a keyed lexicon.");

    public static readonly DiagnosticDescriptor UnknownLexicon = Create(
        "CK0009", "Unknown lexicon", "No lexicon named '{0}' in this file; defined: {1}",
        "terms: and {name} in a regex refer to a lexicon declared under lexicons: in the same file.");

    public static readonly DiagnosticDescriptor WrongShape = Create(
        "CK0010", "Wrong kind of value", "{0} must be {1}, not {2}",
        "Each key expects a scalar, a list or a mapping; see the schema reference.");

    public static readonly DiagnosticDescriptor InvalidValue = Create(
        "CK0011", "Value does not fit its field", "Invalid value '{0}' for {1}: {2}",
        "A set: constant that is not a value of the field's type (a word for an int field, null for a required field).");

    public static readonly DiagnosticDescriptor InvalidName = Create(
        "CK0012", "Invalid name", "'{0}' is not a valid {1} name: {2}",
        "Entity names become C# type names and field names become property names, so they must be identifiers and must not clash with generated members.");

    public static readonly DiagnosticDescriptor MissingKey = Create(
        "CK0013", "Missing key", "{0} needs '{1}'",
        "Some keys are required: an entity needs fields and rules, a rule needs terms: or regex:.");

    public static readonly DiagnosticDescriptor UnusedLexicon = Create(
        "CK0014", "Unused lexicon", "Lexicon '{0}' is never used; use it in terms: or as {{{0}}} in a regex, or remove it",
        "A lexicon that no rule uses is probably a typo in a rule.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DependencyCycle = Create(
        "CK0015", "Entities depend on each other in a cycle", "Rule '{0}' of '{1}' makes a cycle: {2}; one of these entities must be found without the others",
        "Entities run in dependency order: a sequence step or nearest() needs the other entity found first, so the dependencies cannot form a cycle.");

    public static readonly DiagnosticDescriptor BacktrackingRisk = Create(
        "CK0016", "Pattern risks catastrophic backtracking", "The pattern of '{0}' nests an unbounded quantifier inside another at '{1}'; bound the outer one ({{0,5}}) or make the group atomic with (?>…)",
        "Nested unbounded quantifiers such as (\\p{L}+\\s*)+ can take exponential time on text that almost matches. Every regex also has a timeout, but a rule that times out finds nothing in that document.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ValueCutAtComma = Create(
        "CK0017", "Value cut at its commas", "YAML read '{0}' in {1} as several keys, cutting it at its commas; quote the value: {2}",
        "Inside { … } a comma ends an entry, so an unquoted set: value such as date(year, month, day) becomes the value date(year and the keys month and day). Write it in quotes: { value: 'date(year, month, day)' }.");

    public static readonly DiagnosticDescriptor OptionValue = Create(
        "CK0018", "Unknown option", "{1} does not take '{0}': {2}",
        "A key that takes one of a few words (normalize:, overlap:, optional:, none:, headline:, duplicates:, same:, a rule's repeats:) got another.");

    public static readonly DiagnosticDescriptor EmptyValue = Create(
        "CK0019", "Nothing to match", "'{0}' in {1} is empty: {2}",
        "A lexicon, a key, a form, an enum or an inline terms: list with nothing in it: it could never match or fill anything.");

    public static readonly DiagnosticDescriptor ExclusiveKeys = Create(
        "CK0020", "Keys that exclude each other", "{0} in {1}: {2}",
        "A mapping gives two keys of which it takes one (terms:, regex:, sequence: and builtin: of a rule; type: and enum: of a field; line:, block: and rest: of a boilerplate rule; the kinds of a sequence step), or none of them.");

    public static readonly DiagnosticDescriptor InvalidFill = Create(
        "CK0021", "Invalid set: function", "Invalid value '{0}' for {1}: {2}",
        "A set: value that calls int(…), date(…), hijri(…), shamsi(…), nearest(…) or speaker(…) wrongly, names no group of the rule, or fills a field of another type.");

    public static readonly DiagnosticDescriptor InvalidStep = Create(
        "CK0022", "Invalid sequence step", "Invalid '{0}' in {1}: {2}",
        "A sequence step whose as: cannot fill its field, or a gap that is first or last, not a word count, or past the longest gap.");

    public static readonly DiagnosticDescriptor InvalidDocumentField = Create(
        "CK0023", "Invalid document field", "Invalid '{0}' in {1}: {2}",
        "A document field that is not Entity[] or Entity?, a where: that names no bool field, or a second document type in one file.");

    public static readonly DiagnosticDescriptor InvalidExample = Create(
        "CK0024", "Example that contradicts itself", "Invalid '{0}' in {1}: {2}",
        "An example that must find nothing (none: true) also says what it finds (expect:, span:).");

    public static readonly DiagnosticDescriptor UnknownSpanGroup = Create(
        "CK0025", "span: names no group or step", "'{0}' in {1} is neither a group of the pattern nor a step: {2}",
        "A rule's span: names a group its pattern does not have, or no step of its sequence.");

    public static readonly DiagnosticDescriptor IndistinctUnion = Create(
        "CK0026", "Union whose types cannot be told apart", "'{0}' in {1}: {2}",
        "A union names each entity type once, no two of the same name (a value is written as its type's name and key), and its generated type (PersonOrOrganization) clashes with no entity of the namespace.");

    public static readonly DiagnosticDescriptor LexiconFileNotFound = Create(
        "CK0027", "Lexicon file not found", "Lexicon '{0}' reads '{1}', which the generator was not given: the file does not exist, or it is not an AdditionalFiles item of the project",
        "A lexicon kept in a file (file: x.tsv, relative to the schema) is read from the project's AdditionalFiles; CorpusKit's build files add every *.tsv and *.csv of the project (CorpusKitIncludeLexiconFiles).");

    public static readonly DiagnosticDescriptor InvalidLexiconLine = Create(
        "CK0028", "Invalid lexicon file line", "Line {0} of lexicon '{1}': {2}",
        "Each line of a lexicon file has the key column and at least one form; a quoted CSV cell is closed on its line. Blank lines and lines starting with # are skipped.");

    public static readonly DiagnosticDescriptor FormWithTwoKeys = Create(
        "CK0029", "Form with two keys", "'{0}' in lexicon '{1}' is a form of '{2}' and of '{3}'; a match of it takes the first",
        "The same form (once normalized) listed under two keys of a lexicon: a match cannot tell them apart, so it gets the key listed first.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "CK9999", "CorpusKit generator failure", "CorpusKit could not process '{0}': {1}; please report this with the schema",
        "The generator met an unexpected condition. Nothing was generated for the file; the build reports it instead of crashing.");

    public static readonly DiagnosticDescriptor PatternOnMachine = Create(
        "CK0030", "Pattern too long to be written as C#", "The pattern of {0} is {1} instructions long, more than the {2} written as C#: it runs on CorpusKit's pattern machine, which is slower",
        "A pattern's program is written as C# when its main block has at most a set number of instructions; a longer one (most often a long alternation, or a lexicon expanded into one) runs on the pattern machine, which decodes each instruction as it goes. The matches are the same. To keep it fast, put the alternation in a terms step or a lexicon of its own.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PatternTriedAlmostEverywhere = Create(
        "CK0031", "Pattern tried at most places", "The pattern of {0} may begin with {1}, which begin about {2}% of the chars of Arabic news: it is tried at nearly every place of a text; begin the rule with its first words as a terms step (a sequence) or with a rarer literal",
        "A pattern is tried only where its first char can stand (a literal it begins with, or the set of chars it may begin with). When that set holds Arabic letters that together begin a tenth or more of the chars of news text (ا alone is one in seven), the pattern is tried almost everywhere, and one such rule can cost more than all the others. A sequence whose first step is the words is read from the one pass over the lexicons instead.",
        DiagnosticSeverity.Info);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = Index(
        YamlSyntax, UnknownKey, InvalidType, UnknownEntity, DuplicateName, InvalidRegex, UnmatchedGroup,
        UnfillableField, UnknownLexicon, WrongShape, InvalidValue, InvalidName, MissingKey, UnusedLexicon,
        DependencyCycle, BacktrackingRisk, ValueCutAtComma, OptionValue, EmptyValue, ExclusiveKeys, InvalidFill,
        InvalidStep, InvalidDocumentField, InvalidExample, UnknownSpanGroup, IndistinctUnion, LexiconFileNotFound,
        InvalidLexiconLine, FormWithTwoKeys, PatternOnMachine, PatternTriedAlmostEverywhere, InternalError);

    /// <summary>All descriptors, in id order.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id)
        => s_byId.TryGetValue(id, out DiagnosticDescriptor? descriptor)
            ? descriptor
            : throw new ArgumentException($"Unknown diagnostic id '{id}'.", nameof(id));

    private static DiagnosticDescriptor Create(string id, string title, string message, string description, DiagnosticSeverity severity = DiagnosticSeverity.Error)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, description);

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var byId = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            byId.Add(descriptor.Id, descriptor);
        }

        return byId;
    }
}
