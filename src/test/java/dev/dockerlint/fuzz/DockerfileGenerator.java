package dev.dockerlint.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Random Dockerfiles built from real grammar pieces: directives, every instruction, flags, quotes,
 * escapes, variables, continuations (with comment and empty lines inside), heredocs, CRLF, a BOM,
 * and now and then random characters. Deterministic for a seed, so a failure can be replayed.
 */
final class DockerfileGenerator {
  private static final List<String> IMAGES = List.of("alpine", "alpine:3.20", "node:latest", "python:3.12-slim",
      "ghcr.io/org/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "scratch",
      "${BASE}", "$BASE:${TAG:-1}", "localhost:5000/x/y:z", "build", "mcr.microsoft.com/windows:ltsc2022", "");
  private static final List<String> WORDS = List.of("echo", "apt-get", "update", "install", "-y", "--no-install-recommends",
      "curl", "rm", "-rf", "/var/lib/apt/lists/*", "apk", "add", "--no-cache", "pip", "npm", "ci", "cd", "/app",
      "sudo", "sh", "-c", "bash", "$HOME", "${A:-x}", "${B:+y}", "${C#p}", "${D%%s}", "${E/a/b}", "$(id -u)", "`date`",
      "$((1+2))", "'single quoted'", "\"double $A quoted\"", "\"unterminated", "'open", "a\\ b", "\\$X", "*.txt",
      "2>&1", ">/dev/null", "<in", "GITHUB_TOKEN=ghp_Zq8XwV3rT6yU1oP4sD7fG0hJ2kL5mN9bC3xQ", "--password=hunter2",
      "José", "日本", "x=1", "(", ")", "{", "}", "!", "#notcomment", "-", "--", "=", "", "\t");
  private static final List<String> OPERATORS = List.of(" && ", " || ", "; ", " | ", " & ", " ", " ", " ");
  private static final List<String> FLAGS = List.of("--platform=linux/amd64", "--platform=$BUILDPLATFORM",
      "--mount=type=cache,target=/root/.cache", "--mount=type=secret,id=tok", "--mount=type=bind,source=.,target=/src",
      "--network=none", "--security=insecure", "--from=build", "--from=0", "--chown=1000:1000", "--chmod=0755",
      "--link", "--link=false", "--keep-git-dir", "--checksum=sha256:abc", "--interval=30s", "--timeout=3s",
      "--retries=3", "--start-period=5s", "--exclude=*.md", "--parents", "--bogus", "--", "--=", "--a=\"q v\"");
  private static final List<String> KEYWORDS = List.of("FROM", "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "ENV", "ARG",
      "LABEL", "USER", "WORKDIR", "EXPOSE", "VOLUME", "HEALTHCHECK", "SHELL", "ONBUILD", "STOPSIGNAL", "MAINTAINER",
      "from", "Run", "UNKNOWN", "COPY");
  private static final List<String> KEYS = List.of("A", "B", "PATH", "API_KEY", "DB_PASSWORD", "NODE_ENV", "my.label",
      "\"quoted key\"", "org.opencontainers.image.source", "HOME", "x-y");
  private static final List<String> VALUES = List.of("1", "\"two words\"", "'single'", "a\\ b", "$A", "${PATH}:/bin",
      "sk_test_Rb7Yv2Nq9Wx4Kc6Jt1Hs8Mf", "", "\"\"", "https://example.invalid", "\"unterminated", "x=y");
  private static final List<String> DIRECTIVES = List.of("# syntax=docker/dockerfile:1", "# escape=`", "# escape=\\",
      "# check=skip=all", "# check=error=true", "# escape=x", "#syntax = x", "# unknown=1", "# escape=`");
  private static final List<String> COMMENTS = List.of("# a comment", "#", "# dockerlint ignore=image-latest",
      "# hadolint ignore=DL3007,DL3002", "# dockerlint global ignore=healthcheck-missing", "  # indented",
      "# check=skip=SecretsUsedInArgOrEnv");

  private final Random random;
  private char escape = '\\';

  DockerfileGenerator(long seed) {
    this.random = new Random(seed);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  String dockerfile() {
    StringBuilder out = new StringBuilder();
    if (chance(3)) {
      out.append('\uFEFF');
    }
    if (chance(30)) {
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        String d = pick(DIRECTIVES);
        if (d.equals("# escape=`") && i == 0) {
          escape = '`';
        }
        out.append(d).append('\n');
      }
    }
    int lines = random.nextInt(12);
    for (int i = 0; i < lines; i++) {
      int kind = random.nextInt(100);
      if (kind < 8) {
        out.append(pick(COMMENTS)).append('\n');
      } else if (kind < 12) {
        out.append(chance(50) ? "" : "   ").append('\n');
      } else if (kind < 15) {
        out.append(randomText()).append('\n');
      } else {
        out.append(chance(10) ? "  " : "").append(instruction(pick(KEYWORDS))).append('\n');
      }
    }
    String text = out.toString();
    if (chance(10)) {
      text = text.replace("\n", "\r\n");
    }
    if (chance(15) && !text.isEmpty()) {
      text = text.substring(0, random.nextInt(text.length())); // cut anywhere: inside a quote, heredoc, JSON
    }
    return text;
  }

