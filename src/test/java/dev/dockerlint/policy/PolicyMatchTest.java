package dev.dockerlint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each match kind and combinator of the pack language, both sides, through the whole linter. */
class PolicyMatchTest {
  private static PackTester forbid(String match) {
    return new PackTester("    message: \"found {stage}\"\n    match:\n      forbid:\n" + indent(match, 8));
  }

  private static String indent(String text, int spaces) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append(" ".repeat(spaces)).append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void instructionKeywordIsComparedWithoutCase() {
    PackTester t = forbid("instruction: MAINTAINER");
    t.check("FROM alpine:3.20\n[|maintainer|] me\n");
    t.check("FROM alpine:3.20\nLABEL maintainer=me\n");
    PackTester list = forbid("instruction: [ADD, ONBUILD]");
    list.check("FROM alpine:3.20\n[|ADD|] a /a\n[|ONBUILD|] RUN x\nCOPY a /a\n");
  }

  @Test
  void flagAndItsValue() {
    PackTester t = forbid("flag: {name: chown, value: \"root*\"}");
    t.check("FROM alpine:3.20\nCOPY [|--chown=root:root|] a /a\nCOPY --chown=app a /b\nCOPY a /c\n");
    PackTester any = forbid("flag: {name: platform}");
    any.check("FROM [|--platform=linux/amd64|] alpine:3.20\nFROM alpine:3.20\n");
  }

  @Test
  void fromImagePartsWithGlobalArgsResolved() {
    PackTester registry = new PackTester("    message: \"Image {image} ({tag}) is from elsewhere\"\n    match:\n"
        + "      forbid:\n        from:\n          registry: {not: [\"registry.example.com\", \"*.corp\"]}\n");
    List<Finding> found = registry.check("ARG BASE=docker.io/node:20\nFROM [|${BASE}|] AS build\n"
        + "FROM registry.example.com/node:20\nFROM build\nFROM eu.corp/app:1\nFROM scratch\nFROM [|python:3.12|]\n");
    assertThat(found).extracting(Finding::message)
        .containsExactly("Image docker.io/node:20 (20) is from elsewhere", "Image python:3.12 (3.12) is from elsewhere");
    // a variable without default leaves the image open: nothing to match
    registry.check("ARG BASE\nFROM ${BASE}\n");
    PackTester tag = forbid("from: {tag: {any: [latest, {absent: true}]}, digest: {absent: true}}");
    tag.check("FROM [|node|]\nFROM [|node:latest|]\nFROM node:20\nFROM node@sha256:" + "a".repeat(64) + "\n");
    PackTester repository = forbid("from: {repository: {regex: \"^library/|^bitnami/\"}}");
    repository.check("FROM [|docker.io/bitnami/redis:7|]\nFROM redis:7\n");
    PackTester image = forbid("from: {image: \"*:*-rc*\"}");
    image.check("FROM [|node:23-rc1|]\nFROM node:23\n");
  }

  @Test
  void runCommandNameSubcommandAndFlags() {
    PackTester apt = forbid("run: {name: [apt-get, apt], subcommand: install, not: {flag: --no-install-recommends}}");
    apt.check("FROM debian:12\nRUN apt-get update && [|apt-get install -y curl|]\n"
        + "RUN apt-get install -y --no-install-recommends curl\nRUN apt-get update\n"
        + "RUN [|sudo apt install -y git|]\n");
    // continuation lines and comments inside them
    apt.check("FROM debian:12\nRUN [|apt-get install \\\n# a comment\n    -y curl|]\n");
    // sh -c strings and heredoc scripts are commands too
    apt.check("FROM debian:12\nRUN sh -c '[|apt-get install -y curl|]'\n");
    apt.check("FROM debian:12\nRUN <<EOF\nset -e\n[|apt-get install -y curl|]\nEOF\n");
    apt.check("FROM debian:12\nRUN <<EOF\napt-get install -y --no-install-recommends curl\nEOF\n");
    // exec form
    apt.check("FROM debian:12\nRUN [\"apt-get\", \"install\", \"--no-install-recommends\", \"x\"]\n");
    apt.check("FROM debian:12\nRUN [|[\"apt-get\", \"install\", \"x\"]|]\n");
  }

