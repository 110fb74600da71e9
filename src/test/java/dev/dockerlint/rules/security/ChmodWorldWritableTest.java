package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ChmodWorldWritableTest {
  private final RuleTester tester = new RuleTester(new ChmodWorldWritable());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN chmod 755 /app\n",
        "FROM debian:12\nRUN chmod -R 775 /app\n",
        "FROM debian:12\nRUN chmod a+rx /entrypoint.sh\n",
        "FROM debian:12\nRUN chmod +w /app/config\n",
        "FROM debian:12\nRUN chmod ugo+rx /run.sh\n",
        // the sticky bit: shared directories done right
        "FROM debian:12\nRUN chmod 1777 /data/uploads\n",
        "FROM golang:1.22\nRUN mkdir -p \"$GOPATH/src\" && chmod -R 1777 \"$GOPATH\"\n",
        "FROM debian:12\nRUN chmod a+rwxt /shared\n",
        "FROM debian:12\nRUN chmod 777 /tmp\n",
        "FROM debian:12\nRUN chmod 777 /tmp /var/tmp/\n",
        // later clauses take write away again
        "FROM debian:12\nRUN chmod a+w,o-w /app\n",
        "FROM debian:12\nRUN chmod $MODE /app\n",
        "FROM debian:12\nRUN chmod --reference=/etc/hosts /app\n",
        "FROM debian:12\nRUN echo 'chmod 777 /app' >> /notes\n",
        "FROM debian:12\nRUN mkdir -m 755 /data\n",
        "FROM debian:12\nCOPY --chmod=755 app /app\n",
        "FROM debian:12\nARG MODE=777\nONBUILD COPY --chmod=$MODE app /app\n",
        "FROM debian:12\nRUN chmod -w /app/config\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN chmod [|777|] /app\n",
        "FROM debian:12\nRUN chmod -R [|777|] /app\n",
        "FROM debian:12\nRUN chmod [|0777|] -R /var/lib/mpd\n",
        "FROM debian:12\nRUN chmod [|666|] /app/app.db\n",
        "FROM debian:12\nRUN chmod -R [|a+rwx|] /srv\n",
        "FROM debian:12\nRUN chmod [|o+w|] /app/logs\n",
        "FROM debian:12\nRUN chmod [|ugo=rwx|] /app\n",
        "FROM debian:12\nRUN chmod [|2777|] /app\n",
        "FROM debian:12\nRUN chmod [|777|] /tmp /app\n",
        "FROM debian:12\nRUN mkdir -p /data && sudo chmod [|777|] /data\n",
        "FROM debian:12\nRUN mkdir -m [|777|] /data\n",
        "FROM debian:12\nRUN install -d [|--mode=0777|] /data\n",
        "FROM debian:12\nCOPY [|--chmod=777|] app /app\n",
        "FROM debian:12\nARG MODE=0666\nADD [|--chmod=$MODE|] app.conf /etc/app.conf\n",
        "FROM debian:12\nRUN <<EOF\nmkdir /data\nchmod [|777|] /data\nEOF\n",
        "FROM debian:12\nONBUILD RUN chmod -R [|777|] /app\n",
        "FROM debian:12\nONBUILD COPY [|--chmod=0777|] app /app\n",
        "FROM debian:12\nRUN mkdir /app \\\n  # open it up\n  && chmod -R [|777|] /app\n",
        "FROM debian:12 AS build\nRUN chmod [|777|] /out\nFROM debian:12\nCOPY --from=build /out /out\n");
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

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "777 | true", "0777 | true", "666 | true", "2777 | true", "7 | true", "1777 | false", "3777 | false",
      "775 | false", "755 | false", "a+w | true", "o=rw | true", "go+w | true", "a=rwx,o-w | false",
      "u+w | false", "+w | false", "a+rwxt | false", "o+t,a+w | false", "a+w,o-t | true", "o+wx | true",
      "9 | false", "'' | false", "a+q | false", "a~w | false", "x | false",
  })
  void worldWritableModes(String mode, boolean expected) {
    assertThat(ChmodWorldWritable.worldWritable(mode)).isEqualTo(expected);
  }

  @Test
  void messageQuotesTheModeAndPath() {
    assertThat(tester.check("FROM debian:12\nRUN chmod -R [|777|] /app\n").get(0).message())
        .isEqualTo("'chmod 777' makes '/app' writable by every user in the container; give write access to its "
            + "owner only (chmod 755 or 644, and chown it to the user that writes it)");
  }
}
