package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.report.Reporters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No output format ever contains a detected secret value, in messages or in source excerpts. */
class SecretMaskingTest {
  static final List<String> SECRETS = List.of(
      "ghp_Zq8XwV3rT6yU1oP4sD7fG0hJ2kL5mN9bC3xQ",
      "hUnt3r2-Qw9Zk7Xp4Lm8",
      "sk_test_Rb7Yv2Nq9Wx4Kc6Jt1Hs8Mf",
      "AKIAQ7RT2XW9ZK4MN8PB",
      "glpat-Xy7Rk2Wq9Zt4Lm8Nb3Vc");

  static final String DOCKERFILE = "FROM alpine:3.20\n"
      + "ENV GITHUB_TOKEN=" + SECRETS.get(0) + " \\\n"
      + "    DB_PASSWORD=\"" + SECRETS.get(1) + "\"\n"
      + "ARG STRIPE_SECRET=" + SECRETS.get(2) + "\n"
      + "RUN aws configure set aws_access_key_id " + SECRETS.get(3) + " && \\\n"
      + "    git clone https://oauth2:" + SECRETS.get(4) + "@gitlab.example.com/x.git\n"
      + "USER 1\nHEALTHCHECK NONE\n";

  @TempDir Path dir;

  static List<String> formats() {
    return Reporters.FORMATS;
  }

  @ParameterizedTest
  @MethodSource("formats")
  void noFormatPrintsASecret(String format) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--format", format, "--output", "report.out", "--format", format, "Dockerfile"},
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, false);
    assertThat(code).isEqualTo(1);
    String written = Files.readString(dir.resolve("report.out"));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).as("stdout of %s", format).contains("secret-in-env").contains("secret-literal");
    for (String secret : SECRETS) {
      String middle = secret.substring(6, 13);
      assertThat(printed).as("stdout of %s", format).doesNotContain(middle);
      assertThat(written).as("file of %s", format).doesNotContain(middle);
      assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(middle);
    }
  }
}
