package dev.dockerlint.policy;

import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule packs of a run: each file read and compiled once (a pack named by several configs is
 * the same pack), every rule's id and aliases unique among the built-in rules and all packs.
 * Not thread-safe: the command loads every pack before linting starts.
 */
public final class Packs {
  private final Map<String, String> taken = new HashMap<>();
  /** By real path: the pack, or the PackException it gave. */
  private final Map<Path, Object> loaded = new LinkedHashMap<>();
  private final List<PolicyRule> rules = new ArrayList<>();

  /** @param builtins the rules every pack's names must differ from */
  public Packs(List<Rule> builtins) {
    for (Rule rule : builtins) {
      RuleInfo info = rule.info();
      taken.put(info.id().toLowerCase(Locale.ROOT), "built-in rule '" + info.id() + "'");
      for (String alias : info.aliases()) {
        taken.putIfAbsent(alias.toLowerCase(Locale.ROOT), "an alias of built-in rule '" + info.id() + "'");
      }
    }
  }

  /** Every rule of every pack loaded so far, in load order. */
  public List<PolicyRule> rules() {
    return List.copyOf(rules);
  }

  /**
   * The packs at {@code path}: the file, or each {@code *.yaml} and {@code *.yml} file of the
   * directory in name order (symbolic links in it are not followed).
   *
   * @param shown the path as messages name it
   */
  public List<Pack> load(Path path, String shown) throws PackException {
    if (Files.isDirectory(path)) {
      List<String> names = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if ((name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            names.add(name);
          }
        }
      } catch (IOException e) {
        throw new PackException(shown + ": cannot read rule pack directory (" + PackReader.cut(e.getMessage()) + ")");
      }
      java.util.Collections.sort(names);
      List<Pack> packs = new ArrayList<>();
      String prefix = shown.endsWith("/") ? shown : shown + "/";
      for (String name : names) {
        packs.add(loadFile(path.resolve(name), prefix + name));
      }
      return packs;
    }
    return List.of(loadFile(path, shown));
  }

  private Pack loadFile(Path file, String shown) throws PackException {
    Path key;
    try {
      key = file.toRealPath();
    } catch (IOException e) {
      throw new PackException(shown + ": rule pack not found");
    }
    Object known = loaded.get(key);
    if (known == null) {
      try {
        known = compile(key, shown);
      } catch (PackException e) {
        known = e;
      }
      loaded.put(key, known);
    }
    if (known instanceof PackException e) {
      throw e;
    }
    return (Pack) known;
  }

  private Pack compile(Path file, String shown) throws PackException {
    String text;
    try {
      if (!Files.isRegularFile(file)) {
        throw new PackException(shown + ": not a rule pack file");
      }
      if (Files.size(file) > PackReader.MAX_BYTES) {
        throw new PackException(shown + ": rule pack is larger than 1 MiB");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PackException(shown + ": cannot read rule pack (" + PackReader.cut(e.getMessage()) + ")");
    }
    Pack pack = PackReader.read(shown, text, taken);
    for (PolicyRule rule : pack.rules()) {
      RuleInfo info = rule.info();
      taken.put(info.id(), "rule '" + info.id() + "' of " + shown);
      for (String alias : info.aliases()) {
        taken.put(alias.toLowerCase(Locale.ROOT), "an alias of rule '" + info.id() + "' of " + shown);
      }
      rules.add(rule);
    }
    return pack;
  }
}
