package dev.dockerlint.rules.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FinalStageBuildPlatformTest {
  private final RuleTester tester = new RuleTester(new FinalStageBuildPlatform());

  static Stream<String> valid() {
    return Stream.of(
        // the cross-compiling pattern: a builder on the build platform, a final stage on the target
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\n"
            + "RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n"
            + "FROM alpine:3.20\nCOPY --from=build /out/app /app\n",
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=$TARGETPLATFORM alpine:3.20\n",
        // the nearest platform decides
        "FROM --platform=$BUILDPLATFORM node:20 AS deps\nFROM --platform=$TARGETPLATFORM deps\n",
        "FROM --platform=linux/amd64 alpine:3.20\n",
        "FROM alpine:3.20 AS base\nFROM base\n",
        // through a global ARG the value is known but not where it came from (TARGETPLATFORM has the
        // same value on a native build): not reported
        "ARG P=$BUILDPLATFORM\nFROM --platform=$P alpine:3.20\n",
        // a builder nobody builds on
        "FROM --platform=$BUILDPLATFORM node:20 AS assets\nRUN npm run build\nFROM nginx:1.27\n"
            + "COPY --from=assets /dist /usr/share/nginx/html\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|--platform=$BUILDPLATFORM|] alpine:3.20\n",
        "FROM golang:1.22 AS build\nFROM [|--platform=${BUILDPLATFORM}|] alpine:3.20\n",
        "FROM [|--platform=$BUILDOS/$BUILDARCH|] alpine:3.20\n",
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build -o /app .\nFROM [|build|]\n",
        "FROM --platform=$BUILDPLATFORM node:20 AS base\nFROM base AS deps\nRUN npm ci\nFROM [|deps|] AS runtime\n"
            + "CMD [\"node\", \"server.js\"]\n",
        "FROM \\\n  # the runtime\n  [|--platform=$BUILDPLATFORM|] \\\n  alpine:3.20\n");
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
  void messagesNameTheStageThatSetsThePlatform() {
    assertThat(tester.check("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM [|build|]\n").get(0).message())
        .isEqualTo("The final stage is built on stage 'build', which uses --platform=$BUILDPLATFORM (line 1), so the "
            + "image ships the build machine's architecture; start the final stage from an image and COPY "
            + "--from=build what it needs");
    assertThat(tester.check("FROM [|--platform=$BUILDPLATFORM|] alpine:3.20\n").get(0).message())
        .startsWith("The final stage uses --platform=$BUILDPLATFORM, the build machine's platform");
  }
}
