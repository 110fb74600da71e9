package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeSecretInEnvTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeSecretInEnv());

  @Test
  void secretNamesWithLiteralValues() {
    List<dev.dockerlint.lint.Finding> findings = tester.check("services:\n  db:\n    environment:\n"
        + "      POSTGRES_PASSWORD: [|hunter2hunter2|]\n      POSTGRES_USER: app\n    image: postgres:16\n"
        + "  app:\n    environment:\n      - [|API_TOKEN=abcdefgh12345678|]\n      - LOG_LEVEL=debug\n");
    org.assertj.core.api.Assertions.assertThat(findings).extracting(dev.dockerlint.lint.Finding::message)
        .noneMatch(m -> m.contains("hunter2hunter2") || m.contains("abcdefgh12345678"));
  }

  @Test
  void credentialFormatsInAnyVariable() {
    tester.check("services:\n  app:\n    environment:\n      GITHUB: [|ghp_0123456789abcdefghijklmnopqrstuvwxyz|]\n");
  }

  @Test
  void variablesSecretFilesAndEmptyValuesPass() {
    tester.check(Map.of("compose.yaml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n"
        + "      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      MYSQL_PASSWORD: /run/secrets/mysql\n"
        + "      TOKEN:\n      SECRET: \"\"\n    image: postgres:16\n", ".env", "DB_PASSWORD=fromtheenvfile1\n"));
  }

  @Test
  void theValueFromTheEnvFileIsMaskedAndTheLiteralThroughAnAnchorIsReported() {
    tester.check("x-env: &env\n  environment:\n    SECRET_KEY: [|s3cr3tvalue99|]\nservices:\n  a:\n    <<: *env\n");
  }
}