  @Test
  void runArgumentsAndPipes() {
    PackTester curlSh = forbid("run: {name: [curl, wget], piped-into: {name: [sh, bash]}}");
    curlSh.check("FROM debian:12\nRUN [|curl -fsSL https://x/i.sh|] | sh\nRUN [|wget -qO- x|] | tee /l | sudo bash\n"
        + "RUN curl -fsSL x | tar -xz\nRUN curl -o i.sh x && sh i.sh\n");
    PackTester argument = forbid("run: {name: chmod, argument: {regex: \"^0?777$\"}}");
    argument.check("FROM debian:12\nRUN [|chmod 777 /x|] && chmod 755 /y\nRUN [|chmod -R 0777 /z|]\n");
    PackTester absent = forbid("run: {name: pip, subcommand: install, not: {argument: \"--no-cache-dir\"}}");
    absent.check("FROM python:3\nRUN [|pip install flask|]\nRUN pip install --no-cache-dir flask\n");
  }

  @Test
  void envArgAndLabelKeysAndValuesWithVariables() {
    PackTester env = forbid("env: {key: \"*_TOKEN\"}");
    env.check("FROM alpine:3.20\nENV A=1 [|GH_TOKEN=x|]\nENV TOKEN_FILE=/t\n");
    PackTester value = forbid("env: {key: PATH, value: {regex: \"^/tmp\"}}");
    value.check("FROM alpine:3.20\nARG DIR=/tmp/bin\nENV [|PATH=$DIR:/usr/bin|]\nENV PATH=/usr/bin\n");
    PackTester arg = forbid("arg: {key: VERSION, value: {absent: true}}");
    arg.check("ARG [|VERSION|]\nFROM alpine:3.20\nARG [|VERSION|]\nARG OTHER\nFROM alpine:3.20\nARG VERSION=1\n");
    PackTester label = forbid("label: {key: org.opencontainers.image.licenses, value: {not: {regex: \"^(MIT|Apache-2.0)$\"}}}");
    label.check("FROM alpine:3.20\nLABEL [|\"org.opencontainers.image.licenses\"=\"GPL-3.0\"|]\n"
        + "LABEL org.opencontainers.image.licenses=MIT\n");
  }

  @Test
  void userNameOrNumeric() {
    PackTester named = new PackTester("    message: \"USER {value} is not numeric\"\n    match:\n      stage: final\n"
        + "      forbid:\n        user: {numeric: false}\n");
    List<Finding> f = named.check("FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nARG U=app\n"
        + "USER [|$U|]\nUSER 1000:1000\n");
    assertThat(f).extracting(Finding::message).containsExactly("USER app is not numeric");
    PackTester root = forbid("user: {name: [root, \"0\"]}");
    root.check("FROM alpine:3.20\nUSER [|root|]\nUSER [|0:0|]\nUSER app\n");
  }

  @Test
  void exposePortsAndProtocols() {
    PackTester ssh = forbid("expose: {port: \"22\"}");
    ssh.check("FROM alpine:3.20\nEXPOSE 80 [|22/tcp|]\nARG P=22\nEXPOSE [|$P|]\nEXPOSE 2222\n");
    PackTester udp = forbid("expose: {protocol: udp}");
    udp.check("FROM alpine:3.20\nEXPOSE 53/tcp [|53/UDP|]\n");
  }

  @Test
  void addAndCopySourcesAndDestinations() {
    PackTester url = forbid("add: {source: {regex: \"^https?://\"}}");
    url.check("FROM alpine:3.20\nADD [|https://x/a.tgz|] /a\nADD a.tgz /a\nCOPY https://x/b /b\n"
        + "ARG URL=http://x/c\nADD [|$URL|] /c\n");
    PackTester dest = forbid("copy: {destination: \"/etc/*\"}");
    dest.check("FROM alpine:3.20\nCOPY [|a|] b /etc/\nCOPY a /app/\n");
  }

