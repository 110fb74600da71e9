package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Invalid;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.rules.RuleTester;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instructions layer and the build-time checks, on the validations the BuildKit conformance
 * file does not exercise (from BuildKit's source: bflag.go, commands_runmount.go,
 * commands_rundevice.go, parse.go, convert_copy.go, convert_runmount.go, moby/sys/signal). Each
 * invalid case has exactly one error, at the marked token, with BuildKit's message.
 */
class InstructionChecksTest {
  private static final String SUM = "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d";

  static Stream<Arguments> invalid() {
    return Stream.of(
        // flags
        Arguments.of("FROM a\nCOPY [|--frm=b|] x y\n", "unknown flag: --frm (did you mean from?)"),
        Arguments.of("FROM a\nCOPY [|--chown|] a /b\n", "missing a value on flag: --chown"),
        Arguments.of("FROM a\nCOPY [|--from|] build /app/public/* /usr/share/nginx/html\n",
            "missing a value on flag: --from"),
        Arguments.of("FROM a\nCOPY --link=[|yes|] a /b\n", "expecting boolean value for flag --link, not: yes"),
        Arguments.of("FROM a\nCOPY --from=a [|--from=b|] x /y\n", "duplicate flag specified: --from"),
        Arguments.of("FROM a\nCOPY --link \\\n  [|--link|] x /y\n", "duplicate flag specified: --link"),
        Arguments.of("FROM a\nADD --checksum [|x|]\n",
            "ADD requires at least two arguments, but only one was provided. Destination could not be determined"),
        Arguments.of("FROM a\nUSER [|--foo|] app\n", "unknown flag: --foo"),
        Arguments.of("FROM a\n[|USER|] --foo\n", "USER requires exactly one argument"),
        Arguments.of("FROM a\nENTRYPOINT [|--x|] [\"sh\"]\n", "unknown flag: --x"),
        Arguments.of("FROM a\nRUN --network=[|foo|] make\n", "invalid network mode \"foo\""),
        Arguments.of("FROM a\nRUN --security=[|Insecure|] make\n", "security \"Insecure\" is not valid"),
        Arguments.of("FROM a\nONBUILD [|--foo|] RUN x\n", "unknown flag: --foo"),
        Arguments.of("FROM alpine AS build [|extra|]\n", "FROM requires either one or three arguments"),
        Arguments.of("FROM alpine [|IS build|]\n", "FROM requires either one or three arguments"),
        Arguments.of("FROM alpine AS [|Build!|]\n",
            "invalid name for build stage: \"Build!\", name can't start with a number or contain symbols"),
        // durations and integers (Go's time.ParseDuration and strconv.ParseInt)
        Arguments.of("FROM a\nHEALTHCHECK --interval=[|abc|] CMD true\n", "time: invalid duration \"abc\""),
        Arguments.of("FROM a\nHEALTHCHECK --timeout=[|0.5ms|] CMD true\n", "Interval \"timeout\" cannot be less than 1ms"),
        Arguments.of("FROM a\nHEALTHCHECK --interval=[|-1s|] CMD true\n", "Interval \"interval\" cannot be less than 1ms"),
        Arguments.of("FROM a\nHEALTHCHECK --interval=[|1.5|] CMD true\n", "time: missing unit in duration \"1.5\""),
        Arguments.of("FROM a\nHEALTHCHECK --interval=[|.s|] CMD true\n", "time: invalid duration \".s\""),
        Arguments.of("FROM a\nHEALTHCHECK --retries=[|+x|] CMD true\n", "strconv.ParseInt: parsing \"+x\": invalid syntax"),
        Arguments.of("FROM a\n[|HEALTHCHECK|] --interval=5s\n", "HEALTHCHECK requires at least one argument"),
        // the frontend the file asks for
        Arguments.of("# syntax=docker/dockerfile:1.3\nFROM a\nCOPY [|--link|] a /b\n",
            "unknown flag: --link (the file asks for docker/dockerfile:1.3; --link needs docker/dockerfile:1.4 or later)"),
        Arguments.of("# syntax=docker/dockerfile:1.18\nFROM a\nCOPY [|--exclude=*.md|] . /app/\n",
            "unknown flag: --exclude (the file asks for docker/dockerfile:1.18; --exclude needs docker/dockerfile:1.19 "
                + "or later (or 1.7-labs))"),
        Arguments.of("# syntax=docker/dockerfile:1.5\nFROM a\nHEALTHCHECK [|--start-interval=1s|] CMD true\n",
            "unknown flag: --start-interval (the file asks for docker/dockerfile:1.5; --start-interval needs "
                + "docker/dockerfile:1.6 or later)"),
        Arguments.of("# syntax=docker/dockerfile:1.13\nFROM a\nRUN [|--device=a.com/b|] true\n",
            "unknown flag: --device (the file asks for docker/dockerfile:1.13; --device needs a labs frontend from 1.14 "
                + "such as docker/dockerfile:1-labs)"),
        Arguments.of("FROM a\nRUN [|--device=nvidia.com/gpu=all|] nvidia-smi\n",
            "device feature is only supported in Dockerfile frontend 1.14.0-labs or later"),
        Arguments.of("# syntax=docker/dockerfile:1.13\nFROM a\nCOPY --chmod=[|u+x|] a /b\n",
            "invalid chmod parameter: 'u+x'. it should be octal string and between 0 and 07777"),
        // RUN --mount, once variables are expanded
        Arguments.of("FROM a\nRUN --mount=[|type=cahce|],target=/x true\n",
            "unsupported mount type \"cahce\" (did you mean cache?)"),
        Arguments.of("FROM a\nRUN --mount=type=bind,[|foo=bar|] true\n", "unexpected key 'foo' in 'foo=bar' (did you mean from?)"),
        Arguments.of("FROM a\nRUN --mount=type=cache,target=/x,[|sharing=lockd|] true\n",
            "unsupported sharing value \"lockd\" (did you mean locked?)"),
        Arguments.of("FROM a\nRUN --mount=type=cache,target=/x,[|mode=999|] true\n", "invalid value 999 for mode"),
        Arguments.of("FROM a\nRUN --mount=type=bind,target=/x,[|mode=0755|] true\n", "mode not allowed for \"bind\" type mounts"),
        Arguments.of("FROM a\nRUN --mount=type=cache,target=/x,[|uid=me|] true\n", "invalid value me for uid"),
        Arguments.of("FROM a\nRUN --mount=[|type=secret|] true\n", "invalid secret mount. one of source, target required"),
        Arguments.of("FROM a\nRUN --mount=[|type=secret,id=a,from=b|] true\n", "secret mount should not have a from"),
        Arguments.of("FROM a\nRUN --mount=type=tmpfs,target=/t,[|size=1x|] true\n", "invalid value for size: 1x"),
        Arguments.of("FROM a\nRUN --mount=type=cache,target=/x,[|ro=maybe|] true\n", "invalid value for ro: maybe"),
        Arguments.of("FROM a\nRUN --mount=[|required|],type=secret,id=a true\n", "unexpected key 'required' for mount type 'bind'"),
        Arguments.of("FROM a\nRUN --mount=type=bind,[|src|] true\n", "invalid field 'src' must be a key=value pair"),
        Arguments.of("FROM a\nRUN --mount=type=cache,[|sharing=locked|],target=/x,type=bind true\n",
            "invalid cache sharing set for bind mount"),
        Arguments.of("FROM a\nARG T=cachez\nRUN --mount=[|type=$T|],target=/x true\n",
            "unsupported mount type \"cachez\" (did you mean cache?)"),
        Arguments.of("FROM a\nRUN --mount=[|type=bind,target=/|] true\n", "invalid mount target \"/\""),
        // COPY and ADD values
        Arguments.of("FROM a\nCOPY --chmod=[|888|] a /b\n",
            "invalid chmod parameter: '888'. it should be octal string and between 0 and 07777"),
        Arguments.of("FROM a\nADD --chmod=[|10000|] a /b\n",
            "invalid chmod parameter: '10000'. it should be octal string and between 0 and 07777"),
        Arguments.of("FROM a\nCOPY --chmod=[|u+q|] a /b\n", "invalid chmod parameter: 'u+q'. it should be octal string and "
            + "between 0 and 07777, or a symbolic mode such as u=rwx,go=rx"),
        Arguments.of("FROM a\nARG MODE=0999\nCOPY --chmod=[|$MODE|] a /b\n",
            "invalid chmod parameter: '0999'. it should be octal string and between 0 and 07777"),
        Arguments.of("FROM a\nADD --checksum=[|sha256:xyz|] https://example.com/a /a\n", "invalid checksum digest length"),
        Arguments.of("FROM a\nADD --checksum=[|md5:abc|] https://example.com/a /a\n", "unsupported digest algorithm"),
        Arguments.of("FROM a\nADD --checksum=[|sha256:|] https://example.com/a /a\n", "invalid checksum digest format"),
        Arguments.of("FROM a\nADD --checksum=" + SUM + " [|app.tar.gz|] /a\n", "checksum requires HTTP(S) or Git sources"),
        Arguments.of("FROM a\nADD [|--checksum=" + SUM + "|] https://example.com/a https://example.com/b /a/\n",
            "checksum can't be specified for multiple sources"),
        Arguments.of("FROM a\nCOPY [|https://example.com/a.tgz|] /a\n", "source can't be a URL for COPY"),
        Arguments.of("FROM a AS build\nFROM a\nARG STAGE=build\nCOPY --from=[|$STAGE|] /out /out\n",
            "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope "
                + "as a workaround"),
        // STOPSIGNAL (moby/sys/signal)
        Arguments.of("FROM a\nSTOPSIGNAL [|SIGFOO|]\n", "invalid signal: SIGFOO"),
        Arguments.of("FROM a\nSTOPSIGNAL [|0|]\n", "invalid signal: 0"),
        Arguments.of("FROM a\nARG SIG=HUPP\nSTOPSIGNAL [|$SIG|]\n", "invalid signal: HUPP"),
        // the check directive, read before the file is parsed
        Arguments.of("[|# check=foo|]\nFROM a\n", "failed to parse check options: invalid check option \"foo\""),
        Arguments.of("[|# check=error=maybe|]\nFROM a\n", "failed to parse check options: failed to parse check option "
            + "\"error=maybe\": strconv.ParseBool: parsing \"maybe\": invalid syntax"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void oneErrorAtTheToken(String marked, String message) {
    RuleTester.Marked m = RuleTester.Marked.of(marked);
    Dockerfile file = DockerfileParser.parse("Dockerfile", m.text());
    assertThat(file.syntaxErrors()).extracting(SyntaxError::message).containsExactly(message);
    assertThat(file.syntaxErrors()).extracting(SyntaxError::range).containsExactlyElementsOf(m.ranges());
  }

  static Stream<String> valid() {
    return Stream.of(
        // BuildKit checks an ONBUILD trigger only for being ONBUILD, FROM or MAINTAINER
        "FROM a\nONBUILD COPY app.py\nONBUILD FOO bar\nONBUILD RUN --bogus make\nONBUILD HEALTHCHECK --interval=x CMD y\n",
        "FROM a\nHEALTHCHECK --interval=0 --timeout=1ms --start-period=1h30m --retries=+3 CMD true\n",
        "FROM a\nHEALTHCHECK --interval=1\u00b5s500ms CMD true\n",
        "# syntax=docker/dockerfile:1.4\nFROM a\nCOPY --link a /b\n",
        "# syntax=docker/dockerfile:1.7-labs\nFROM a\nCOPY --exclude=*.md --parents . /app/\n",
        "# syntax=docker/dockerfile:labs\nFROM a\nRUN --device=nvidia.com/gpu=all --security=insecure nvidia-smi\n",
        "# syntax=example.com/my/frontend:2\nFROM a\nCOPY --parents --exclude=x . /app/\n",
        "# syntax=docker/dockerfile:1@sha256:" + SUM.substring(7) + "\nFROM a\nCOPY --parents . /app/\n",
        "FROM a\nRUN --mount=type=cache,target=/root/.cache,id=pip,sharing=private,mode=0700,uid=1000,gid=1000 true\n",
        "FROM a\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN,required=true --mount=type=ssh true\n",
        "FROM a\nRUN --mount=type=tmpfs,target=/tmp,size=64m --mount=type=bind,source=.,target=/src,rw true\n",
        "FROM a\nARG T\nRUN --mount=type=$T,target=/x,sharing=locked true\n", // T is known only at build time
        "FROM a\nARG DIR=/root/.cache\nRUN --mount=type=cache,target=${DIR} true\n",
        "FROM a\nCOPY --chmod=0755 a /b\nCOPY --chmod=u=rwx,go=rx a /b\nADD --chmod=a+rX,go-w a /b\n",
        "FROM a\nARG MODE\nCOPY --chmod=$MODE a /b\n",
        "FROM a\nADD --checksum=" + SUM + " https://example.com/a.tgz /a.tgz\n",
        "FROM a\nADD --checksum=abc123 https://github.com/moby/buildkit.git#v0.12.0 /src\n",
        "FROM a\nADD https://example.com/a.tgz /a.tgz\nCOPY <<EOF /etc/x\nhttps://example.com\nEOF\n",
        "FROM a AS build\nFROM a\nCOPY --from=build /out /out\nCOPY --from=0 /out /out\nCOPY --from=alpine:3.20 /etc/os-release /\n",
        "FROM a\nSTOPSIGNAL SIGTERM\nSTOPSIGNAL sigkill\nSTOPSIGNAL 9\nSTOPSIGNAL RTMIN+3\nSTOPSIGNAL QUIT\n",
        "FROM a\nARG SIG\nSTOPSIGNAL $SIG\n",
        "# check=skip=JSONArgsRecommended;error=true\nFROM a\n",
        "# check=skip=all;experimental=all\nFROM a\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void valid(String source) {
    assertThat(DockerfileParser.parse("Dockerfile", source).syntaxErrors()).isEmpty();
  }

  @Test
  void anInstructionDockerRejectsIsNotOfferedAsWhatItLooksLike() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM a\nCOPY --from build /app/public/* /usr/share/nginx/html\n");
    assertThat(file.instructions(Copy.class)).isEmpty();
    assertThat(file.stages().get(0).instructions()).singleElement().isInstanceOf(Invalid.class);
    Invalid invalid = (Invalid) file.instructions().get(1);
    assertThat(invalid.parsed()).isInstanceOf(Copy.class);
    assertThat(invalid.error().message()).isEqualTo("missing a value on flag: --from");
    assertThat(invalid.keyword().text()).isEqualTo("COPY");
  }

  @Test
  void aRejectedFromStillStartsAStageButItsBaseIsUnknown() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM --platform linux/amd64 alpine:3.20\nRUN true\n");
    assertThat(file.stages()).singleElement().satisfies(s -> {
      assertThat(s.image()).isEmpty();
      assertThat(s.instructions()).hasSize(1);
    });
  }

  @Test
  void eachLayerKeepsItsErrors() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM a\nSTOPSIGNAL NOPE\nUSER\nENV A=b c\n");
    assertThat(file.syntaxErrors()).extracting(SyntaxError::layer).containsExactly(
        SyntaxError.Layer.DISPATCH, SyntaxError.Layer.INSTRUCTIONS, SyntaxError.Layer.PARSER);
    assertThat(file.syntaxErrors().get(2).fatal()).isTrue();
  }

  @Test
  void goDurationsAndNumbers() {
    assertThat(GoValues.duration("1h2m3.5s").nanos()).isEqualTo(3_723_500_000_000L);
    assertThat(GoValues.duration("-1.5h").nanos()).isEqualTo(-5_400_000_000_000L);
    assertThat(GoValues.duration("30sec").error()).isEqualTo("time: unknown unit \"sec\" in duration \"30sec\"");
    assertThat(GoValues.duration("9999999999h").error()).isEqualTo("time: invalid duration \"9999999999h\"");
    assertThat(GoValues.duration("").error()).isEqualTo("time: invalid duration \"\"");
    assertThat(GoValues.parseInt("2147483647", 32).value()).isEqualTo(2147483647L);
    assertThat(GoValues.parseInt("-2147483649", 32).error()).endsWith("value out of range");
    assertThat(GoValues.isUint("0755", 8, 32)).isTrue();
    assertThat(GoValues.isUint("0758", 8, 32)).isFalse();
    assertThat(GoValues.isRamSize("1.5GiB")).isTrue();
    assertThat(GoValues.isRamSize("64 m")).isTrue();
    assertThat(GoValues.isRamSize("lots")).isFalse();
    assertThat(GoValues.csv("a=\"b,c\",d").error()).isEqualTo("parse error on line 1, column 3: bare \" in non-quoted-field");
    assertThat(GoValues.csv("\"a,b\",c").fields()).containsExactly("a,b", "c");
    assertThat(GoValues.csv("\"a\"\"b\"").fields()).containsExactly("a\"b");
    assertThat(GoValues.csv("\"a\"b").error()).isEqualTo("parse error on line 1, column 3: extraneous or missing \" in quoted-field");
    assertThat(DispatchChecks.isSymbolicMode("u=rwx,go=u-w")).isTrue();
    assertThat(DispatchChecks.isSymbolicMode("+X")).isTrue();
    assertThat(DispatchChecks.isSymbolicMode("u")).isFalse();
    assertThat(DispatchChecks.isSymbolicMode("u+x,")).isFalse();
    assertThat(DispatchChecks.isSignal("-9")).isTrue();
    assertThat(List.of("SIGRTMAX-15", "sigwinch", "CLD")).allMatch(DispatchChecks::isSignal);
  }
}
