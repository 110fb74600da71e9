package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeVersionObsoleteTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeVersionObsolete());

  @Test
  void topLevelVersion() {
    tester.check("[|version|]: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n");
  }

  @Test
  void withoutVersionPasses() {
    tester.check("name: app\nservices:\n  web:\n    image: nginx:1.27\n    labels:\n      version: \"1\"\n");
  }
}
