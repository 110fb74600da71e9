package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeImageUntaggedTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeImageUntagged());

  @Test
  void imagesWithoutTag() {
    tester.check("services:\n  a:\n    image: [|redis|]\n  b:\n    image: [|ghcr.io/org/app|]\n");
  }

  @Test
  void taggedDigestAndBuiltPass() {
    tester.check("services:\n  a:\n    image: redis:7.2\n  b:\n    image: redis@sha256:"
        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  c:\n    image: app\n    build: .\n"
        + "  d:\n    image: nginx:latest\n");
  }

  @Test
  void throughExtends() {
    tester.check("services:\n  base:\n    image: [|redis|]\n  cache:\n    extends: base\n");
  }
}
