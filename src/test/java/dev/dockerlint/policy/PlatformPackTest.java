package dev.dockerlint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example pack of the README: it compiles beside the built-in rules, its examples hold, its findings are exact. */
class PlatformPackTest {
  private static final Path PACK = Path.of("examples/rules/platform.yaml");

  private static List<PolicyRule> rules() throws PackException {
    List<PolicyRule> rules = new ArrayList<>();
    for (Pack pack : new Packs(BuiltinRules.all()).load(PACK, "platform.yaml")) {
      rules.addAll(pack.rules());
    }
    return rules;
  }

  private static List<String> lint(List<? extends Rule> rules, String dockerfile) {
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules) {
      ids.add(rule.info().id());
    }
    Linter linter = new Linter(new ArrayList<>(rules), new LintSettings(Set.of(), ids, Map.of(), List.of()));
    List<String> found = new ArrayList<>();
    for (Finding f : linter.lint(DockerfileParser.parse("Dockerfile", dockerfile))) {
      found.add(f.line() + ":" + f.column() + " " + f.rule());
    }
    return found;
  }

  @Test
  void theSixPoliciesAreThereWithHelpAndAliases() throws Exception {
    assertThat(Files.isRegularFile(PACK)).isTrue();
    List<PolicyRule> rules = rules();
    assertThat(rules).extracting(r -> r.info().id()).containsExactly("platform-allowed-registry",
        "platform-oci-source-label", "platform-oci-licenses-label", "platform-no-curl-pipe-shell", "platform-numeric-user",
        "platform-no-add-url", "platform-apt-no-install-recommends");
    assertThat(rules).allSatisfy(r -> {
      assertThat(r.info().helpUri()).startsWith("https://wiki.example.com/platform/docker#");
      assertThat(r.info().aliases()).hasSize(1);
      assertThat(r.examples()).anyMatch(PolicyRule.Example::bad).anyMatch(e -> !e.bad());
    });
  }

  /** What {@code dockerlint test-rules} checks, one example at a time with only its rule. */
  @Test
  void everyEmbeddedExampleHolds() throws Exception {
    int run = 0;
    for (PolicyRule rule : rules()) {
      for (PolicyRule.Example example : rule.examples()) {
        List<String> found = lint(List.of(rule), example.dockerfile());
        if (example.bad()) {
          assertThat(found).as("%s bad example at line %d", rule.info().id(), example.line()).isNotEmpty();
        } else {
          assertThat(found).as("%s good example at line %d", rule.info().id(), example.line()).isEmpty();
        }
        run++;
      }
    }
    assertThat(run).isEqualTo(25);
  }

  @Test
  void aMultiStageFileGetsExactlyItsFindings() throws Exception {
    String dockerfile = """
        ARG BASE=docker.io/library/node:20
        FROM ${BASE} AS build
        RUN apt-get update && apt-get install -y make \\
         && curl -fsSL https://x.example/i.sh | bash
        FROM registry.example.com/alpine:3.20
        LABEL org.opencontainers.image.source=https://git.example.com/a
        ADD https://x.example/app.tgz /app/
        COPY --from=build /out /app
        USER app
        """;
    assertThat(lint(rules(), dockerfile)).containsExactly(
        "2:6 platform-allowed-registry",
        "3:23 platform-apt-no-install-recommends",
        "4:5 platform-no-curl-pipe-shell",
        "5:1 platform-numeric-user",
        "5:1 platform-oci-licenses-label",
        "7:5 platform-no-add-url");
    String clean = """
        FROM registry.example.com/debian:12 AS build
        RUN apt-get update && apt-get install -y --no-install-recommends make
        FROM registry.example.com/alpine:3.20
        LABEL org.opencontainers.image.source=https://git.example.com/a \\
              org.opencontainers.image.licenses=MIT
        COPY --from=build /out /app
        USER 10001
        """;
    assertThat(lint(rules(), clean)).isEmpty();
  }
}
