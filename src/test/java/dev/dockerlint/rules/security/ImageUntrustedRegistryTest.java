package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.rules.RuleTester;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageUntrustedRegistryTest {
  private final RuleTester tester = new RuleTester(new ImageUntrustedRegistry());

  /** Without trusted-registries the rule is silent. */
  static Stream<String> valid() {
    return Stream.of(
        "FROM quay.io/a/b:1\n",
        "FROM ghcr.io/org/app:1\n");
  }


  @ParameterizedTest
  @MethodSource("valid")
  void valid(String source) {
    tester.check(source);
  }


  private final LintSettings trusted = new LintSettings(Set.of(), Set.of("image-untrusted-registry"), Map.of(),
      List.of("docker.io", "*.example.com"));

  private void checkTrusted(String marked) {
    RuleTester.Marked m = RuleTester.Marked.of(marked);
    List<Finding> findings = tester.lint(m.text(), trusted);
    assertThat(findings.stream().map(Finding::range).toList()).as(marked).containsExactlyElementsOf(m.ranges());
  }

  @Test
  void reportsImagesOutsideTheList() {
    checkTrusted("FROM [|quay.io/prometheus/node-exporter:v1.8.0|]\n");
    checkTrusted("FROM [|ghcr.io/org/app:1|] AS build\nFROM alpine:3.20\n");
    checkTrusted("FROM [|quay.io/x/y:1|] AS build\nFROM build\n");
    checkTrusted("ARG REG=gcr.io\nFROM [|${REG}/distroless/static:nonroot|]\n");
  }

  @Test
  void reportsCopyFromAndMountFromImagesOutsideTheList() {
    checkTrusted("FROM alpine:3.20\nCOPY [|--from=quay.io/tools/x:1|] /x /x\n");
    checkTrusted("FROM alpine:3.20\nRUN [|--mount=type=bind,from=quay.io/tools/x:1,target=/t|] cp /t/x /x\n");
    checkTrusted("FROM alpine:3.20\nRUN [|--mount=from=quay.io/tools/x:1,target=/t|] ls /t\n");
    checkTrusted("FROM alpine:3.20\nRUN [|--mount=type=cache,from=ghcr.io/o/c:1,target=/root/.cache|] make\n");
  }

  @Test
  void stagesScratchAndOtherMountsAreNotImages() {
    checkTrusted("FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /x /x\nCOPY --from=BUILD /x /y\n");
    checkTrusted("FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=0 /x /x\n");
    checkTrusted("FROM alpine:3.20 AS build\nFROM alpine:3.20\nRUN --mount=type=bind,from=build,target=/b ls /b\n");
    checkTrusted("FROM alpine:3.20\nRUN --mount=type=secret,id=npm,target=/root/.npmrc npm ci\n");
    checkTrusted("FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/tmp make\n");
    checkTrusted("FROM alpine:3.20\nARG TOOLS\nRUN --mount=type=bind,from=$TOOLS,target=/t ls\n");
    checkTrusted("FROM alpine:3.20\nCOPY --from=registry.example.com/t/x:1 /x /x\n");
  }

  @Test
  void aTrailingStarIsAPrefixMatch() {
    assertThat(ImageUntrustedRegistry.isTrusted("registry.example.com", List.of("registry.example*"))).isTrue();
    assertThat(ImageUntrustedRegistry.isTrusted("other.example.com", List.of("registry.example*"))).isFalse();
    assertThat(ImageUntrustedRegistry.isTrusted("docker.io", List.of("*"))).isTrue();
  }

  @Test
  void acceptsListedRegistries() {
    checkTrusted("FROM alpine:3.20\n");
    checkTrusted("FROM docker.io/library/alpine:3.20\n");
    checkTrusted("FROM index.docker.io/library/alpine:3.20\n");
    checkTrusted("FROM registry.example.com/team/app:1\n");
    checkTrusted("ARG REG\nFROM ${REG}/app:1\n");
    checkTrusted("FROM scratch\n");
  }

  @Test
  void messageNamesTheRegistryAndTheList() {
    var findings = tester.lint("FROM quay.io/a/b:1\n", trusted);
    assertThat(findings.get(0).message()).isEqualTo("Image 'quay.io/a/b:1' comes from 'quay.io', which is not in "
        + "trusted-registries (docker.io, *.example.com); use an image from a trusted registry");
  }
}
