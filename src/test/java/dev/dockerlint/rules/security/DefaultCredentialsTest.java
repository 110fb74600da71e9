package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.RuleTester;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultCredentialsTest {
  private final RuleTester tester = new RuleTester(new DefaultCredentials());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db\n",
        "FROM alpine:3.20\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes\n",
        "FROM alpine:3.20\nENV DB_PASSWORD=\n",
        "FROM alpine:3.20\nENV DB_PASSWORD=Xk2#pq9LmW\n",
        "FROM alpine:3.20\nENV PWD=/root\n",
        "FROM alpine:3.20\nENV PROXY_BYPASS=admin\n",
        // the name says nothing about a password
        "FROM alpine:3.20\nENV ADMIN_USER=admin\n",
        "FROM alpine:3.20\nENV LOG_LEVEL=default\n",
        "FROM alpine:3.20\nARG DB_PASSWORD\nENV DB_PASSWORD=$DB_PASSWORD\n",
        // chpasswd with a variable, a hash or no literal password
        "FROM debian:12\nARG ROOT_PW\nRUN echo \"root:$ROOT_PW\" | chpasswd\n",
        "FROM debian:12\nRUN echo 'root:$6$salt$hash' | chpasswd -e\n",
        "FROM debian:12\nRUN echo root: | chpasswd\n",
        "FROM debian:12\nRUN echo 'root:root' > /tmp/notes\n",
        "FROM debian:12\nRUN passwd -l root\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nENV MYSQL_ROOT_PASSWORD=[|root|]\n",
        "FROM alpine:3.20\nENV MAIL_PASS [|admin|]\n",
        "FROM alpine:3.20\nENV DB_PASSWORD=[|\"changeme\"|]\n",
        "FROM alpine:3.20\nENV RABBITMQ_DEFAULT_PASS=[|guest|]\n",
        "FROM alpine:3.20\nENV JWT_SECRET=[|secret|]\n",
        "FROM alpine:3.20\nENV KEYSTORE_PASSWORD=[|changeit|] LDAP_ROOTPASS=[|Password|]\n",
        "FROM alpine:3.20\nENV adminPwd=[|admin|]\n",
        "FROM alpine:3.20\nENV MYSQL_USER=app MYSQL_PASSWORD=[|app|]\n",
        "FROM alpine:3.20\nENV POSTGRES_USER=shop\nENV POSTGRES_PASSWORD=[|shop|]\n",
        "FROM alpine:3.20\nARG DEFAULT=changeme\nENV DB_PASSWORD=[|${DEFAULT}|]\n",
        "FROM alpine:3.20\nENV A=1 \\\n    # the database\n    DB_PASSWORD=[|password|]\n",
        "FROM alpine:3.20\nONBUILD ENV DB_PASSWORD=[|admin|]\n",
        "FROM alpine:3.20 AS base\nENV DB_USER=app\nFROM base\nENV DB_PASSWORD=[|app|]\n",
        "FROM debian:12\nRUN echo [|'root:root'|] | chpasswd\n",
        "FROM debian:12\nRUN useradd dev && echo [|\"dev:hunter2\"|] | sudo chpasswd\n",
        "FROM debian:12\nRUN printf [|'admin:s3cret\\n'|] | chpasswd\n",
        "FROM centos:7\nRUN echo [|changeme|] | passwd --stdin root\n",
        "FROM debian:12\nRUN <<EOF\nuseradd dev\necho [|dev:dev|] | chpasswd\nEOF\n",
        "FROM debian:12\nONBUILD RUN echo [|root:toor|] | chpasswd\n");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void valid(String source) {
    tester.check(source);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalid(String source) {
    tester.check(source);
  }

  @Test
  void messagesMaskTheValue() {
    Finding env = tester.check("FROM alpine:3.20\nENV MYSQL_ROOT_PASSWORD=[|changeme|]\n").get(0);
    assertThat(env.message()).isEqualTo("ENV MYSQL_ROOT_PASSWORD=ch**** is a well-known default password, which anyone "
        + "can guess; ship no default and require it at run time (docker run -e, or a secret file)");
    Finding same = tester.check("FROM alpine:3.20\nENV MYSQL_USER=shop MYSQL_PASSWORD=[|shop|]\n").get(0);
    assertThat(same.message()).startsWith("ENV MYSQL_PASSWORD=s**** is the same as MYSQL_USER");
    Finding chpasswd = tester.check("FROM debian:12\nRUN echo [|'dev:hunter22'|] | chpasswd\n").get(0);
    assertThat(chpasswd.message()).isEqualTo("'echo dev:hu****' | chpasswd gives dev a fixed password that every "
        + "container of the image shares and the build history shows; lock the account (passwd -l) or set the "
        + "password at run time");
    assertThat(chpasswd.message()).doesNotContain("hunter22");
  }

  @Test
  void theLinterMasksTheShortValueInTheSourceOnItsInstructionOnly() {
    Linter linter = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);
    var file = DockerfileParser.parse("Dockerfile", "FROM alpine:3.20\nENV MAIL_PASS admin\nUSER admin\n");
    List<Finding> findings = linter.lint(file);
    assertThat(findings).filteredOn(f -> f.rule().equals("default-credentials")).singleElement()
        .satisfies(f -> assertThat(f.message()).doesNotContain("admin"));
  }

  @Test
  void secretInEnvLeavesDefaultsToThisRule() {
    RuleTester secrets = new RuleTester(new SecretInEnv());
    secrets.check("FROM alpine:3.20\nENV DB_PASSWORD=changeme MYSQL_USER=app MYSQL_PASSWORD=app\n");
    secrets.check("FROM alpine:3.20\nENV [|DB_PASSWORD|]=Xk2#pq9LmW\n");
  }
}
