package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.ImageRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The base-image tables, row by row, against the images' own Dockerfiles (see the class comment). */
class BaseImagesTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "scratch                                    | true",
      "gcr.io/distroless/static-debian12          | true",
      "gcr.io/distroless/base-debian12:nonroot     | true",
      "gcr.io/distroless/base-debian12:debug       | false",
      "cgr.dev/chainguard/static                  | true",
      "mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled | true",
      "mcr.microsoft.com/dotnet/runtime:8.0       | false",
      "alpine:3.20                                | false",
      "busybox:1.36                               | false",
  })
  void hasNoShell(String image, boolean expected) {
    assertThat(BaseImages.hasNoShell(ImageRef.parse(image))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "scratch                           | NONE",
      "gcr.io/distroless/static-debian12 | NONE",
      "gcr.io/distroless/base-debian12   | GLIBC",
      "gcr.io/distroless/cc-debian12     | GLIBC",
      "cgr.dev/chainguard/static         | NONE",
      "alpine:3.20                       | MUSL",
      "golang:1.22-alpine                | MUSL",
      "golang:1.22                       | GLIBC",
      "golang:1.22-bookworm              | GLIBC",
      "golang:1.22-windowsservercore     | UNKNOWN",
      "debian:12-slim                    | GLIBC",
      "busybox:1.36                      | UNKNOWN",
      "example.com/base:1                | UNKNOWN",
  })
  void libc(String image, BaseImages.Libc expected) {
    assertThat(BaseImages.libc(ImageRef.parse(image))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "alpine:3.20                      | NO      | YES",
      "debian:12-slim                   | NO      | NO",
      "ubuntu:24.04                     | NO      | NO",
      "buildpack-deps:bookworm-curl     | YES     | YES",
      "node:20                          | YES     | YES",
      "node:20-bookworm-slim            | NO      | NO",
      "node:20-alpine                   | NO      | YES",
      "python:3.12                      | YES     | YES",
      "python:3.12-slim                 | NO      | NO",
      "python:3.12-alpine               | NO      | YES",
      "golang:1.22                      | YES     | YES",
      "golang:1.22-alpine               | NO      | YES",
      "php:8.3-apache                   | YES     | NO",
      "php:8.3-fpm-alpine               | YES     | YES",
      "postgres:17                      | NO      | NO",
      "postgres:17-alpine               | NO      | YES",
      "scratch                          | NO      | NO",
      "gcr.io/distroless/base-debian12  | NO      | NO",
      "nginx:1.27                       | UNKNOWN | UNKNOWN",
      "python:3.12-windowsservercore    | UNKNOWN | UNKNOWN",
      "example.com/node:20              | UNKNOWN | UNKNOWN",
  })
  void ships(String image, BaseImages.Answer curl, BaseImages.Answer wget) {
    assertThat(BaseImages.ships(ImageRef.parse(image), "curl")).isEqualTo(curl);
    assertThat(BaseImages.ships(ImageRef.parse(image), "wget")).isEqualTo(wget);
  }
}
