package dev.dockerlint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inputs that once crashed the parser or a rule, found by the property tests or the fuzzer. */
class RegressionTest {
  @ParameterizedTest
  @ValueSource(strings = {
      // user-root threw a NullPointerException on a USER without an argument (property tests)
      "FROM alpine:3.20\nUSER \n",
      "FROM alpine:3.20 AS a\nUSER\nFROM a\n",
  })
  void lintsWithoutAnInternalError(String text) {
    List<Finding> findings = Invariants.lint(Invariants.parse(text));
    assertThat(findings).extracting(Finding::rule).doesNotContain("internal-error").contains("syntax-error");
  }
}
