using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorpusKit.Generators.Model;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    /// <summary>The modules after linking, and what linking found wrong.</summary>
    internal sealed record LinkResult(ImmutableEquatableArray<ModuleSpec> Modules, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>
    /// Links the modules of a project: resolves entity references across files and rejects
    /// names that two files both define in one namespace. A field that names no entity is
    /// reported and left out, so the rest still compiles.
    /// </summary>
    internal static class Linker
    {
        public static LinkResult Link(ImmutableArray<ModuleSpec?> parsed)
        {
            var diagnostics = new List<DiagnosticInfo>();
            List<ModuleSpec> modules = parsed.Where(m => m is not null).Select(m => m!)
                .OrderBy(m => m.RelativePath, StringComparer.Ordinal).ToList();

            // Names each file declares, per namespace: corpus types and entity types.
            var declared = new Dictionary<string, string>(StringComparer.Ordinal); // full name -> file
            for (int m = 0; m < modules.Count; m++)
            {
                ModuleSpec module = modules[m];
                string corpusName = module.Namespace + "." + module.CorpusName + "Corpus";
                if (declared.TryGetValue(corpusName, out string? otherFile))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.DuplicateName,
                        new LocationInfo(module.Entities.FirstOrDefault()?.Location.Path ?? module.RelativePath, 0, 0, 0, 0, 0, 0),
                        "corpus (also in " + otherFile + "; set corpus: to tell them apart)",
                        module.CorpusName));
                    modules.RemoveAt(m--);
                    continue;
                }

                declared[corpusName] = module.RelativePath;
                var kept = new List<EntitySpec>();
                foreach (EntitySpec entity in module.Entities)
                {
                    string fullName = module.Namespace + "." + entity.Name;
                    if (declared.TryGetValue(fullName, out string? file))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, entity.Location, "entity (also in " + file + ")", entity.Name));
                        continue;
                    }

                    declared[fullName] = module.RelativePath;
                    kept.Add(entity);
                }

                if (kept.Count != module.Entities.Count)
                {
                    modules[m] = module with { Entities = kept.ToEquatable() };
                }
            }

            // Resolve references: the same file first, then the one other file that defines the name.
            var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal); // entity -> namespaces
            foreach (ModuleSpec module in modules)
            {
                foreach (EntitySpec entity in module.Entities)
                {
                    if (!byName.TryGetValue(entity.Name, out List<string>? namespaces))
                    {
                        byName[entity.Name] = namespaces = [];
                    }

                    namespaces.Add(module.Namespace);
                }
            }

            var linked = new List<ModuleSpec>(modules.Count);
            foreach (ModuleSpec module in modules)
            {
                var local = new HashSet<string>(module.Entities.Select(e => e.Name), StringComparer.Ordinal);
                var entities = new List<EntitySpec>();
                foreach (EntitySpec entity in module.Entities)
                {
                    var fields = new List<FieldSpec>();
                    foreach (FieldSpec field in entity.Fields)
                    {
                        if (field.Type.EntityName is not { } target)
                        {
                            fields.Add(field);
                            continue;
                        }

                        string? ns = local.Contains(target)
                            ? module.Namespace
                            : byName.TryGetValue(target, out List<string>? candidates) && candidates.Count == 1 ? candidates[0] : null;
                        if (ns is null)
                        {
                            diagnostics.Add(byName.ContainsKey(target)
                                ? DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, field.Location, "entity (defined in several namespaces; the reference is ambiguous)", target)
                                : DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEntity, field.Location, target));
                            continue;
                        }

                        fields.Add(field with { Type = field.Type with { EntityTypeName = "global::" + ns + "." + target } });
                    }

                    entities.Add(entity with
                    {
                        Fields = fields.ToEquatable(),
                        Rules = entity.Rules.Select(r => r with { Fills = r.Fills.Where(f => fields.Any(x => x.Name == f.Field)).ToEquatable() }).ToEquatable(),
                    });
                }

                linked.Add(module with { Entities = entities.ToEquatable() });
            }

            return new LinkResult(linked.ToEquatable(), diagnostics.ToEquatable());
        }
    }
}
