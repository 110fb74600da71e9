package dev.dockerlint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The inputs of the JMH benchmarks: a typical real Dockerfile, from the shared corpus when present. */
final class BenchFiles {
  /** A 128-line official image Dockerfile: multi-line RUNs, ENV, ARG, two stages. */
  static final Path TYPICAL = Path.of("../shared/corpus/docker-library+golang/1.26__alpine3.24__Dockerfile");

  private BenchFiles() {}

  static String typical() {
    Path file = Path.of(System.getProperty("dockerlint.bench.file", TYPICAL.toString()));
    if (Files.isRegularFile(file)) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // no corpus next to the project: a small stand-in of the same shape
    StringBuilder sb = new StringBuilder("FROM alpine:3.20 AS build\nARG VERSION=1.2.3\n");
    sb.append("ENV PATH=/usr/local/go/bin:$PATH \\\n    GOLANG_VERSION=${VERSION}\n");
    sb.append("RUN set -eux; \\\n    apk add --no-cache --virtual .fetch-deps ca-certificates gnupg; \\\n");
    for (int i = 0; i < 40; i++) {
      sb.append("    if [ -f /tmp/f").append(i).append(" ]; then echo \"$GOLANG_VERSION\" | tee /tmp/o").append(i)
          .append("; fi; \\\n");
    }
    sb.append("    apk del --no-network .fetch-deps\nFROM alpine:3.20\nCOPY --from=build /usr/local/go /usr/local/go\n");
    sb.append("USER nobody\nCMD [\"go\", \"version\"]\n");
    return sb.toString();
  }
}
