package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScratchNoCaCertsTest {
  private final RuleTester tester = new RuleTester(new ScratchNoCaCerts());

  static Stream<String> valid() {
    return Stream.of(
        // nothing says the program talks TLS
        "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\n"
            + "COPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n",
        // certificates copied, under any of the usual names
        "FROM alpine:3.20 AS build\nRUN apk add --no-cache ca-certificates\nFROM scratch\n"
            + "COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
            + "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt\n",
        "FROM golang:alpine AS builder\nRUN apk add --no-cache ca-certificates git\nFROM scratch\n"
            + "COPY --from=builder /etc/ssl/certs/ /etc/ssl/certs\nENTRYPOINT [\"/app\"]\n",
        "FROM scratch\nCOPY certs/ca-bundle.pem /certs/ca.pem\nENV SSL_CERT_FILE=/certs/ca.pem\n",
        "FROM scratch\nADD rootfs.tar.gz /\nCMD [\"/app\", \"--upstream=https://api.example.com\"]\n",
        "FROM build AS x\nFROM scratch\nCOPY --from=x / /\nENV API=https://api.example.com\n",
        // not scratch
        "FROM alpine:3.20\nENV API_URL=https://api.example.com\n",
        // a builder that is not copied from
        "FROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\nFROM scratch\nCOPY app /app\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|scratch|]\nCOPY app /app\nENV API_URL=https://api.example.com\n",
        "FROM [|scratch|]\nCOPY app /app\nCMD [\"/app\", \"--upstream=https://api.example.com\"]\n",
        "FROM [|scratch|]\nCOPY app /app\nENTRYPOINT /app --upstream https://api.example.com\n",
        "FROM [|scratch|]\nCOPY app /app\nENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt\n",
        "FROM alpine:3.20 AS build\nRUN apk add --no-cache ca-certificates && go build -o /app .\nFROM [|scratch|]\n"
            + "COPY --from=build /app /app\n",
        "FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y ca-certificates\nFROM [|scratch|]\n"
            + "COPY --from=0 /go/bin/app /app\n",
        "ARG API=https://api.example.com\nFROM [|scratch|] AS base\nARG API\nENV UPSTREAM=$API\nFROM base\nCOPY app /app\n",
        "FROM \\\n  # no distribution\n  [|scratch|]\nENV API_URL=https://api.example.com\n");
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
  void messageSaysWhyItThinksTlsIsUsed() {
    assertThat(tester.check("FROM [|scratch|]\nENV API_URL=https://x.example\n").get(0).message())
        .isEqualTo("The final image is built on scratch, which has no CA certificates, and nothing copies them in, "
            + "though ENV API_URL is an https:// URL (line 2); TLS connections will fail with 'certificate signed by "
            + "unknown authority': COPY --from=<build stage> /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/");
    assertThat(tester.check("FROM alpine:3.20 AS build\nRUN apk add ca-certificates\nFROM [|scratch|]\n"
        + "COPY --from=build /app /app\n").get(0).message()).contains("though stage 'build' installs them (line 2)");
  }
}
