using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>A field value an example expects, as the mention export writes it.</summary>
/// <param name="Field">The field's name in the schema.</param>
/// <param name="Value">The value: text, a number, true/false, an ISO partial date, a referenced key, or null.</param>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record ExpectedValue(string Field, string Value);
