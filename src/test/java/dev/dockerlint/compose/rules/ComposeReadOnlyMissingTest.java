package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeReadOnlyMissingTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeReadOnlyMissing());

  @Test
  void writableRootFileSystems() {
    tester.check("services:\n  [|web|]:\n    image: nginx:1.27\n  db:\n    read_only: [|false|]\n");
  }

  @Test
  void readOnlyPassesAlsoThroughAnAnchor() {
    tester.check("x-ro: &ro\n  read_only: true\nservices:\n  web:\n    <<: *ro\n  db:\n    read_only: true\n"
        + "  other:\n    read_only: ${RO}\n");
  }
}
