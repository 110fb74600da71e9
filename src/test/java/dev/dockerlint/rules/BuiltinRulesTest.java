package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Conventions every rule follows. */
class BuiltinRulesTest {
  @Test
  void idsAreKebabCaseUniqueAndSorted() {
    List<String> ids = BuiltinRules.all().stream().map(r -> r.info().id()).toList();
    assertThat(ids).allMatch(id -> id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    assertThat(ids).isSorted();
  }

  @Test
  void listIsSortedByClassToo() {
    List<String> classes = BuiltinRules.all().stream().map(r -> r.getClass().getSimpleName()).toList();
    assertThat(classes).isSorted();
  }

  @Test
  void summariesAreOneLineWithoutFinalPeriod() {
    for (Rule rule : BuiltinRules.all()) {
      assertThat(rule.info().summary()).doesNotContain("\n").doesNotEndWith(".");
    }
  }

  @Test
  void everyRuleHasItsTestClass() {
    for (Rule rule : BuiltinRules.all()) {
      String testName = rule.getClass().getName().replaceFirst("Rule$", "") + "Test";
      String alternative = rule.getClass().getName() + "Test";
      assertThat(exists(testName) || exists(alternative)).as("test class for " + rule.getClass().getSimpleName()).isTrue();
    }
  }

  @Test
  void aliasesAreNotSharedBetweenRules() {
    Set<String> seen = new HashSet<>();
    for (Rule rule : BuiltinRules.all()) {
      for (String alias : rule.info().aliases()) {
        assertThat(seen.add(alias.toLowerCase())).as("alias " + alias).isTrue();
      }
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
