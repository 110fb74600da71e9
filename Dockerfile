# syntax=docker/dockerfile:1
# dockerlint's own image: built with the same ./mvnw command CI runs, shipped on a Java runtime with
# a shell for the launcher, as an unprivileged numeric user. Usage: docker run --rm -i IMAGE - < Dockerfile

# ShellCheck for the RUN scripts: the static binary of the official image, pinned to a release
FROM koalaman/shellcheck:v0.10.0 AS shellcheck

# the jar is the same on every platform: build it once, natively, for a multi-arch image
FROM --platform=$BUILDPLATFORM eclipse-temurin:21.0.5_11-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp dependency:go-offline
# the tests read rules/, README.md, examples/ and this Dockerfile, so the whole context follows
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp verify

# JDK 25 for its AOT cache: a container starts the JVM afresh on every run (bench/README.md)
FROM eclipse-temurin:25.0.3_9-jre-noble
LABEL org.opencontainers.image.title="dockerlint" \
      org.opencontainers.image.description="A Dockerfile linter" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="https://github.com/dockerlint/dockerlint"
COPY --from=build /src/target/dockerlint.jar /opt/dockerlint/dockerlint.jar
COPY --from=build /src/bin/dockerlint /opt/dockerlint/dockerlint
# the launcher's AOT caches, next to the jar: made here for this image's JDK, so every run,
# whatever its user, starts with them and none trains in the background
RUN DOCKERLINT_CDS=install /opt/dockerlint/dockerlint
# on the PATH, where dockerlint finds it (README: ShellCheck)
COPY --from=shellcheck /bin/shellcheck /usr/local/bin/shellcheck
# pre-commit's docker_image hooks mount the repository here
WORKDIR /src
USER 65532:65532
# a command-line tool, not a service: nothing to probe
HEALTHCHECK NONE
ENTRYPOINT ["/opt/dockerlint/dockerlint"]
