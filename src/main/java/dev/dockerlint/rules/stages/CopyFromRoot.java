package dev.dockerlint.rules.stages;

import dev.dockerlint.ast.CopyFrom;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/**
 * {@code COPY --from=build / /} lays a whole filesystem over the stage's own: its base image's
 * files are overwritten by whatever the other stage has, and everything the other stage installed
 * to build comes along.
 */
public final class CopyFromRoot implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-from-root", Severity.WARNING,
      "COPY --from copies another stage's whole filesystem onto /", "DL3067");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (CopyFrom copyFrom : file.copyFroms()) {
      ImageRef base = copyFrom.stage().baseImage();
      if (base != null && base.isScratch() || copyFrom.copy().destination() == null
          || !unquoted(copyFrom.copy().destination()).equals("/")) {
        continue; // onto scratch there is nothing to overwrite: that is how images are flattened
      }
      for (Token source : copyFrom.copy().sources()) {
        if (unquoted(source).equals("/")) {
          context.report(source, "COPY --from=" + copyFrom.value() + " / / lays the whole filesystem of '"
              + copyFrom.value() + "' over this stage's, base image files and build leftovers included; copy the "
              + "directories you need (for example COPY --from=" + copyFrom.value() + " /app /app)");
        }
      }
    }
  }

  private static String unquoted(Token token) {
    String t = token.text();
    if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
