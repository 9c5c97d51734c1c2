using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>How far a boilerplate rule reaches from a line it matches.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum LineRuleReach
{
    /// <summary>The matching line only.</summary>
    Line,

    /// <summary>The matching line and every line after it (a related-articles list, a comment section).</summary>
    Rest,

    /// <summary>
    /// The matching line and the lines after it up to the next blank line (a "read also" list
    /// inside an article); a block that begins above the headline (a site's menu) also ends at the
    /// first line longer than a menu's items.
    /// </summary>
    Block,
}
