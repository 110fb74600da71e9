package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeHostPathWritableTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeHostPathWritable());

  @Test
  void sensitiveHostPathsMountedReadWrite() {
    tester.check("services:\n  a:\n    volumes:\n      - [|/:/host|]\n      - [|/etc:/etc|]\n"
        + "      - [|/var/run/dbus:/var/run/dbus:rw|]\n      - type: bind\n        source: [|/proc|]\n        target: /p\n");
  }

  @Test
  void readOnlyAndProjectPathsPass() {
    tester.check("services:\n  a:\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - /:/host:ro,rslave\n"
        + "      - ./etc:/etc/app\n      - /srv/data:/data\n      - /var/run/docker.sock:/var/run/docker.sock\n"
        + "      - type: bind\n        source: /sys\n        target: /s\n        read_only: true\n");
  }

  @Test
  void throughAnAnchor() {
    tester.check("x-vol: &vol\n  volumes:\n    - [|/etc:/host-etc|]\nservices:\n  a:\n    <<: *vol\n");
  }
}
