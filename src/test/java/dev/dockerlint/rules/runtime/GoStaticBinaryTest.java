package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoStaticBinaryTest {
  private final RuleTester tester = new RuleTester(new GoStaticBinary());

  private static final String SCRATCH = "FROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n";

  static Stream<String> valid() {
    return Stream.of(
        "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n" + SCRATCH,
        "FROM golang:1.22 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/app .\n" + SCRATCH,
        "FROM golang:1.22 AS build\nARG CGO_ENABLED=0\nRUN go build -o /out/app .\n" + SCRATCH,
        "FROM golang:1.22 AS build\nRUN export CGO_ENABLED=0 && go build -o /out/app .\n" + SCRATCH,
        "FROM golang:1.22 AS build\nRUN env CGO_ENABLED=0 go build -o /out/app .\n" + SCRATCH,
        "FROM golang:1.22 AS build\nRUN go build -ldflags '-linkmode external -extldflags \"-static\"' -o /out/app .\n"
            + SCRATCH,
        "FROM golang:1.22 AS build\nRUN go build -tags netgo,osusergo -o /out/app .\n" + SCRATCH,
        // golang:alpine has no gcc: cgo is off by default
        "FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\n" + SCRATCH,
        // a glibc runtime
        "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/base-debian12\n"
            + "COPY --from=build /out/app /app\n",
        "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM debian:12-slim\nCOPY --from=build /out/app /app\n",
        // not copied anywhere that ships
        "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM golang:1.22 AS test\nCOPY --from=build /out/app /app\n"
            + "FROM scratch\nCOPY config.yaml /config.yaml\n",
        "FROM golang:1.22 AS build\nRUN GOOS=windows go build -o /out/app.exe .\n" + SCRATCH,
        // Alpine with its glibc compatibility layer
        "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nRUN apk add --no-cache libc6-compat\n"
            + "COPY --from=build /out/app /app\n",
        "FROM golang:1.22 AS build\nRUN go vet ./... && go test ./...\n" + SCRATCH);
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM golang:1.22 AS build\nRUN [|go build|] -o /out/app .\n" + SCRATCH,
        "FROM golang:1.22-bookworm AS build\nRUN [|go install|] example.com/cmd/app@v1.2.3\n"
            + "FROM alpine:3.20\nCOPY --from=build /go/bin/app /usr/local/bin/app\n",
        "FROM golang AS build\nRUN go mod download && [|go build|] -o /out/app ./cmd/app\n"
            + "FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n",
        "FROM golang:1.22\nRUN [|go build|] -o /out/app .\nFROM scratch\nCOPY --from=0 /out/app /app\n",
        "FROM golang:1.22 AS Build\nRUN [|go build|] -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n",
        "ARG GO=1.22\nFROM golang:${GO} AS build\nRUN <<EOF\n[|go build|] -o /out/app .\nEOF\n" + SCRATCH,
        "FROM golang:1.22 AS build\nRUN go mod download \\\n  # then the binary\n  && [|go build|] -o /out/app .\n"
            + SCRATCH,
        "FROM golang:1.22 AS base\nFROM base AS build\nRUN [|go build|] -o /out/app .\n" + SCRATCH,
        "FROM golang:1.22 AS build\nRUN [|go build|] -o /out/app .\nFROM scratch AS runtime\n"
            + "COPY --from=build /out/app /app\nFROM runtime\n");
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
  void messageSaysWhyAndWhereTheBinaryGoes() {
    assertThat(tester.check("FROM golang:1.22 AS build\nRUN [|go build|] -o /out/app .\n" + SCRATCH).get(0).message())
        .isEqualTo("'go build' runs with cgo on (the golang image has gcc), so a binary that uses net or os/user "
            + "links against glibc, and it is copied into 'scratch', which has no C library (line 4), where it fails "
            + "to start; build with CGO_ENABLED=0");
    assertThat(tester.check("FROM golang:1.22 AS build\nRUN [|go build|] -o /app .\nFROM alpine:3.20\n"
        + "COPY --from=build /app /app\n").get(0).message()).contains("'alpine:3.20', which has musl instead of glibc");
  }
}
