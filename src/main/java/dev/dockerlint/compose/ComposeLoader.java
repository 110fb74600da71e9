package dev.dockerlint.compose;

import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads compose files into a {@link ComposeProject} as Compose does: each file composed and checked
 * against the Compose Specification ({@link ComposeSchema}), variables interpolated from the
 * {@code .env} beside it (never from the process environment), {@code include}d files added,
 * {@code extends} resolved (in the same file or another), then the files named merged in order by
 * the specification's merge rules ({@code !reset} and {@code !override} included).
 *
 * <p>Every path a file names is resolved inside the repository that holds the first file (outside
 * a repository, the working directory, else the file's own directory): a path leading outside it,
 * by name or through a symbolic link, is never read, and is reported by {@code compose-path-outside}.
 */
public final class ComposeLoader {
  /** A {@code .env} larger than this is not read. */
  static final long MAX_ENV_BYTES = 1 << 20;
  /** How deep {@code include} and {@code extends} may nest. */
  static final int MAX_DEPTH = 10;
  /** Resources an included file adds to the project. */
  private static final List<String> RESOURCES = List.of("services", "networks", "volumes", "configs", "secrets", "models");
  /** Sequences an override replaces rather than extends. */
  private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test", "dns", "dns_search", "dns_opt",
      "tmpfs", "profiles");

  private final Path workingDir;
  private Path boundary;
  private Path realBoundary;
  private final List<ComposeSource> sources = new ArrayList<>();
  /** Display path of each file read, to its location (for paths relative to it). */
  private final Map<String, Path> locations = new HashMap<>();
  private final List<ComposeProject.PathReference> references = new ArrayList<>();
  private final Map<YamlNode, String> mergeTags = new IdentityHashMap<>();
  private final Map<YamlNode.Scalar, String> secretValues = new IdentityHashMap<>();
  private final List<ComposeProject.Build> builds = new ArrayList<>();

  public ComposeLoader(Path workingDir) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
  }

  /**
   * A compose file to read.
   *
   * @param path as reports name it
   * @param location on disk, or null (stdin: nothing beside it is read)
   * @param text its text
   */
  public record Input(String path, Path location, String text) {}

  /** Reads files (the first the base, the others its overrides, in order) into one project. */
  public ComposeProject load(List<Input> files) throws ComposeException {
    Input first = files.get(0);
    boundary = boundaryOf(first.location());
    try {
      realBoundary = boundary == null ? null : boundary.toRealPath();
    } catch (IOException e) {
      realBoundary = boundary;
    }
    YamlNode.Mapping merged = null;
    for (Input input : files) {
      YamlNode.Mapping root = readFile(input, 0, new HashSet<>());
      merged = merged == null ? root : (YamlNode.Mapping) merge(merged, root, "");
    }
    YamlNode.Mapping withoutExtends = merged;
    collectServicePaths(withoutExtends);
    return new ComposeProject(sources, withoutExtends, references, secretValues, builds);
  }

  /** One file: read, checked, its includes added and its extends resolved. */
  private YamlNode.Mapping readFile(Input input, int depth, Set<Path> open) throws ComposeException {
    if (input.location() != null) {
      locations.put(input.path(), input.location().toAbsolutePath().normalize());
    }
    SourceText text = new SourceText(input.text());
    sources.add(new ComposeSource(input.path(), input.location(), text));
    Map<String, String> variables = dotEnv(input.location());
    ComposeReader.Read read = ComposeReader.read(input.path(), text, variables);
    if (read.root() == null) {
      throw new ComposeException(input.path() + ":1:1: the file is empty; not a compose file");
    }
    if (!(read.root() instanceof YamlNode.Mapping root)) {
      throw new ComposeException(input.path() + ":" + read.root().range().startLine() + ":"
          + read.root().range().startColumn() + ": not a compose file: the top level must be a mapping with keys such "
          + "as services");
    }
    mergeTags.putAll(read.mergeTags());
    secretValues.putAll(read.secretValues());
    List<String> problems = ComposeSchema.get().validate(root);
    if (!problems.isEmpty()) {
      throw new ComposeException(problems);
    }
    YamlNode.Mapping result = root;
    if (root.get("include") instanceof YamlNode.Sequence includes) {
      result = include(result, includes, input, depth, open);
    }
    return resolveExtends(result, input, depth, open);
  }

  private YamlNode.Mapping include(YamlNode.Mapping root, YamlNode.Sequence includes, Input from, int depth,
      Set<Path> open) throws ComposeException {
    YamlNode.Mapping result = root;
    for (YamlNode item : includes.items()) {
      List<YamlNode.Scalar> paths = new ArrayList<>();
      if (item instanceof YamlNode.Scalar s) {
        paths.add(s);
      } else if (item instanceof YamlNode.Mapping m) {
        if (m.get("path") instanceof YamlNode.Scalar s) {
          paths.add(s);
        } else if (m.get("path") instanceof YamlNode.Sequence seq) {
          paths.addAll(seq.scalars());
        }
      }
      for (YamlNode.Scalar path : paths) {
        Input included = readReferenced("include", path, from, null, depth, open);
        if (included == null) {
          continue;
        }
        Set<Path> inner = new HashSet<>(open);
        inner.add(included.location());
        YamlNode.Mapping other = readFile(included, depth + 1, inner);
        result = addResources(result, other, path);
      }
    }
    return result;
  }

  /** The including file's resources, and the included file's that it does not define itself. */
  private YamlNode.Mapping addResources(YamlNode.Mapping into, YamlNode.Mapping from, YamlNode.Scalar at)
      throws ComposeException {
    List<YamlNode.Entry> entries = new ArrayList<>(into.entries());
    for (String kind : RESOURCES) {
      if (!(from.get(kind) instanceof YamlNode.Mapping added)) {
        continue;
      }
      YamlNode.Entry existing = into.entry(kind);
      List<YamlNode.Entry> merged = new ArrayList<>();
      if (existing != null && existing.value() instanceof YamlNode.Mapping own) {
        merged.addAll(own.entries());
        for (YamlNode.Entry entry : added.entries()) {
          if (own.get(entry.key().text()) != null) {
            throw new ComposeException(at.file() + ":" + at.range().startLine() + ":" + at.range().startColumn()
                + ": " + kind + " " + ComposeReader.quote(entry.key().text()) + " is defined both here and in "
                + ComposeReader.quote(at.text()) + "; Compose rejects that");
          }
          merged.add(entry);
        }
        entries.set(entries.indexOf(existing), new YamlNode.Entry(existing.key(),
            new YamlNode.Mapping(own.file(), own.range(), merged)));
      } else {
        entries.add(new YamlNode.Entry(from.entry(kind).key(), added));
      }
    }
    return new YamlNode.Mapping(into.file(), into.range(), entries);
  }

  /**
   * A file another names ({@code include}, {@code extends.file}): read when it is inside the
   * boundary; null when it is outside (recorded) or the compose file is not on disk.
   */
  private Input readReferenced(String kind, YamlNode.Scalar path, Input from, String service, int depth,
      Set<Path> open) throws ComposeException {
    Path base = from.location() == null ? null : from.location().toAbsolutePath().normalize().getParent();
    if (base == null || !path.known()) {
      return null;
    }
    Path resolved = base.resolve(path.text()).normalize();
    boolean outside = isOutside(resolved);
    references.add(new ComposeProject.PathReference(kind, path, resolved, outside, service));
    if (outside) {
      return null;
    }
    String where = path.file() + ":" + path.range().startLine() + ":" + path.range().startColumn() + ": ";
    if (!Files.isRegularFile(resolved)) {
      throw new ComposeException(where + kind + " file " + ComposeReader.quote(path.text()) + " does not exist");
    }
    if (depth >= MAX_DEPTH || open.contains(resolved)) {
      throw new ComposeException(where + kind + " " + ComposeReader.quote(path.text())
          + " leads back to a file that names it, or nests more than " + MAX_DEPTH + " deep");
    }
    String text;
    try {
      if (Files.size(resolved) > ComposeReader.MAX_CHARS) {
        throw new ComposeException(where + kind + " file " + ComposeReader.quote(path.text()) + " is larger than 4 MiB");
      }
      text = Files.readString(resolved, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ComposeException(where + "cannot read " + kind + " file " + ComposeReader.quote(path.text()));
    }
    String shown = shown(from.path(), path.text());
    return new Input(shown, resolved, text);
  }

  /** A path relative to a file's directory, as reports name it: relative to where that file is shown. */
  private static String shown(String fromShown, String relative) {
    int slash = fromShown.lastIndexOf('/');
    String joined = slash < 0 ? relative : fromShown.substring(0, slash + 1) + relative;
    return Path.of(joined).normalize().toString().replace('\\', '/');
  }

  private YamlNode.Mapping resolveExtends(YamlNode.Mapping root, Input input, int depth, Set<Path> open)
      throws ComposeException {
    if (!(root.get("services") instanceof YamlNode.Mapping services)) {
      return root;
    }
    List<YamlNode.Entry> resolved = new ArrayList<>();
    Map<String, YamlNode.Mapping> done = new HashMap<>();
    for (YamlNode.Entry entry : services.entries()) {
      YamlNode body = entry.value() instanceof YamlNode.Mapping m
          ? extended(entry.key().text(), m, services, input, depth, open, done, new HashSet<>()) : entry.value();
      resolved.add(new YamlNode.Entry(entry.key(), body));
    }
    List<YamlNode.Entry> entries = new ArrayList<>();
    for (YamlNode.Entry entry : root.entries()) {
      entries.add(entry.key().text().equals("services")
          ? new YamlNode.Entry(entry.key(), new YamlNode.Mapping(services.file(), services.range(), resolved)) : entry);
    }
    return new YamlNode.Mapping(root.file(), root.range(), entries);
  }

  /** A service with what it extends merged under it; {@code chain} holds the services being resolved. */
  private YamlNode.Mapping extended(String name, YamlNode.Mapping body, YamlNode.Mapping services, Input input,
      int depth, Set<Path> open, Map<String, YamlNode.Mapping> done, Set<String> chain) throws ComposeException {
    YamlNode.Mapping known = done.get(name);
    if (known != null) {
      return known;
    }
    YamlNode.Entry extendsEntry = body.entry("extends");
    if (extendsEntry == null) {
      return body;
    }
    YamlNode.Scalar baseName;
    YamlNode.Scalar file = null;
    if (extendsEntry.value() instanceof YamlNode.Scalar s) {
      baseName = s;
    } else {
      YamlNode.Mapping m = (YamlNode.Mapping) extendsEntry.value(); // the schema allows nothing else
      baseName = m.scalar("service");
      file = m.scalar("file");
    }
    String where = extendsEntry.key().file() + ":" + extendsEntry.key().range().startLine() + ":"
        + extendsEntry.key().range().startColumn() + ": ";
    if (!chain.add((file == null ? "" : file.text()) + "#" + name) || chain.size() > MAX_DEPTH) {
      throw new ComposeException(where + "service " + ComposeReader.quote(name)
          + " extends itself through a chain of services");
    }
    YamlNode.Mapping base = null;
    if (file == null) {
      if (services.get(baseName.text()) instanceof YamlNode.Mapping other) {
        base = extended(baseName.text(), other, services, input, depth, open, done, chain);
      } else if (services.get(baseName.text()) == null) {
        throw new ComposeException(baseName.file() + ":" + baseName.range().startLine() + ":"
            + baseName.range().startColumn() + ": service " + ComposeReader.quote(name) + " extends "
            + ComposeReader.quote(baseName.text()) + ", which this file does not define");
      }
    } else {
      Input other = readReferenced("extends.file", file, input, name, depth, open);
      if (other != null) {
        Set<Path> inner = new HashSet<>(open);
        inner.add(other.location());
        YamlNode.Mapping otherRoot = readFile(other, depth + 1, inner);
        YamlNode.Mapping otherServices = otherRoot.mapping("services");
        YamlNode found = otherServices == null ? null : otherServices.get(baseName.text());
        if (!(found instanceof YamlNode.Mapping m)) {
          throw new ComposeException(baseName.file() + ":" + baseName.range().startLine() + ":"
              + baseName.range().startColumn() + ": service " + ComposeReader.quote(baseName.text())
              + " is not defined in " + ComposeReader.quote(file.text()));
        }
        base = m;
      }
    }
    List<YamlNode.Entry> own = new ArrayList<>();
    for (YamlNode.Entry entry : body.entries()) {
      if (entry != extendsEntry) {
        own.add(entry);
      }
    }
    YamlNode.Mapping without = new YamlNode.Mapping(body.file(), body.range(), own);
    YamlNode.Mapping result = base == null ? without : (YamlNode.Mapping) merge(withoutLinks(base), without, "");
    done.put(name, result);
    return result;
  }

  /** What a service passes on to one extending it: not its depends_on, links or volumes_from (Compose's rule). */
  private static YamlNode.Mapping withoutLinks(YamlNode.Mapping base) {
    List<YamlNode.Entry> kept = new ArrayList<>();
    for (YamlNode.Entry entry : base.entries()) {
      String key = entry.key().text();
      if (!key.equals("depends_on") && !key.equals("links") && !key.equals("volumes_from")) {
        kept.add(entry);
      }
    }
    return new YamlNode.Mapping(base.file(), base.range(), kept);
  }

  /**
   * The Compose Specification's merge of an override into a base: mappings key by key, sequences
   * appended (without repeating an item; {@code volumes} and {@code devices} by their target,
   * {@code environment}, {@code labels} and {@code extra_hosts} lists by name), command-like
   * sequences replaced, scalars replaced; {@code !reset} removes a value and {@code !override}
   * replaces it whole. Returns null for a reset.
   */
  YamlNode merge(YamlNode base, YamlNode override, String key) {
    String tag = mergeTags.get(override);
    if (ComposeReader.RESET.equals(tag)) {
      return null;
    }
    if (ComposeReader.OVERRIDE.equals(tag)) {
      return override;
    }
    if (base instanceof YamlNode.Mapping b && override instanceof YamlNode.Mapping o) {
      List<YamlNode.Entry> entries = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (YamlNode.Entry entry : b.entries()) {
        String name = entry.key().text();
        seen.add(name);
        YamlNode.Entry over = o.entry(name);
        if (over == null) {
          entries.add(entry);
          continue;
        }
        YamlNode value = merge(entry.value(), over.value(), name);
        if (value != null) {
          entries.add(new YamlNode.Entry(over.key(), value));
        }
      }
      for (YamlNode.Entry entry : o.entries()) {
        if (!seen.contains(entry.key().text()) && !ComposeReader.RESET.equals(mergeTags.get(entry.value()))) {
          entries.add(entry);
        }
      }
      return new YamlNode.Mapping(b.file(), b.range(), entries);
    }
    if (base instanceof YamlNode.Sequence b && override instanceof YamlNode.Sequence o && !REPLACED.contains(key)) {
      Map<String, YamlNode> byKey = new LinkedHashMap<>();
      int unnamed = 0;
      for (YamlNode.Sequence seq : List.of(b, o)) {
        for (YamlNode item : seq.items()) {
          String k = item instanceof YamlNode.Scalar s ? itemKey(key, s.text()) : "\0" + unnamed++;
          byKey.remove(k); // the override's item takes the base's place at the end
          byKey.put(k, item);
        }
      }
      return new YamlNode.Sequence(b.file(), b.range(), new ArrayList<>(byKey.values()));
    }
    return override;
  }

  /** What makes two items of a merged sequence the same item. */
  private static String itemKey(String key, String text) {
    if (key.equals("volumes") || key.equals("devices")) {
      String[] parts = text.split(":");
      return parts.length >= 2 ? parts[1] : parts[0];
    }
    if (key.equals("environment") || key.equals("labels") || key.equals("extra_hosts")) {
      int eq = text.indexOf(key.equals("extra_hosts") ? ':' : '=');
      return eq >= 0 ? text.substring(0, eq) : text;
    }
    return text;
  }

  /** The build contexts, Dockerfiles and env files the merged services name. */
  private void collectServicePaths(YamlNode.Mapping root) {
    if (!(root.get("services") instanceof YamlNode.Mapping services)) {
      return;
    }
    for (YamlNode.Entry entry : services.entries()) {
      if (!(entry.value() instanceof YamlNode.Mapping service)) {
        continue;
      }
      String name = entry.key().text();
      YamlNode build = service.get("build");
      YamlNode.Scalar context = build instanceof YamlNode.Scalar s ? s
          : build instanceof YamlNode.Mapping m ? m.scalar("context") : null;
      Path contextDir = null;
      if (context != null) {
        contextDir = reference("build.context", context, null, name);
      } else if (build instanceof YamlNode.Mapping m) {
        Path dir = directoryOf(m);
        contextDir = dir; // the context defaults to the project directory
      }
      if (build == null) {
        collectEnvFiles(service, name);
        continue;
      }
      Path dockerfile = contextDir == null ? null : contextDir.resolve("Dockerfile");
      YamlNode.Scalar at = service.entry("build").key();
      if (build instanceof YamlNode.Mapping m && m.scalar("dockerfile") != null && contextDir != null) {
        dockerfile = reference("build.dockerfile", m.scalar("dockerfile"), contextDir, name);
        at = m.scalar("dockerfile");
      }
      boolean inline = build instanceof YamlNode.Mapping m && m.get("dockerfile_inline") != null;
      if (dockerfile != null && !inline && (context == null || context.known())) {
        builds.add(new ComposeProject.Build(name, at, contextDir, dockerfile, buildArgs(build),
            build instanceof YamlNode.Mapping m && m.scalar("target") != null && m.scalar("target").known()
                ? m.scalar("target").text() : null));
      }
      collectEnvFiles(service, name);
    }
  }

  private void collectEnvFiles(YamlNode.Mapping service, String name) {
    {
      YamlNode envFile = service.get("env_file");
      List<YamlNode.Scalar> envFiles = new ArrayList<>();
      if (envFile instanceof YamlNode.Scalar s) {
        envFiles.add(s);
      } else if (envFile instanceof YamlNode.Sequence seq) {
        for (YamlNode item : seq.items()) {
          if (item instanceof YamlNode.Scalar s) {
            envFiles.add(s);
          } else if (item instanceof YamlNode.Mapping m && m.scalar("path") != null) {
            envFiles.add(m.scalar("path"));
          }
        }
      }
      for (YamlNode.Scalar file : envFiles) {
        reference("env_file", file, null, name);
      }
    }
  }

  /** {@code build.args} with known values: a mapping, or a list of {@code NAME=value}. */
  private static Map<String, String> buildArgs(YamlNode build) {
    Map<String, String> args = new LinkedHashMap<>();
    YamlNode value = build instanceof YamlNode.Mapping m ? m.get("args") : null;
    if (value instanceof YamlNode.Mapping mapping) {
      for (YamlNode.Entry entry : mapping.entries()) {
        if (entry.value() instanceof YamlNode.Scalar s && s.type() != YamlNode.Type.NULL && s.known()) {
          args.put(entry.key().text(), s.text());
        }
      }
    } else if (value instanceof YamlNode.Sequence sequence) {
      for (YamlNode.Scalar item : sequence.scalars()) {
        int eq = item.text().indexOf('=');
        if (eq > 0 && item.known()) {
          args.put(item.text().substring(0, eq), item.text().substring(eq + 1));
        }
      }
    }
    return args;
  }

  /** Records a path relative to {@code base} (null: the directory of the file it is written in); returns it resolved. */
  private Path reference(String kind, YamlNode.Scalar node, Path base, String service) {
    Path dir = base != null ? base : directoryOf(node);
    if (dir == null || !node.known()) {
      return null;
    }
    String text = node.text();
    if (kind.equals("build.context") && (text.contains("://") || text.startsWith("git@"))) {
      return null; // a Git or HTTP context is not a path
    }
    Path resolved = dir.resolve(text).normalize();
    boolean outside = isOutside(resolved);
    references.add(new ComposeProject.PathReference(kind, node, resolved, outside, service));
    return outside ? null : resolved;
  }

  private Path directoryOf(YamlNode node) {
    Path file = locations.get(node.file());
    return file == null ? null : file.getParent();
  }

  /** The directory nothing may leave: the repository's root, else the working directory, else the file's. */
  private Path boundaryOf(Path file) {
    if (file == null) {
      return null;
    }
    Path dir = file.toAbsolutePath().normalize().getParent();
    for (Path at = dir; at != null; at = at.getParent()) {
      if (Files.exists(at.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return at;
      }
    }
    return dir.startsWith(workingDir) ? workingDir : dir;
  }

  /**
   * Whether a path leads outside the boundary: by its name, or through a symbolic link in the part
   * of it that exists.
   */
  boolean isOutside(Path path) {
    if (boundary == null) {
      return false;
    }
    Path normal = path.toAbsolutePath().normalize();
    if (!normal.startsWith(boundary)) {
      return true;
    }
    Path existing = normal;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return false;
    }
    try {
      return !existing.toRealPath().startsWith(realBoundary);
    } catch (IOException e) {
      return true; // a broken link or a loop: not followed
    }
  }

  /** The {@code .env} beside a compose file, when it is a regular file inside the boundary and not too large. */
  private Map<String, String> dotEnv(Path composeFile) {
    if (composeFile == null) {
      return Map.of();
    }
    Path env = composeFile.toAbsolutePath().normalize().resolveSibling(".env");
    try {
      if (!Files.isRegularFile(env) || isOutside(env) || Files.size(env) > MAX_ENV_BYTES) {
        return Map.of();
      }
      return DotEnv.parse(Files.readString(env, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Map.of(); // unreadable or not UTF-8: no variables, as without the file
    }
  }
}
