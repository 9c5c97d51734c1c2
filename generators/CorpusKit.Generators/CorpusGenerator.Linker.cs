using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorpusKit.Generators.Model;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    /// <summary>The modules after linking, and what linking found wrong.</summary>
    internal sealed record LinkResult(ImmutableEquatableArray<ModuleSpec> Modules, ImmutableEquatableArray<DiagnosticInfo> Diagnostics, ImmutableEquatableArray<UnionSpec> Unions);

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
                string corpusName = module.Namespace + "." + module.CorpusClass;

                // Every type the file generates beside its entities: the corpus, its document and its lexicons.
                string[] corpusTypes =
                [
                    corpusName,
                    module.Namespace + "." + module.DocumentClass,
                    module.Namespace + "." + module.LexiconsClass,
                ];
                if (corpusTypes.Select(t => declared.TryGetValue(t, out string? file) ? file : null).FirstOrDefault(f => f is not null) is { } otherFile)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.DuplicateName,
                        new LocationInfo(module.Entities.FirstOrDefault()?.Location.Path ?? module.RelativePath, 0, 0, 0, 0, 0, 0),
                        "corpus (also in " + otherFile + "; set corpus: to tell them apart)",
                        module.CorpusName));
                    modules.RemoveAt(m--);
                    continue;
                }

                foreach (string type in corpusTypes)
                {
                    declared[type] = module.RelativePath;
                }

                var kept = new List<EntitySpec>();
                foreach (EntitySpec entity in module.Entities)
                {
                    // An entity's record and its extractor: neither may be a type another file generates.
                    string fullName = module.Namespace + "." + entity.Name;
                    string[] types = [fullName, Names.Extractor(fullName)];
                    if (types.Select(t => declared.TryGetValue(t, out string? file) ? file : null).FirstOrDefault(f => f is not null) is { } file)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, entity.Location, "entity (it or its extractor is a type also made by " + file + ")", entity.Name));
                        continue;
                    }

                    foreach (string type in types)
                    {
                        declared[type] = module.RelativePath;
                    }

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

            var entitySpecs = new Dictionary<EntityRef, EntitySpec>();
            foreach (ModuleSpec module in modules)
            {
                foreach (EntitySpec entity in module.Entities)
                {
                    entitySpecs[new EntityRef(module.Namespace, entity.Name)] = entity;
                }
            }

            var linked = new List<ModuleSpec>(modules.Count);
            var unions = new Dictionary<(string Namespace, string Name), UnionSpec>();
            foreach (ModuleSpec module in modules)
            {
                var local = new HashSet<string>(module.Entities.Select(e => e.Name), StringComparer.Ordinal);

                // The entity a name means as seen from this module, or null after reporting why not.
                EntityRef? Resolve(string target, LocationInfo location)
                {
                    string? ns = local.Contains(target)
                        ? module.Namespace
                        : byName.TryGetValue(target, out List<string>? candidates) && candidates.Count == 1 ? candidates[0] : null;
                    if (ns is null)
                    {
                        diagnostics.Add(byName.ContainsKey(target)
                            ? DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName, location, "entity (defined in several namespaces; the reference is ambiguous)", target)
                            : DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEntity, location, target));
                        return null;
                    }

                    return new EntityRef(ns, target);
                }

                // Every member of a union, or null after reporting why not.
                ImmutableEquatableArray<EntityRef>? ResolveAll(ImmutableEquatableArray<string> members, LocationInfo location)
                {
                    var refs = new List<EntityRef>(members.Count);
                    foreach (string member in members)
                    {
                        if (Resolve(member, location) is not { } memberRef)
                        {
                            return null;
                        }

                        refs.Add(memberRef);
                    }

                    return refs.ToEquatable();
                }

                var entities = new List<EntitySpec>();
                foreach (EntitySpec entity in module.Entities)
                {
                    var fields = new List<FieldSpec>();
                    foreach (FieldSpec field in entity.Fields)
                    {
                        if (field.Type.Members is { } members)
                        {
                            if (ResolveAll(members, field.Location) is not { } memberRefs)
                            {
                                continue;
                            }

                            string union = field.Type.UnionName;
                            if (local.Contains(union) || declared.ContainsKey(module.Namespace + "." + union) && !unions.ContainsKey((module.Namespace, union)))
                            {
                                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IndistinctUnion, field.Location, string.Join("|", members), $"field '{field.Name}' of {entity.Name}", $"its type {union} is also a type of the namespace {module.Namespace}; rename that entity"));
                                continue;
                            }

                            if (!unions.ContainsKey((module.Namespace, union)))
                            {
                                unions[(module.Namespace, union)] = new UnionSpec(module.Namespace, memberRefs, module.RelativePath);
                            }

                            fields.Add(field with { Type = field.Type with { MemberRefs = memberRefs } });
                        }
                        else if (field.Type.EntityName is not { } target)
                        {
                            fields.Add(field);
                        }
                        else if (Resolve(target, field.Location) is { } typeName)
                        {
                            fields.Add(field with { Type = field.Type with { EntityRef = typeName } });
                        }
                    }

                    var rules = new List<RuleSpec>();
                    foreach (RuleSpec rule in entity.Rules)
                    {
                        if (LinkRule(rule, fields, Resolve, ResolveAll, entitySpecs, diagnostics) is { } linkedRule)
                        {
                            rules.Add(linkedRule);
                        }
                    }

                    var outside = new List<EntityReference>();
                    foreach (EntityReference other in entity.Outside)
                    {
                        if (Resolve(other.Name, other.Location) is { } typeName)
                        {
                            outside.Add(other with { EntityRef = typeName });
                        }
                    }

                    entities.Add(entity with { Fields = fields.ToEquatable(), Rules = rules.ToEquatable(), Outside = outside.ToEquatable() });
                }

                DocumentSpec? document = module.Document;
                if (document is not null)
                {
                    var documentFields = new List<DocumentFieldSpec>();
                    foreach (DocumentFieldSpec field in document.Fields)
                    {
                        if (Resolve(field.EntityName, field.Location) is { } typeName)
                        {
                            documentFields.Add(field with { EntityRef = typeName });
                        }
                    }

                    document = document with { Fields = documentFields.ToEquatable() };
                }

                linked.Add(module with { Entities = entities.ToEquatable(), Document = document });
            }

            BreakCycles(linked, diagnostics);
            for (int m = 0; m < linked.Count; m++)
            {
                linked[m] = linked[m] with { RunOrder = RunOrder(linked[m]) };
            }

            return new LinkResult(
                linked.ToEquatable(),
                diagnostics.ToEquatable(),
                unions.OrderBy(u => u.Key.Namespace, StringComparer.Ordinal).ThenBy(u => u.Key.Name, StringComparer.Ordinal).Select(u => u.Value).ToEquatable());
        }

        /// <summary>
        /// The order a corpus runs its entity types in: those that rules of others build on
        /// (sequence steps, nearest(), outside:) first; otherwise the order of the file. Cycles are
        /// broken before this (<see cref="BreakCycles"/>).
        /// </summary>
        private static ImmutableEquatableArray<string> RunOrder(ModuleSpec module)
        {
            var byName = module.Entities.ToDictionary(e => e.Name, StringComparer.Ordinal);
            var done = new HashSet<string>(StringComparer.Ordinal);
            var visiting = new HashSet<string>(StringComparer.Ordinal);
            var order = new List<string>();
            void Visit(EntitySpec entity)
            {
                if (done.Contains(entity.Name) || !visiting.Add(entity.Name))
                {
                    return;
                }

                foreach (EntityRef dependency in entity.Rules.SelectMany(Dependencies).Concat(entity.Outside.Select(o => o.EntityRef!)))
                {
                    if (dependency.Namespace == module.Namespace && byName.TryGetValue(dependency.Name, out EntitySpec? local))
                    {
                        Visit(local);
                    }
                }

                visiting.Remove(entity.Name);
                done.Add(entity.Name);
                order.Add(entity.Name);
            }

            foreach (EntitySpec entity in module.Entities)
            {
                Visit(entity);
            }

            return order.ToEquatable();
        }

        /// <summary>
        /// Resolves the entities a rule names (entity steps, nearest()); drops fills of fields that
        /// did not resolve. A rule whose steps name an unknown entity is dropped.
        /// </summary>
        private static RuleSpec? LinkRule(
            RuleSpec rule,
            List<FieldSpec> fields,
            Func<string, LocationInfo, EntityRef?> resolve,
            Func<ImmutableEquatableArray<string>, LocationInfo, ImmutableEquatableArray<EntityRef>?> resolveAll,
            Dictionary<EntityRef, EntitySpec> entities,
            List<DiagnosticInfo> diagnostics)
        {
            StepSpec? Link(StepSpec step)
            {
                switch (step)
                {
                    case EntityStep entityStep:
                        return resolve(entityStep.EntityName, entityStep.Location) is { } typeName ? entityStep with { EntityRef = typeName } : null;
                    case AnyStep any:
                        var options = new List<StepSpec>(any.Options.Count);
                        foreach (StepSpec option in any.Options)
                        {
                            if (Link(option) is not { } linked)
                            {
                                return null;
                            }

                            options.Add(linked);
                        }

                        return any with { Options = options.ToEquatable() };
                    default:
                        return step;
                }
            }

            var steps = new List<StepSpec>(rule.Steps.Count);
            foreach (StepSpec step in rule.Steps)
            {
                if (Link(step) is not { } linkedStep)
                {
                    return null;
                }

                steps.Add(linkedStep);
            }

            var fills = new List<FieldFill>();
            foreach (FieldFill fill in rule.Fills)
            {
                FieldSpec? field = fields.FirstOrDefault(f => f.Name == fill.Field);
                if (field is null)
                {
                    continue;
                }

                switch (fill)
                {
                    case NearestFill { Members: { } members } nearest:
                        if (resolveAll(members, field.Location) is { } nearestRefs)
                        {
                            fills.Add(nearest with { MemberRefs = nearestRefs });
                        }

                        break;
                    case NearestFill nearest:
                        // A single type filling a union field names the union's member.
                        EntityRef? one = field.Type.EntityRef ?? resolve(nearest.Entity, field.Location);
                        if (one is not null)
                        {
                            fills.Add(nearest with { EntityRef = one });
                        }

                        break;
                    case SpeakerFill speaker:
                        if (resolveAll(speaker.Members, field.Location) is not { } speakerRefs)
                        {
                            break;
                        }

                        if (speaker.Titles is not { } titles)
                        {
                            fills.Add(speaker with { MemberRefs = speakerRefs });
                            break;
                        }

                        // titles: names a string field of the types that have titles; one of them at least.
                        var titled = speakerRefs
                            .Where(m => entities.TryGetValue(m, out EntitySpec? spec)
                                && spec.Fields.Any(f => f.Name == titles && f.Type is { Kind: FieldKind.String, IsList: false }))
                            .ToEquatable();
                        if (titled.Count == 0)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(
                                DiagnosticDescriptors.InvalidFill,
                                rule.Location,
                                $"speaker(…, titles: {titles})",
                                $"set: {field.Name} of rule '{rule.Id}'",
                                $"titles: names a string field of {string.Join(" or ", speaker.Members)}, such as title: string?"));
                            break;
                        }

                        fills.Add(speaker with { MemberRefs = speakerRefs, TitleMembers = titled });
                        break;
                    default:
                        fills.Add(fill);
                        break;
                }
            }

            return rule with { Body = rule.Body is SequenceBody ? new SequenceBody(steps.ToEquatable()) : rule.Body, Fills = fills.ToEquatable() };
        }

        /// <summary>The entities (global:: names) a rule needs found before it runs.</summary>
        internal static IEnumerable<EntityRef> Dependencies(RuleSpec rule)
        {
            foreach (StepSpec step in rule.Steps.SelectMany(s => s.Choices))
            {
                if (step is EntityStep { EntityRef: { } name })
                {
                    yield return name;
                }
            }

            foreach (FieldFill fill in rule.Fills)
            {
                switch (fill)
                {
                    case NearestFill { MemberRefs: { } members }:
                        foreach (EntityRef member in members)
                        {
                            yield return member;
                        }

                        break;
                    case NearestFill { EntityRef: { } name }:
                        yield return name;
                        break;
                    case SpeakerFill { MemberRefs: { } speakers }:
                        foreach (EntityRef member in speakers)
                        {
                            yield return member;
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// Reports every rule that closes a cycle of dependencies between entities (CK0015) and
        /// drops it, so what is emitted never recurses.
        /// </summary>
        private static void BreakCycles(List<ModuleSpec> modules, List<DiagnosticInfo> diagnostics)
        {
            var entities = new Dictionary<EntityRef, EntitySpec>();
            foreach (ModuleSpec module in modules)
            {
                foreach (EntitySpec entity in module.Entities)
                {
                    entities[new EntityRef(module.Namespace, entity.Name)] = entity;
                }
            }

            var dropped = new HashSet<(EntityRef Entity, string Rule)>();
            var droppedOutside = new HashSet<(EntityRef Entity, EntityRef Other)>();
            var state = new Dictionary<EntityRef, int>(); // 1 visiting, 2 done
            var path = new List<EntityRef>();

            void Visit(EntityRef name)
            {
                state[name] = 1;
                path.Add(name);
                EntitySpec entity = entities[name];
                foreach (RuleSpec rule in entity.Rules)
                {
                    foreach (EntityRef dependency in Dependencies(rule).Distinct())
                    {
                        if (!entities.ContainsKey(dependency) || dropped.Contains((name, rule.Id)))
                        {
                            continue;
                        }

                        state.TryGetValue(dependency, out int seen);
                        if (seen == 1)
                        {
                            int from = path.IndexOf(dependency);
                            string cycle = string.Join(" -> ", path.Skip(from).Append(dependency).Select(n => n.Name));
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DependencyCycle, rule.Location, rule.Id, entity.Name, cycle));
                            dropped.Add((name, rule.Id));
                        }
                        else if (seen == 0)
                        {
                            Visit(dependency);
                        }
                    }
                }

                foreach (EntityReference other in entity.Outside)
                {
                    if (other.EntityRef is not { } dependency || !entities.ContainsKey(dependency))
                    {
                        continue;
                    }

                    state.TryGetValue(dependency, out int seen);
                    if (seen == 1)
                    {
                        int from = path.IndexOf(dependency);
                        string cycle = string.Join(" -> ", path.Skip(from).Append(dependency).Select(n => n.Name));
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DependencyCycle, other.Location, "outside: " + other.Name, entity.Name, cycle));
                        droppedOutside.Add((name, dependency));
                    }
                    else if (seen == 0)
                    {
                        Visit(dependency);
                    }
                }

                path.RemoveAt(path.Count - 1);
                state[name] = 2;
            }

            // In the order of their C# names, as before EntityRef: which rule of a cycle is reported stays put.
            foreach (EntityRef name in entities.Keys.OrderBy(n => n.GlobalName, StringComparer.Ordinal))
            {
                if (!state.ContainsKey(name))
                {
                    Visit(name);
                }
            }

            if (dropped.Count == 0 && droppedOutside.Count == 0)
            {
                return;
            }

            for (int m = 0; m < modules.Count; m++)
            {
                ModuleSpec module = modules[m];
                modules[m] = module with
                {
                    Entities = module.Entities.Select(e => e with
                    {
                        Rules = e.Rules.Where(r => !dropped.Contains((new EntityRef(module.Namespace, e.Name), r.Id))).ToEquatable(),
                        Outside = e.Outside.Where(o => !droppedOutside.Contains((new EntityRef(module.Namespace, e.Name), o.EntityRef!))).ToEquatable(),
                    }).ToEquatable(),
                };
            }
        }
    }
}
