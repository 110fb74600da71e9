package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeImageLatestTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeImageLatest());

  @Test
  void latestAndFloatingTags() {
    tester.check("services:\n  a:\n    image: [|nginx:latest|]\n  b:\n    image: [|node:lts-alpine|]\n"
        + "  c:\n    image: [|golang:alpine|]\n");
  }

  @Test
  void pinnedUntaggedAndBuiltPass() {
    tester.check("services:\n  a:\n    image: nginx:1.27\n  b:\n    image: nginx:latest@sha256:"
        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  c:\n    image: redis\n"
        + "  d:\n    image: myapp:latest\n    build: .\n  e:\n    image: debian:bookworm\n");
  }

  @Test
  void theMessageIsTheDockerfileRulesOne() {
    var findings = tester.check("services:\n  a:\n    image: [|nginx:latest|]\n");
    org.assertj.core.api.Assertions.assertThat(findings.get(0).message())
        .isEqualTo("Image 'nginx:latest' uses the mutable 'latest' tag; pin a version such as nginx:<version>");
  }

  @Test
  void interpolatedTags() {
    tester.check(Map.of("compose.yaml", "services:\n  a:\n    image: [|postgres:${PG_TAG}|]\n  b:\n"
        + "    image: redis:${REDIS_TAG:-latest}\n", ".env", "PG_TAG=latest\nREDIS_TAG=7.2\n"));
    tester.check("services:\n  a:\n    image: [|redis:${REDIS_TAG:-latest}|]\n  b:\n    image: redis:${UNSET}\n");
  }
}
