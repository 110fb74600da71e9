package dev.dockerlint.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The known rules, looked up by id or alias (case-insensitive), and the code families of the
 * analyzers ({@link RuleFamily}: ShellCheck's SC codes), which have no rule class each.
 */
public final class RuleCatalog {
  private final List<Rule> rules;
  /** The Dockerfile rules, then the rules of the other kinds of file (compose files'). */
  private final List<RuleBase> all;
  private final List<RuleFamily> families;
  private final Map<String, Rule> byId = new LinkedHashMap<>();
  private final Map<String, RuleBase> anyById = new LinkedHashMap<>();

  public RuleCatalog(List<Rule> rules) {
    this(rules, List.of());
  }

  public RuleCatalog(List<Rule> rules, List<RuleFamily> families) {
    this(rules, List.of(), families);
  }

  /** @param others the rules of the other kinds of file (compose files'), known to configs and pragmas alike */
  public RuleCatalog(List<Rule> rules, List<? extends RuleBase> others, List<RuleFamily> families) {
    this.rules = List.copyOf(rules);
    List<RuleBase> every = new ArrayList<>(rules);
    every.addAll(others);
    this.all = List.copyOf(every);
    this.families = List.copyOf(families);
    for (Rule rule : rules) {
      byId.put(rule.info().id(), rule);
    }
    for (RuleBase rule : all) {
      anyById.put(rule.info().id(), rule);
    }
  }

  /** Every rule of every kind of file. */
  public List<RuleBase> all() {
    return all;
  }

  /** The rules of one kind: {@code ComposeRule.class} gives the compose rules. */
  public <T extends RuleBase> List<T> rulesOf(Class<T> kind) {
    List<T> found = new ArrayList<>();
    for (RuleBase rule : all) {
      if (kind.isInstance(rule)) {
        found.add(kind.cast(rule));
      }
    }
    return found;
  }

  /** The rule of any kind with this id, or the rules of any kind one of whose aliases this is. */
  public List<RuleBase> resolveAny(String idOrAlias) {
    String key = idOrAlias.toLowerCase(Locale.ROOT);
    RuleBase direct = anyById.get(key);
    if (direct != null) {
      return List.of(direct);
    }
    List<RuleBase> matches = new ArrayList<>();
    for (RuleBase rule : all) {
      for (String alias : rule.info().aliases()) {
        if (alias.toLowerCase(Locale.ROOT).equals(key)) {
          matches.add(rule);
        }
      }
    }
    return matches;
  }

  public Optional<RuleBase> anyById(String id) {
    return Optional.ofNullable(anyById.get(id));
  }

  public List<RuleFamily> families() {
    return families;
  }

  /** The family a code belongs to ({@code SC2086}: ShellCheck's), if any. */
  public Optional<RuleFamily> family(String name) {
    for (RuleFamily family : families) {
      if (family.contains(name)) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }

  /** Whether a name is a rule id, an alias or a code of a family. */
  public boolean isKnown(String name) {
    return family(name).isPresent() || !resolveAny(name).isEmpty();
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The infos of every rule of every kind. */
  public List<RuleInfo> infos() {
    List<RuleInfo> infos = new ArrayList<>();
    for (RuleBase rule : all) {
      infos.add(rule.info());
    }
    return infos;
  }

  /** The Dockerfile rule with this id, or the Dockerfile rules one of whose aliases this is. */
  public List<Rule> resolve(String idOrAlias) {
    String key = idOrAlias.toLowerCase(Locale.ROOT);
    Rule direct = byId.get(key);
    if (direct != null) {
      return List.of(direct);
    }
    List<Rule> matches = new ArrayList<>();
    for (Rule rule : rules) {
      for (String alias : rule.info().aliases()) {
        if (alias.toLowerCase(Locale.ROOT).equals(key)) {
          matches.add(rule);
        }
      }
    }
    return matches;
  }

  public Optional<Rule> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every id and alias, lower-cased. */
  public Set<String> knownNames() {
    Set<String> names = new TreeSet<>();
    for (RuleBase rule : all) {
      names.add(rule.info().id());
      for (String alias : rule.info().aliases()) {
        names.add(alias.toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
