package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeHostNamespaceTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeHostNamespace());

  @Test
  void hostNamespacesAreReported() {
    tester.check("services:\n  a:\n    network_mode: [|host|]\n    pid: [|host|]\n    ipc: [|\"host\"|]\n"
        + "    uts: [|host|]\n    userns_mode: [|host|]\n");
  }

  @Test
  void otherModesPass() {
    tester.check("services:\n  a:\n    image: a:1\n    network_mode: bridge\n    ipc: shareable\n"
        + "  b:\n    network_mode: \"service:a\"\n    pid: \"service:a\"\n");
  }

  @Test
  void mergeKeysAndInterpolation() {
    tester.check(Map.of("compose.yaml", "x-net: &net\n  network_mode: [|host|]\nservices:\n  a:\n    <<: *net\n"
        + "  b:\n    pid: [|${PID_MODE}|]\n", ".env", "PID_MODE=host\n"));
    tester.check("services:\n  b:\n    pid: ${PID_MODE:-container:x}\n");
  }
}
