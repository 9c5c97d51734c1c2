using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>The chars every word of a <c>words:</c> step is made of.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum WordScript
{
    /// <summary>Letters and digits of any script.</summary>
    Any,

    /// <summary>Arabic letters (the Arabic block, Persian letters among them).</summary>
    Arabic,

    /// <summary>Latin letters (Basic Latin to Latin Extended-B).</summary>
    Latin,

    /// <summary>Decimal digits of any script.</summary>
    Digits,
}
