package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposePortDuplicateTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposePortDuplicate());

  @Test
  void theSameHostPortTwice() {
    tester.check("services:\n  a:\n    ports: [\"8080:80\"]\n  b:\n    ports:\n      - [|\"8080:8080\"|]\n"
        + "      - \"127.0.0.1:9000:9000\"\n  c:\n    ports:\n      - [|\"127.0.0.1:8080:80\"|]\n"
        + "      - target: 90\n        published: [|\"9000\"|]\n        host_ip: 127.0.0.1\n");
  }

  @Test
  void differentPortsProtocolsAndAddressesPass() {
    tester.check("services:\n  a:\n    ports: [\"53:53/udp\", \"80\", \"127.0.0.1:81:81\"]\n  b:\n"
        + "    ports: [\"53:53/tcp\", \"80\", \"127.0.0.2:81:81\", \"8000-8010:8000-8010\"]\n");
  }

  @Test
  void acrossAnOverride() {
    tester.check(Map.of("compose.yaml", "services:\n  a:\n    ports: [\"3000:3000\"]\n",
        "compose.override.yaml", "services:\n  b:\n    ports: [[|\"3000:3000\"|]]\n"));
  }
}
