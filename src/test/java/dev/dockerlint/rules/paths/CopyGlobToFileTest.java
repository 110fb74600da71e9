package dev.dockerlint.rules.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CopyGlobToFileTest {
  private final RuleTester tester = new RuleTester(new CopyGlobToFile());

  static Stream<String> valid() {
    return Stream.of(
        "FROM eclipse-temurin:21-jre\nCOPY target/app-1.0.jar /app/app.jar\n",
        "FROM eclipse-temurin:21-jre\nCOPY target/*.jar /app/\n",
        "FROM eclipse-temurin:21-jre\nCOPY target/*.jar .\n",
        // a destination without an extension may well be a directory
        "FROM eclipse-temurin:21-jre\nCOPY target/*.jar /app\n",
        // another kind of file: a directory named like one (conf.d)
        "FROM nginx:1.27\nCOPY conf/*.conf /etc/nginx/conf.d\n",
        "FROM alpine:3.20\nCOPY *.txt notes.md\n",
        // escaped: a literal star
        "FROM alpine:3.20\nCOPY a\\\\*.txt b.txt\n",
        // several sources are copy-dest-slash's
        "FROM alpine:3.20\nCOPY a.txt *.txt all.txt\n",
        "FROM alpine:3.20\nARG JAR\nCOPY ${JAR} app.jar\n",
        "FROM alpine:3.20\nADD https://example.com/x*.txt y.txt\n",
        "FROM alpine:3.20\nCOPY *.jar .jar\n",
        "FROM alpine:3.20\nARG JAR_FILE=target/*.jar\nONBUILD COPY ${JAR_FILE} app.jar\n",
        "FROM alpine:3.20\nCOPY <<EOF /app/x.txt\nhello\nEOF\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM eclipse-temurin:21-jre\nCOPY [|target/*.jar|] app.jar\n",
        "FROM eclipse-temurin:21-jre\nCOPY --from=build [|/workspace/build/libs/*.jar|] /app/app.jar\n",
        "FROM eclipse-temurin:21-jre\nARG JAR_FILE=target/*.jar\nCOPY [|${JAR_FILE}|] app.jar\n",
        "FROM alpine:3.20\nCOPY [|*.txt|] test.txt\n",
        "FROM alpine:3.20\nCOPY [|dist/tool-?.?.tar.gz|] /opt/tool.tar.gz\n",
        "FROM alpine:3.20\nADD [|build/app-[0-9]*.JAR|] /app.jar\n",
        "FROM alpine:3.20\nCOPY [[|\"target/*.jar\"|], \"/app/app.jar\"]\n",
        "FROM alpine:3.20\nONBUILD COPY [|target/*.jar|] app.jar\n",
        "FROM alpine:3.20\nCOPY \\\n  # the fat jar\n  [|target/*.jar|] \\\n  app.jar\n");
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
  void messageSaysWhatHappensAndWhatToDo() {
    assertThat(tester.check("FROM alpine:3.20\nCOPY [|target/*.jar|] app.jar\n").get(0).message())
        .isEqualTo("COPY copies the pattern 'target/*.jar' to the file 'app.jar': when it matches more than one "
            + "file, BuildKit silently keeps one of them and the legacy builder fails; name the one file, or copy "
            + "to a directory ending in '/'");
  }
}
