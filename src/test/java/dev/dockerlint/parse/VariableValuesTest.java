package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.shell.VariableExpander;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Variable values are kept for every instruction, so how large they may grow is bounded. */
class VariableValuesTest {
  private static Scope atEnd(Dockerfile file) {
    List<Instruction> instructions = file.instructions();
    return file.scopeAt(instructions.get(instructions.size() - 1));
  }

  /** Each ARG repeats the one before twice: 40 lines would make a value of 8 TiB. */
  private static final String DOUBLING;

  static {
    StringBuilder text = new StringBuilder("FROM alpine:3.20\nARG A0=xxxxxxxx\n");
    for (int i = 1; i < 40; i++) {
      text.append("ARG A").append(i).append("=${A").append(i - 1).append("}${A").append(i - 1).append("}\n");
    }
    DOUBLING = text.append("ENV E=${A39}y F=$A3\nARG A39\nRUN echo $A39 $E\n").toString();
  }

  @Test
  void aValuePastTheExpansionLimitIsNotKnownAndNeitherIsWhatUsesIt() {
    Scope scope = atEnd(DockerfileParser.parse("Dockerfile", DOUBLING));
    assertThat(scope.get("A13").orElseThrow().value()).hasSize(VariableExpander.MAX_EXPANDED);
    assertThat(scope.hasValue("A14")).isFalse();
    assertThat(scope.isDeclared("A14")).isTrue();
    assertThat(scope.hasValue("A39")).isFalse(); // also after the ARG without a default repeats it
    assertThat(scope.hasValue("E")).isFalse();
    assertThat(scope.get("F").orElseThrow().value()).isEqualTo("x".repeat(64));
  }

  @Test
  @Timeout(60)
  void everyRuleRunsOnDoublingArgs() {
    Linter linter = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);
    List<Finding> findings = linter.lint(DockerfileParser.parse("Dockerfile", DOUBLING));
    assertThat(findings).extracting(Finding::rule).doesNotContain(Linter.INTERNAL_ERROR).contains("user-root");
  }

  @Test
  void valuesStopGrowingPastTheFileBudget() {
    // A(i) is A(i-1) plus one character: the values add up to about n * n / 2 characters
    StringBuilder text = new StringBuilder("FROM alpine:3.20\nARG A0=x\n");
    int n = 5_000;
    for (int i = 1; i < n; i++) {
      text.append("ARG A").append(i).append("=${A").append(i - 1).append("}x\n");
    }
    text.append("ENV B=$A").append(n - 1).append("\nARG C=short\nENV D=${C}${C}\nRUN true\n");
    Scope scope = atEnd(DockerfileParser.parse("Dockerfile", text.toString()));
    assertThat(scope.get("A1000").orElseThrow().value()).isEqualTo("x".repeat(1001));
    assertThat(scope.hasValue("A" + (n - 1))).isFalse();
    assertThat(scope.hasValue("B")).isFalse();
    // what does not grow needs no budget, and what grows a little fits in what is left
    assertThat(scope.get("C").orElseThrow().value()).isEqualTo("short");
    assertThat(scope.get("D").orElseThrow().value()).isEqualTo("shortshort");
  }
}
