package dev.dockerlint.rules.context;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code .dockerignore} that lets {@code .git} or {@code .env} files through while the whole
 * context is copied puts the repository history and local secrets into the image.
 */
public final class DockerignoreIncomplete implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("dockerignore-incomplete", Severity.INFO,
      "The .dockerignore does not exclude .git or .env files while the whole context is copied");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Optional<Token> whole = DockerignoreMissing.wholeContextSource(file);
    if (whole.isEmpty()) {
      return;
    }
    Optional<Path> ignore = DockerignoreMissing.ignoreFile(context);
    if (ignore.isEmpty()) {
      return;
    }
    Optional<String> text = Dockerignore.readText(ignore.get());
    if (text.isEmpty()) {
      return;
    }
    List<String> patterns = patterns(text.get());
    List<String> missing = new ArrayList<>();
    if (!excluded(patterns, ".git")) {
      missing.add(".git");
    }
    if (!excluded(patterns, ".env")) {
      missing.add(".env");
    }
    if (!missing.isEmpty()) {
      context.report(whole.get(), "'" + whole.get().text() + "' copies the whole build context and "
          + ignore.get().getFileName() + " does not exclude " + String.join(" or ", missing) + "; add "
          + String.join(" and ", missing.stream().map(m -> m.equals(".env") ? "'**/.env'" : "'.git'").toList()));
    }
  }

  /** The patterns of an ignore file: comments and blank lines dropped, each pattern cleaned as Docker does. */
  static List<String> patterns(String text) {
    List<String> result = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String p = line.strip();
      if (p.isEmpty() || p.startsWith("#")) {
        continue;
      }
      boolean negate = p.startsWith("!");
      if (negate) {
        p = p.substring(1).strip();
      }
      while (p.startsWith("/")) {
        p = p.substring(1);
      }
      while (p.startsWith("./")) {
        p = p.substring(2);
      }
      while (p.length() > 1 && p.endsWith("/")) {
        p = p.substring(0, p.length() - 1);
      }
      if (!p.isEmpty()) {
        result.add(negate ? "!" + p : p);
      }
    }
    return result;
  }

  /** Whether a path is excluded: the last pattern matching it (or one of its parents) decides. */
  static boolean excluded(List<String> patterns, String path) {
    boolean excluded = false;
    String[] segments = path.split("/");
    for (String pattern : patterns) {
      boolean negate = pattern.startsWith("!");
      String glob = negate ? pattern.substring(1) : pattern;
      String[] globSegments = glob.split("/");
      boolean matches = false;
      for (int n = 1; n <= segments.length && !matches; n++) {
        matches = matchSegments(globSegments, 0, segments, 0, n);
      }
      if (matches) {
        excluded = !negate;
      }
    }
    return excluded;
  }

  /** Segment-wise match; {@code **} matches any number of segments. Paths here are a few segments long. */
  private static boolean matchSegments(String[] glob, int g, String[] path, int p, int pathEnd) {
    if (g == glob.length) {
      return p == pathEnd;
    }
    if (glob[g].equals("**")) {
      for (int skip = p; skip <= pathEnd; skip++) {
        if (matchSegments(glob, g + 1, path, skip, pathEnd)) {
          return true;
        }
      }
      return false;
    }
    return p < pathEnd && matchSegment(glob[g], path[p]) && matchSegments(glob, g + 1, path, p + 1, pathEnd);
  }

  /** {@code *} and {@code ?} within one segment (classic linear two-pointer wildcard match). */
  static boolean matchSegment(String glob, String name) {
    int g = 0;
    int n = 0;
    int star = -1;
    int mark = 0;
    while (n < name.length()) {
      if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
        g++;
        n++;
      } else if (g < glob.length() && glob.charAt(g) == '*') {
        star = g++;
        mark = n;
      } else if (star >= 0) {
        g = star + 1;
        n = ++mark;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }
}
