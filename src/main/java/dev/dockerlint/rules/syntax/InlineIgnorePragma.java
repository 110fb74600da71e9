package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Comment;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.regex.Pattern;

/**
 * For teams that keep exceptions in the configuration, where they are reviewed in one place: an
 * inline {@code ignore=} pragma silences a finding next to the code. Off by default.
 */
public final class InlineIgnorePragma implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("inline-ignore-pragma", Severity.INFO,
      "A comment pragma ignores findings on the next instruction", "DL1001").offByDefault();
  /** A line pragma; {@code global}, {@code stage} and {@code shell=} pragmas are not this rule's case. */
  private static final Pattern LINE_PRAGMA = Pattern.compile("^(hadolint|dockerlint)\\s+ignore\\s*=.*");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Comment comment : file.comments()) {
      if (LINE_PRAGMA.matcher(comment.text()).matches()) {
        context.report(comment.range(), "'# " + comment.text() + "' ignores findings inline; fix them, or list the "
            + "exception in the configuration's ignore list where it is reviewed");
      }
    }
  }
}