  private String instruction(String keyword) {
    StringBuilder line = new StringBuilder(keyword);
    int flags = chance(30) ? 1 + random.nextInt(3) : 0;
    for (int i = 0; i < flags; i++) {
      line.append(' ').append(pick(FLAGS));
    }
    line.append(' ');
    switch (keyword.toUpperCase(java.util.Locale.ROOT)) {
      case "FROM" -> {
        line.append(pick(IMAGES));
        if (chance(30)) {
          line.append(chance(80) ? " AS " : " as ").append(chance(80) ? "build" : "0");
        }
      }
      case "RUN", "CMD", "ENTRYPOINT", "SHELL" -> line.append(chance(25) ? json() : chance(20) ? heredocCommand() : shell());
      case "HEALTHCHECK" -> line.append(chance(30) ? "NONE" : "CMD " + (chance(50) ? json() : shell()));
      case "COPY", "ADD" -> line.append(chance(20) ? json() : chance(20) ? heredocCopy() : words(1 + random.nextInt(4)));
      case "ENV", "LABEL", "ARG" -> {
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
          line.append(i == 0 ? "" : " ").append(pick(KEYS));
          if (!keyword.equalsIgnoreCase("ARG") || chance(60)) {
            line.append(chance(85) ? "=" : " ").append(pick(VALUES));
          }
        }
      }
      case "ONBUILD" -> line.append(instruction(pick(List.of("RUN", "COPY", "ENV", "ONBUILD", "FROM"))));
      case "VOLUME", "EXPOSE" -> line.append(chance(30) ? json()
          : String.join(" ", pick(List.of("80", "443/tcp", "8000-8010/udp", "/data", "$PORT", "abc")), pick(VALUES)));
      default -> line.append(words(random.nextInt(4)));
    }
    return continuations(line.toString());
  }

  private String shell() {
    StringBuilder script = new StringBuilder();
    int commands = 1 + random.nextInt(4);
    for (int i = 0; i < commands; i++) {
      script.append(i == 0 ? "" : pick(OPERATORS)).append(words(1 + random.nextInt(5)));
    }
    return script.toString();
  }

  private String words(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(pick(WORDS));
    }
    return out.toString();
  }

  private String json() {
    StringBuilder out = new StringBuilder("[");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : ", ").append('"').append(pick(List.of("sh", "-c", "echo \\\"hi\\\"", "a\\u0041",
          "/bin/app", "x y", "\\\\", "é"))).append('"');
    }
    if (chance(90)) {
      out.append(']');
    }
    return out.toString();
  }

  private String heredocCommand() {
    String name = pick(List.of("EOF", "EOT", "END"));
    String marker = pick(List.of("<<", "<<-")) + pick(List.of(name, "\"" + name + "\"", "'" + name + "'"));
    return pick(List.of("", "bash ", "cat > /x ", "python3 ")) + marker + "\n" + body() + terminator(name, marker);
  }

  private String heredocCopy() {
    String name = pick(List.of("EOF", "FILE"));
    return "<<" + name + " /dest\n" + body() + terminator(name, "<<");
  }

  private String terminator(String name, String marker) {
    return chance(10) ? "" : (marker.startsWith("<<-") && chance(50) ? "\t" : "") + name;
  }

  private String body() {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.append(chance(20) ? "\t" : "").append(shell()).append('\n');
    }
    return out.toString();
  }

  /** Breaks a line at spaces with the escape character, sometimes with comment or empty lines between. */
  private String continuations(String line) {
    if (!chance(30) || line.contains("\n")) {
      return line;
    }
    StringBuilder out = new StringBuilder();
    for (String part : line.split(" ", -1)) {
      if (out.length() > 0) {
        if (chance(40)) {
          out.append(' ').append(escape).append(chance(10) ? "  " : "").append('\n');
          if (chance(15)) {
            out.append(chance(50) ? "# inside\n" : "\n");
          }
          out.append(chance(50) ? "    " : "");
        } else {
          out.append(' ');
        }
      }
      out.append(part);
    }
    if (chance(5)) {
      out.append(" ").append(escape); // ends with a continuation
    }
    return out.toString();
  }

  private String randomText() {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(30);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      char c = kind < 5 ? (char) (0x20 + random.nextInt(0x5F))
          : kind < 7 ? pick(List.of('\\', '`', '"', '\'', '$', '{', '}', '[', ']', '<', '#', '\r', '\t', '\u00a0'))
          : kind < 9 ? (char) random.nextInt(0x3000) : (char) (0xD800 + random.nextInt(0x800)); // lone surrogates too
      out.append(c);
    }
    return out.toString();
  }
}