  @Test
  void stagesAnyFinalOrNamed() {
    String file = "FROM alpine:3.20 AS build\nRUN %sapk add gcc%s\nFROM alpine:3.20 AS test\nRUN %sapk add gcc%s\n"
        + "FROM alpine:3.20\nRUN %sapk add gcc%s\n";
    String match = "      forbid:\n        run: {name: apk}\n";
    new PackTester("    message: x\n    match:\n      stage: any\n" + match)
        .check(String.format(file, "[|", "|]", "[|", "|]", "[|", "|]"));
    new PackTester("    message: x\n    match:\n      stage: final\n" + match)
        .check(String.format(file, "", "", "", "", "[|", "|]"));
    new PackTester("    message: x\n    match:\n      stage: named TEST\n" + match)
        .check(String.format(file, "", "", "[|", "|]", "", ""));
  }

  @Test
  void requireInTheFinalStageOrInEachStage() {
    String require = "      require:\n        label: {key: org.opencontainers.image.source}\n";
    PackTester finalStage = new PackTester("    message: \"Stage {stage} ({image}) has no source label\"\n"
        + "    match:\n      stage: final\n" + require);
    List<Finding> f = finalStage.check("FROM alpine:3.20 AS build\nRUN make\n[|FROM alpine:3.20|]\nCOPY --from=build /a /a\n");
    assertThat(f).extracting(Finding::message).containsExactly("Stage 1 (alpine:3.20) has no source label");
    finalStage.check("FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x\n");
    // inherited from the stage the final one is built on
    finalStage.check("FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.source=https://x\nFROM base\n");
    PackTester each = new PackTester("    message: x\n    match:\n" + require);
    each.check("[|FROM alpine:3.20|] AS build\n"
        + "FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x\n");
    PackTester user = new PackTester("    message: x\n    match:\n      stage: final\n      require:\n"
        + "        user: {numeric: true}\n");
    user.check("FROM alpine:3.20\nUSER 10001\n");
    user.check("[|FROM alpine:3.20|]\nUSER app\n");
    user.check("[|FROM alpine:3.20|]\nONBUILD RUN x\n");
    user.check("FROM alpine:3.20\nONBUILD USER 1000\n");
  }

  @Test
  void allAnyAndNot() {
    PackTester all = forbid("all:\n  - instruction: COPY\n  - flag: {name: from}\n  - not: {flag: {name: link}}");
    all.check("FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY [|--from=b|] /a /a\nCOPY --link --from=b /a /a\nCOPY a a\n");
    PackTester any = forbid("any:\n  - run: {name: curl}\n  - add: {source: \"http*\"}");
    any.check("FROM alpine:3.20\nRUN [|curl x|]\nADD [|https://x|] /x\nRUN wget x\nADD a /a\n");
    PackTester not = forbid("all:\n  - instruction: HEALTHCHECK\n  - not: {instruction: HEALTHCHECK}");
    not.check("FROM alpine:3.20\nHEALTHCHECK CMD true\n");
    PackTester globs = forbid("run: {name: {all: [\"pip*\", {not: pipx}]}}");
    globs.check("FROM python:3\nRUN [|pip3 install x|] && pipx install y\n");
  }

  @Test
  void onbuildTriggersAreMatchedWhereTheyStand() {
    PackTester curl = forbid("run: {name: curl}");
    curl.check("FROM alpine:3.20\nONBUILD RUN [|curl x|]\n");
  }

  @Test
  void bracesInMessagesAndEveryPlaceholder() {
    PackTester t = new PackTester("    message: \"{{{command}}} in {stage}\"\n    match:\n      forbid:\n"
        + "        run: {name: curl}\n");
    assertThat(t.check("FROM alpine:3.20 AS web\nRUN [|curl -o x https://x|]\n")).extracting(Finding::message)
        .containsExactly("{curl} in web");
    PackTester keys = new PackTester("    message: \"{key}={value}\"\n    match:\n      forbid:\n"
        + "        env: {key: A}\n");
    assertThat(keys.check("FROM alpine:3.20\nENV [|A=\"b c\"|]\n")).extracting(Finding::message).containsExactly("A=b c");
  }
}
