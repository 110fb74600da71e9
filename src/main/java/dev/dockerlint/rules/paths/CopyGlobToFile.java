package dev.dockerlint.rules.paths;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;
import java.util.Locale;

/**
 * {@code COPY target/*.jar app.jar}: a pattern copied to one file name. When the pattern matches two
 * files (app.jar and app-plain.jar, say), the legacy builder fails and BuildKit silently keeps only
 * one of them.
 */
public final class CopyGlobToFile implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-glob-to-file", Severity.WARNING,
      "COPY or ADD copies a wildcard source to a single file name");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction instruction : file.instructions()) {
      Instruction target = instruction instanceof Onbuild o ? o.trigger() : instruction;
      if (!(target instanceof FileTransfer transfer) || transfer.destination() == null
          || transfer.sources().size() != 1 || !transfer.heredocs().isEmpty()) {
        continue; // several sources are copy-dest-slash's
      }
      // ONBUILD triggers are expanded in the child build; take them as written
      Scope scope = target == instruction ? file.scopeAt(instruction) : null;
      Token sourceToken = transfer.sources().get(0);
      String source = value(sourceToken, scope);
      String destination = value(transfer.destination(), scope);
      if (source == null || destination == null || source.contains("://") || destination.endsWith("/")
          || destination.endsWith("\\")) {
        continue;
      }
      String pattern = baseName(source);
      String name = baseName(destination);
      String extension = extension(pattern);
      if (!hasWildcard(pattern) || extension == null || hasWildcard(name)
          || !name.toLowerCase(Locale.ROOT).endsWith("." + extension.toLowerCase(Locale.ROOT))
          || name.length() == extension.length() + 1) {
        continue;
      }
      context.report(sourceToken, target.name() + " copies the pattern '" + source + "' to the file '" + destination
          + "': when it matches more than one file, BuildKit silently keeps one of them and the legacy builder "
          + "fails; name the one file, or copy to a directory ending in '/'");
    }
  }

  /** The token's text with variables expanded (and quotes removed), or null when it is not known. */
  private static String value(Token token, Scope scope) {
    if (scope == null) {
      return token.text().indexOf('$') >= 0 ? null : token.text();
    }
    Expansion expansion = scope.expand(token.text());
    if (expansion.error() != null) {
      return null;
    }
    for (String name : expansion.references()) {
      if (!scope.hasValue(name)) {
        return null;
      }
    }
    return expansion.value();
  }

  private static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }

  /** The extension after the last dot, when it holds no wildcard ({@code jar} in {@code app-*.jar}), or null. */
  private static String extension(String pattern) {
    int dot = pattern.lastIndexOf('.');
    if (dot < 0 || dot == pattern.length() - 1) {
      return null;
    }
    String extension = pattern.substring(dot + 1);
    return hasWildcard(extension) ? null : extension;
  }

  /** An unescaped {@code *}, {@code ?} or {@code [}, as Go's filepath.Match reads a pattern. */
  private static boolean hasWildcard(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }
}
