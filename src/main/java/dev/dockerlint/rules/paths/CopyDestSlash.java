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

/**
 * With several sources, COPY and ADD need a directory destination written with a trailing
 * {@code /}; without it Docker refuses the build or, with some builders, copies the sources over one
 * file. {@code .} and {@code ..} are directories already.
 */
public final class CopyDestSlash implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-dest-slash", Severity.ERROR,
      "COPY or ADD with several sources has a destination that does not end with /", "DL3021");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction instruction : file.instructions()) {
      Instruction target = instruction instanceof Onbuild o ? o.trigger() : instruction;
      if (!(target instanceof FileTransfer transfer) || transfer.destination() == null
          || transfer.sources().size() < 2) {
        continue;
      }
      Token destination = transfer.destination();
      if (isDirectory(destination.text())) {
        continue;
      }
      // ONBUILD triggers are expanded in the child build; take them as written
      Scope scope = target == instruction ? file.scopeAt(instruction) : null;
      String value = destination.text();
      if (scope != null) {
        Expansion expansion = scope.expand(value);
        if (expansion.error() != null || !allHaveValues(scope, expansion.references())) {
          continue;
        }
        value = expansion.value();
      } else if (value.indexOf('$') >= 0) {
        continue;
      }
      if (!isDirectory(value)) {
        context.report(destination, target.name() + " has " + transfer.sources().size() + " sources, so its "
            + "destination '" + value + "' must be a directory ending in '/'; write '" + value + "/'");
      }
    }
  }

  private static boolean isDirectory(String path) {
    String p = path;
    if (p.length() >= 2 && (p.charAt(0) == '"' || p.charAt(0) == '\'') && p.charAt(p.length() - 1) == p.charAt(0)) {
      p = p.substring(1, p.length() - 1);
    }
    return p.endsWith("/") || p.endsWith("\\") || p.equals(".") || p.equals("..") || p.endsWith("/.")
        || p.endsWith("/..");
  }

  private static boolean allHaveValues(Scope scope, java.util.List<String> names) {
    for (String name : names) {
      if (!scope.hasValue(name)) {
        return false;
      }
    }
    return true;
  }
}
