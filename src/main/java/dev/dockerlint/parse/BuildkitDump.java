package dev.dockerlint.parse;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Expose;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.Maintainer;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stopsignal;
import dev.dockerlint.ast.Token;
import dev.dockerlint.ast.Unknown;
import dev.dockerlint.ast.User;
import dev.dockerlint.ast.Volume;
import dev.dockerlint.ast.Workdir;
import java.util.List;
import java.util.Locale;

/**
 * Prints a parse in the format of BuildKit's parser test vectors ({@code testfiles/<case>/result}):
 * one line per instruction, {@code (keyword ["--flag"] "arg" ...)}, strings quoted as Go's
 * {@code strconv.Quote} does, ONBUILD triggers nested.
 */
public final class BuildkitDump {
  private BuildkitDump() {}

  public static String dump(ParsedSyntax syntax) {
    StringBuilder out = new StringBuilder();
    for (Instruction instruction : syntax.instructions()) {
      out.append('(').append(node(instruction)).append(")\n");
    }
    return out.toString();
  }

  private static String node(Instruction instruction) {
    StringBuilder out = new StringBuilder(instruction.keyword().text().toLowerCase(Locale.ROOT));
    List<Flag> flags = instruction.flags();
    if (!flags.isEmpty()) {
      out.append(" [");
      for (int i = 0; i < flags.size(); i++) {
        out.append(i == 0 ? "" : " ").append(GoStrings.quote(flags.get(i).buildkitText()));
      }
      out.append(']');
    }
    if (instruction instanceof Onbuild onbuild) {
      if (onbuild.trigger() != null) {
        out.append(" (").append(node(onbuild.trigger())).append(')');
      }
    } else {
      for (String value : values(instruction)) {
        out.append(' ').append(GoStrings.quote(value));
      }
    }
    // BuildKit trims each node's text (only visible for an empty keyword)
    return out.toString().strip();
  }

  private static List<String> values(Instruction instruction) {
    java.util.ArrayList<String> v = new java.util.ArrayList<>();
    if (instruction instanceof From from) {
      if (!from.image().text().isEmpty()) {
        add(v, from.image()); // empty stands for a missing image
      }
      add(v, from.asKeyword());
      add(v, from.stageName());
    } else if (instruction instanceof Run run) {
      command(v, run.command());
    } else if (instruction instanceof Cmd cmd) {
      command(v, cmd.command());
    } else if (instruction instanceof Entrypoint entrypoint) {
      command(v, entrypoint.command());
    } else if (instruction instanceof Shell shell) {
      command(v, shell.command());
    } else if (instruction instanceof Healthcheck healthcheck) {
      add(v, healthcheck.type());
      command(v, healthcheck.command());
    } else if (instruction instanceof Copy copy) {
      copy.sources().forEach(t -> add(v, t));
      add(v, copy.destination());
    } else if (instruction instanceof Add addInstruction) {
      addInstruction.sources().forEach(t -> add(v, t));
      add(v, addInstruction.destination());
    } else if (instruction instanceof Env env) {
      pairs(v, env.pairs());
    } else if (instruction instanceof Label label) {
      pairs(v, label.pairs());
    } else if (instruction instanceof Arg arg) {
      for (ArgDeclaration d : arg.declarations()) {
        v.add(d.defaultValue() == null ? d.name().text() : d.name().text() + "=" + d.defaultValue().text());
      }
    } else if (instruction instanceof Expose expose) {
      expose.ports().forEach(t -> add(v, t));
    } else if (instruction instanceof Volume volume) {
      volume.paths().forEach(t -> add(v, t));
    } else if (instruction instanceof User user) {
      add(v, user.user());
    } else if (instruction instanceof Workdir workdir) {
      add(v, workdir.path());
    } else if (instruction instanceof Stopsignal stopsignal) {
      add(v, stopsignal.signal());
    } else if (instruction instanceof Maintainer maintainer) {
      add(v, maintainer.maintainer());
    } else if (instruction instanceof Unknown) {
      v.add(""); // BuildKit keeps one empty node for an unknown instruction's arguments
    }
    return v;
  }

  private static void add(List<String> values, Token token) {
    if (token != null) {
      values.add(token.text());
    }
  }

  private static void command(List<String> values, CommandLine command) {
    if (command instanceof ExecForm exec) {
      exec.arguments().forEach(t -> values.add(t.text()));
    } else if (command instanceof ShellForm shell) {
      values.add(shell.text().text());
    }
  }

  private static void pairs(List<String> values, List<KeyValue> pairs) {
    for (KeyValue pair : pairs) {
      values.add(pair.key().text());
      values.add(pair.value() == null ? "" : pair.value().text());
      values.add(pair.legacy() ? "" : "=");
    }
  }
}
