package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keywords should share one case. As in BuildKit, the stage instructions (FROM and what follows it,
 * not the ARGs before the first FROM, not ONBUILD triggers) are counted; lower case wins only with a
 * strict majority, and every keyword in another case (mixed case included) is reported.
 */
public final class InstructionCasing implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("instruction-casing", Severity.WARNING,
      "Instruction keyword casing differs from the rest of the file", "ConsistentInstructionCasing")
      .fixable(Applicability.SAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /**
   * The keyword in the wanted case; for a FROM, its AS too, so that the fix does not leave a
   * from-as-casing finding behind.
   */
  private static Fix fix(java.util.Map<Token, Token> asOf, Token keyword, String wanted) {
    Edit edit = Edit.replace(keyword.range(), wanted);
    Token as = asOf.get(keyword);
    if (as != null) {
      String asWanted = wanted.equals(wanted.toLowerCase(Locale.ROOT)) ? as.text().toLowerCase(Locale.ROOT)
          : as.text().toUpperCase(Locale.ROOT);
      if (!asWanted.equals(as.text())) {
        return Fix.safe("Write '" + wanted + "' and '" + asWanted + "'", edit, Edit.replace(as.range(), asWanted));
      }
    }
    return Fix.safe("Write '" + wanted + "'", edit);
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    List<Token> keywords = new ArrayList<>();
    java.util.Map<Token, Token> asOf = new java.util.IdentityHashMap<>();
    for (Stage stage : file.stages()) {
      keywords.add(stage.from().keyword());
      if (stage.from().asKeyword() != null) {
        asOf.put(stage.from().keyword(), stage.from().asKeyword());
      }
      for (Instruction instruction : stage.instructions()) {
        keywords.add(instruction.keyword());
      }
    }
    int lower = 0;
    int upper = 0;
    for (Token keyword : keywords) {
      String text = keyword.text();
      if (text.equals(text.toLowerCase(Locale.ROOT))) {
        lower++;
      } else if (text.equals(text.toUpperCase(Locale.ROOT))) {
        upper++;
      }
    }
    boolean majorityLower = lower > upper;
    for (Token keyword : keywords) {
      String text = keyword.text();
      String wanted = majorityLower ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT);
      if (!wanted.equals(text)) {
        context.report(keyword.range(), "Instruction '" + text + "' is not " + (majorityLower ? "lowercase" : "uppercase")
            + " like most instructions in this file; write '" + wanted + "'",
            fix(asOf, keyword, wanted));
      }
    }
  }
}
