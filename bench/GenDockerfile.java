import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic Dockerfile of about N lines for the scaling benchmark. Run as a source file:
 * {@code java bench/GenDockerfile.java 100000 /tmp/big.Dockerfile}.
 *
 * <p>Half the lines are many small stages (FROM, ARG, ENV with variables, a continued RUN, a heredoc,
 * COPY --from the previous stage); the other half are single giant instructions that grow with N: one
 * ENV with N/8 key=value pairs, one RUN continued over N/8 lines, one heredoc of N/8 lines and one RUN
 * that references N/8 variables. A superlinear step in the parser, shell parser, variable expansion or a
 * rule shows up as a ratio above 10 per 10x lines.
 */
public final class GenDockerfile {
  public static void main(String[] args) throws IOException {
    int target = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    StringBuilder sb = new StringBuilder(target * 40);
    sb.append("# syntax=docker/dockerfile:1\n");
    sb.append("ARG BASE=alpine:3.20\n");
    int lines = 2;
    int big = Math.max(8, target / 8);
    int stage = 0;
    while (lines < target - 4 * big - 8) {
      lines += stage(sb, stage++);
    }
    // the giant instructions, each in the last stage
    sb.append("FROM ${BASE} AS giant\n");
    sb.append("ENV");
    for (int i = 0; i < big; i++) {
      sb.append(" \\\n    KEY_").append(i).append("=\"value ").append(i).append(" $KEY_").append(Math.max(0, i - 1)).append('"');
    }
    sb.append('\n');
    sb.append("RUN set -eux");
    for (int i = 0; i < big; i++) {
      sb.append(" \\\n    && echo step").append(i).append(" \"${KEY_").append(i).append(":-none}\" | tee -a /tmp/log").append(i % 7);
    }
    sb.append('\n');
    sb.append("RUN <<EOF\n");
    for (int i = 0; i < big; i++) {
      sb.append("echo heredoc line ").append(i).append(" $KEY_").append(i).append(" && ls /tmp > /dev/null\n");
    }
    sb.append("EOF\n");
    sb.append("RUN apk add --no-cache");
    for (int i = 0; i < big; i++) {
      sb.append(" \\\n    pkg").append(i).append("=1.").append(i).append(".0-r0");
    }
    sb.append('\n');
    sb.append("USER nobody\n");
    sb.append("CMD [\"/bin/sh\", \"-c\", \"echo done\"]\n");
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.print(sb);
    }
  }

  /** One small stage; returns the number of lines written. */
  private static int stage(StringBuilder sb, int n) {
    int before = count(sb);
    sb.append("FROM ${BASE} AS s").append(n).append('\n');
    sb.append("ARG VERSION_").append(n).append("=1.").append(n).append('\n');
    sb.append("ENV APP_HOME=/opt/app").append(n).append(" \\\n    PATH=\"/opt/app").append(n)
        .append("/bin:$PATH\" \\\n    VERSION=${VERSION_").append(n).append("}\n");
    sb.append("WORKDIR $APP_HOME\n");
    sb.append("RUN set -eux; \\\n");
    for (int i = 0; i < 12; i++) {
      sb.append("    if [ -d /opt/x").append(i).append(" ]; then echo \"$VERSION\" > /opt/x").append(i)
          .append("/v; fi; \\\n");
    }
    sb.append("    apk add --no-cache curl=8.9.1-r0 ca-certificates && rm -rf /var/cache/apk/*\n");
    sb.append("COPY <<EOF /etc/app").append(n).append(".conf\n");
    for (int i = 0; i < 8; i++) {
      sb.append("option").append(i).append(" = ${VERSION_").append(n).append("}\n");
    }
    sb.append("EOF\n");
    if (n > 0) {
      sb.append("COPY --from=s").append(n - 1).append(" /opt/app").append(n - 1).append(" /opt/prev\n");
    }
    sb.append("LABEL org.opencontainers.image.version=\"${VERSION}\"\n\n");
    return count(sb) - before;
  }

  private static int lineCount;
  private static int counted;

  private static int count(StringBuilder sb) {
    for (; counted < sb.length(); counted++) {
      if (sb.charAt(counted) == '\n') {
        lineCount++;
      }
    }
    return lineCount;
  }
}
