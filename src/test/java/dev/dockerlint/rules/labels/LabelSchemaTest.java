package dev.dockerlint.rules.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.rules.RuleTester;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSchemaTest {
  private final RuleTester tester = new RuleTester(new LabelSchema());
  private static final LintSettings SETTINGS = new LintSettings(Set.of(), Set.of("label-schema"), Map.of(), List.of(),
      Map.of("maintainer", "email", "org.opencontainers.image.created", "rfc3339",
          "org.opencontainers.image.source", "url", "org.opencontainers.image.version", "semver",
          "org.opencontainers.image.revision", "hash", "org.opencontainers.image.licenses", "spdx",
          "org.opencontainers.image.title", "text"), null);
  private static final String ALL_GOOD = "LABEL maintainer=\"Jane Doe <jane@example.com>\" \\\n"
      + "      org.opencontainers.image.created=2024-05-01T12:00:00Z \\\n"
      + "      org.opencontainers.image.source=https://github.com/acme/app \\\n"
      + "      org.opencontainers.image.version=1.4.2-rc.1+build.5 \\\n"
      + "      org.opencontainers.image.revision=0123abc \\\n"
      + "      org.opencontainers.image.licenses=\"Apache-2.0 OR MIT\" \\\n"
      + "      org.opencontainers.image.title=app\n";

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\n" + ALL_GOOD,
        // labels from a base stage, keys and values through variables
        "FROM alpine:3.20 AS base\n" + ALL_GOOD + "FROM base\n",
        "FROM alpine:3.20\nARG VERSION=2.0.0\nARG KEY=org.opencontainers.image.version\n" + ALL_GOOD + "LABEL ${KEY}=$VERSION\n",
        // build-time values cannot be checked
        "FROM alpine:3.20\nARG CREATED\n" + ALL_GOOD + "LABEL org.opencontainers.image.created=$CREATED\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|alpine:3.20|]\n" + ALL_GOOD.replace("image.title=", "image.description="),
        "FROM alpine:3.20\n" + ALL_GOOD + "LABEL maintainer=[|\"Jane Doe\"|]\n",
        "FROM alpine:3.20\n" + ALL_GOOD + "LABEL org.opencontainers.image.created=[|2024-13-01|]\n",
        "FROM alpine:3.20\n" + ALL_GOOD + "LABEL org.opencontainers.image.source=[|github.com/acme/app|]\n",
        "FROM alpine:3.20\n" + ALL_GOOD + "LABEL org.opencontainers.image.version=[|v1.2|]\n",
        "FROM alpine:3.20\n" + ALL_GOOD + "LABEL org.opencontainers.image.revision=[|main|]\n",
        "FROM alpine:3.20\n" + ALL_GOOD + "LABEL org.opencontainers.image.licenses=[|\"MIT OR\"|]\n",
        "FROM alpine:3.20\n" + ALL_GOOD + "LABEL org.opencontainers.image.title=[|\"\"|]\n",
        // only the final stage's chain counts
        "FROM alpine:3.20 AS build\n" + ALL_GOOD + "FROM [|alpine:3.20|]\n"
            + ALL_GOOD.replace("image.title=", "image.description="));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void valid(String source) {
    tester.check(source, SETTINGS);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalid(String source) {
    var findings = tester.check(source, SETTINGS);
    assertThat(findings).isNotEmpty();
  }

  @Test
  void eachCaseCarriesItsHadolintCode() {
    assertThat(tester.check("FROM [|alpine:3.20|]\nLABEL maintainer=jane@example.com\n",
        new LintSettings(Set.of(), Set.of("label-schema"), Map.of(), List.of(), Map.of("org.opencontainers.image.created",
            "rfc3339"), null)).get(0).aliases()).containsExactly("DL3049");
    var findings = tester.check("FROM alpine:3.20\n" + ALL_GOOD + "LABEL org.opencontainers.image.revision=[|main|]\n",
        SETTINGS);
    assertThat(findings.get(0).aliases()).containsExactly("DL3055");
    assertThat(findings.get(0).message()).isEqualTo("Label 'org.opencontainers.image.revision' value 'main' is not a "
        + "valid git commit hash; the label schema requires one");
  }

  @Test
  void silentWithoutASchema() {
    tester.check("FROM alpine:3.20\nLABEL maintainer=x\n");
  }

  @Test
  void onByDefaultSoConfiguringASchemaIsWhatSwitchesItOn() {
    assertThat(new LabelSchema().info().enabledByDefault()).isTrue();
    assertThat(tester.lint("FROM alpine:3.20\nLABEL maintainer=x\n", LintSettings.DEFAULTS)).isEmpty();
    var configured = new LintSettings(Set.of(), Set.of(), Map.of(), List.of(), Map.of("maintainer", "email"), null);
    assertThat(tester.lint("FROM alpine:3.20\nLABEL maintainer=x\n", configured)).extracting(f -> f.aliases())
        .containsExactly(List.of("DL3058"));
  }

  @Test
  void strictLabelsReportsEveryKeyTheSchemaDoesNotName() {
    var strict = new LintSettings(Set.of(), Set.of(), Map.of(), List.of(), Map.of("maintainer", "text"), null, true);
    var findings = tester.check("FROM alpine:3.20 AS b\nLABEL [|stage|]=x\nFROM alpine:3.20\n"
        + "LABEL maintainer=x [|other|]=y \\\n  [|\"quoted.key\"|]=z\n", strict);
    assertThat(findings).extracting(f -> f.aliases()).containsOnly(List.of("DL3050"));
    assertThat(findings.get(1).message()).contains("'other'", "strict-labels").doesNotEndWith(".");
    var emptySchema = new LintSettings(Set.of(), Set.of(), Map.of(), List.of(), Map.of(), null, true);
    tester.check("FROM alpine:3.20\nLABEL [|a|]=1 [|b|]=2\n", emptySchema);
  }

  @Test
  void spdxIdsComeFromTheSpdxLicenseList() {
    assertThat(LabelSchema.isSpdx("MIT")).isTrue();
    assertThat(LabelSchema.isSpdx("mit")).isTrue();
    assertThat(LabelSchema.isSpdx("Apache-2.0 OR MIT")).isTrue();
    assertThat(LabelSchema.isSpdx("GPL-2.0+")).isTrue();
    assertThat(LabelSchema.isSpdx("GPL-2.0-only WITH Classpath-exception-2.0")).isTrue();
    assertThat(LabelSchema.isSpdx("LicenseRef-internal")).isTrue();
    assertThat(LabelSchema.isSpdx("DocumentRef-sbom:LicenseRef-internal")).isTrue();
    assertThat(LabelSchema.isSpdx("NOT-A-LICENSE")).isFalse();
    assertThat(LabelSchema.isSpdx("Apache 2")).isFalse();
    assertThat(LabelSchema.isSpdx("GPL")).isFalse();
    assertThat(LabelSchema.isSpdx("MIT WITH MIT")).isFalse();
    assertThat(LabelSchema.isSpdx("MIT WITH (Classpath-exception-2.0)")).isFalse();
    assertThat(LabelSchema.isSpdx("LicenseRef-")).isFalse();
  }

  @Test
  void validators() {
    assertThat(LabelSchema.isRfc3339("2024-05-01T12:00:00.123+02:00")).isTrue();
    assertThat(LabelSchema.isRfc3339("2024-05-01 12:00:00Z")).isTrue();
    assertThat(LabelSchema.isRfc3339("2024-05-01T12:00:00")).isFalse();
    assertThat(LabelSchema.isSemver("1.0.0")).isTrue();
    assertThat(LabelSchema.isSemver("01.0.0")).isFalse();
    assertThat(LabelSchema.isSemver("1.0.0-01")).isFalse();
    assertThat(LabelSchema.isUrl("https://example.com/x")).isTrue();
    assertThat(LabelSchema.isUrl("https:///x")).isFalse();
    assertThat(LabelSchema.isUrl("urn:isbn:0451450523")).isTrue();
    assertThat(LabelSchema.isSpdx("(MIT AND BSD-3-Clause) WITH Classpath-exception-2.0")).isTrue();
    assertThat(LabelSchema.isSpdx("MIT AND")).isFalse();
    assertThat(LabelSchema.isHash("0123456789abcdef0123456789abcdef01234567")).isTrue();
    assertThat(LabelSchema.isHash("012345")).isFalse();
    assertThat(LabelSchema.isEmail("a.b+c@sub.example.org")).isTrue();
    assertThat(LabelSchema.isEmail("a..b@example.org")).isFalse();
    assertThat(LabelSchema.isEmail("nobody")).isFalse();
  }
}
