package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShellFormWithoutShellTest {
  private final RuleTester tester = new RuleTester(new ShellFormWithoutShell());

  static Stream<String> valid() {
    return Stream.of(
        "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\nCMD [\"--help\"]\n",
        "FROM gcr.io/distroless/static-debian12\nCOPY app /app\nCMD [\"/app\"]\n",
        "FROM alpine:3.20\nCMD /app --serve\n",
        // the debug tags have BusyBox's shell
        "FROM gcr.io/distroless/base-debian12:debug\nSHELL [\"/busybox/sh\", \"-c\"]\nRUN echo hi\n",
        "FROM gcr.io/distroless/base-debian12:debug\nCMD echo hi\n",
        // a shell brought in
        "FROM scratch\nCOPY --from=busybox:1.36 /bin/busybox /bin/busybox\nRUN [\"/bin/busybox\", \"--install\", \"/bin\"]\n"
            + "CMD /app\n",
        "FROM scratch\nADD alpine-minirootfs.tar.gz /\nRUN apk add --no-cache curl\nCMD /bin/sh\n",
        "FROM scratch AS rootfs\nCOPY --from=build /rootfs/ /\nFROM rootfs\nCMD /start.sh\n",
        "FROM scratch\nSHELL [\"/bin/sh\", \"-c\"]\nCMD start\n",
        "FROM scratch\nHEALTHCHECK NONE\n",
        "FROM scratch\nHEALTHCHECK CMD [\"/app\", \"health\"]\n",
        // unknown images are not judged
        "FROM example.com/minimal:1\nCMD /app\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM scratch\nCOPY app /app\nCMD [|/app --serve|]\n",
        "FROM scratch\nENTRYPOINT [|/app|]\n",
        "FROM scratch\nRUN [|mkdir /data|]\n",
        "FROM scratch\nHEALTHCHECK --interval=30s CMD [|/app health|]\n",
        "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD [|/app|]\n",
        "FROM gcr.io/distroless/python3-debian12\nCMD [|python3 /app/main.py|]\n",
        "FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\nENTRYPOINT [|./app|]\n",
        "FROM cgr.dev/chainguard/static\nCMD [|/app|]\n",
        "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch AS runtime\nCOPY --from=build /out/app /app\n"
            + "FROM runtime\nCMD [|/app|]\n",
        "ARG BASE=scratch\nFROM $BASE\nCMD [|/app|]\n",
        "FROM scratch\nONBUILD RUN [|/app --migrate|]\n",
        "FROM scratch\nCMD \\\n  # the server\n  [|/app --serve|]\n",
        "FROM scratch\nRUN [|<<EOF|]\nmkdir /data\nEOF\n",
        // a shell copied in later does not help the instructions before it
        "FROM scratch\nCMD [|/app|]\nCOPY --from=busybox:1.36 /bin/busybox /bin/busybox\n");
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
  void messagesSayWhatFailsAndHowToWriteIt() {
    assertThat(tester.check("FROM scratch\nCMD [|/app --serve|]\n").get(0).message())
        .isEqualTo("CMD in shell form runs /bin/sh -c, but 'scratch' has no shell, so the container fails to start; "
            + "write it in exec form (CMD [\"/app\"])");
    assertThat(tester.check("FROM scratch\nRUN [|mkdir /x|]\n").get(0).message()).contains("so the build fails");
    assertThat(tester.check("FROM scratch\nHEALTHCHECK CMD [|/app health|]\n").get(0).message())
        .contains("marked unhealthy").contains("HEALTHCHECK CMD [\"/app\", \"health\"]");
  }
}
