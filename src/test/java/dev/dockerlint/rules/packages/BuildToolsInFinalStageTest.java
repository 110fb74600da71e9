package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuildToolsInFinalStageTest {
  private final RuleTester tester = new RuleTester(new BuildToolsInFinalStage());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev make \\\n  && make install \\\n  && apk del --no-network .build-deps\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y gcc libc6-dev && make && apt-get purge -y gcc libc6-dev\n",
        // the official images' apt-mark idiom
        "FROM debian:12\nRUN set -eux; \\\n  savedAptMark=\"$(apt-mark showmanual)\"; \\\n  apt-get update; \\\n  apt-get install -y --no-install-recommends gcc make libssl-dev; \\\n  make; \\\n  apt-mark auto '.*' > /dev/null; \\\n  apt-mark manual $savedAptMark; \\\n  apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n",
        "FROM debian:12\nRUN apt-get install -y dpkg-dev; \\\n  apt-mark showmanual | xargs apt-mark auto > /dev/null; \\\n  apt-get purge -y --auto-remove\n",
        // a builder stage may hold anything
        "FROM debian:12 AS build\nRUN apt-get install -y gcc make\nFROM debian:12-slim\nCOPY --from=build /out /out\n",
        // images made for building
        "FROM buildpack-deps:bookworm-scm\nRUN apt-get install -y gcc\n",
        // runtime libraries, not headers
        "FROM debian:12\nRUN apt-get install -y libssl3 ca-certificates\n",
        "FROM debian:12\nRUN echo 'apt-get install -y gcc'\n",
        "FROM python:3.12\nRUN pip install make\n",
        // a compiler's name and a version number, and nothing else, is a compiler
        "FROM debian:12\nRUN apt-get install -y gcc-12-base clang-format libclang-16 gcc-x gcc-\n",
        // the official php pattern: docker-php-ext-install builds against the -dev packages' headers
        "FROM php:8.2-apache\nRUN apt-get update && apt-get install -y libzip-dev libpng-dev \\\n"
            + "  && docker-php-ext-install zip gd \\\n  && rm -rf /var/lib/apt/lists/*\n",
        "FROM php:8.3-fpm\nRUN apt-get update && apt-get install -y \\\n    libfreetype-dev \\\n    libjpeg62-turbo-dev \\\n"
            + "    libpng-dev \\\n  && docker-php-ext-configure gd --with-freetype --with-jpeg \\\n"
            + "  && docker-php-ext-install -j$(nproc) gd\n",
        "FROM php:8.3-cli\nRUN apt-get update && apt-get install -y libmemcached-dev zlib1g-dev \\\n"
            + "  && pecl install memcached-3.2.0 && docker-php-ext-enable memcached\n",
        "FROM php:8.3-fpm-alpine\nRUN apk add --no-cache libzip-dev\nRUN docker-php-ext-install zip\n",
        // ... and its savedAptMark clean-up, which keeps only the libraries the extension loads
        "FROM php:8.3-apache\nRUN set -eux; \\\n  savedAptMark=\"$(apt-mark showmanual)\"; \\\n  apt-get update; \\\n"
            + "  apt-get install -y --no-install-recommends libzip-dev git; \\\n  docker-php-ext-install zip; \\\n"
            + "  apt-mark auto '.*' > /dev/null; \\\n  [ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark; \\\n"
            + "  apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\\n  rm -rf /var/lib/apt/lists/*\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && apt-get install -y [|build-essential|] curl\n",
        "FROM alpine:3.20\nRUN apk add --no-cache [|gcc|] [|musl-dev|] python3\n",
        // a virtual group that is never deleted
        "FROM alpine:3.20\nRUN apk add --virtual .build-deps [|gcc|]\n",
        // removed in a later RUN: still in the image
        "FROM debian:12\nRUN apt-get install -y [|git|]\nRUN apt-get purge -y git\n",
        "FROM fedora:40\nRUN dnf install -y [|gcc-c++|] [|openssl-devel|]\n",
        "FROM debian:12\nRUN apt-get install -y [|gcc-12|] [|g++-13|] [|clang-16|]\n",
        "FROM debian:12 AS base\nRUN sudo apt-get install -y \\\n    [|cmake|] \\\n    # the compiler\n    [|g++|]\nFROM base\n",
        "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y [|make=4.3-4.1|]\nEOF\n",
        // near misses: tools that are not headers, headers with no extension built, an extension built before them
        "FROM php:8.2-apache\nRUN apt-get update && apt-get install -y [|git|] [|build-essential|] libzip-dev \\\n"
            + "  && docker-php-ext-install zip\n",
        "FROM php:8.2-apache\nRUN apt-get update && apt-get install -y [|libzip-dev|] && composer install\n",
        "FROM php:8.2-apache\nRUN docker-php-ext-install pdo_mysql\nRUN apt-get install -y [|libpq-dev|]\n",
        "FROM php:8.2-apache\nRUN echo docker-php-ext-install && apt-get install -y [|libzip-dev|]\n");
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
  void messageSuggestsAMultiStageBuild() {
    var findings = tester.check("FROM debian:12\nRUN apt-get install -y [|gcc|]\n");
    assertThat(findings.get(0).message()).isEqualTo("'gcc' is a build tool installed in the final image and not "
        + "removed in the same RUN; build in an earlier stage and COPY --from it only what runs");
  }
}
