package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeDatabasePortPublicTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeDatabasePortPublic());

  @Test
  void databasePortsOnEveryInterface() {
    tester.check("services:\n  db:\n    image: postgres:16\n    ports:\n      - [|\"5432:5432\"|]\n"
        + "      - [|\"0.0.0.0:15432:5432\"|]\n  cache:\n    ports:\n      - target: 6379\n        published: [|6379|]\n");
  }

  @Test
  void localhostOnlyOrOtherPortsPass() {
    tester.check("services:\n  db:\n    ports: [\"127.0.0.1:5432:5432\", \"[::1]:3306:3306\"]\n  web:\n"
        + "    ports: [\"5432:8080\"]\n");
  }
}
