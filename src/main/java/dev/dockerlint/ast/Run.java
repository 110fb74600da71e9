package dev.dockerlint.ast;

import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;

/** {@code RUN}; its {@code --mount} flags are read with {@link Flag#keyValues()}. */
public record Run(Token keyword, List<Flag> flags, SourceRange range, CommandLine command)
    implements Instruction {
  public Run {
    flags = List.copyOf(flags);
  }

  public List<Flag> mounts() {
    return flags("mount");
  }

  /** True when a {@code --mount=type=cache} or {@code type=tmpfs} covers {@code directory}. */
  public boolean mountsCacheOn(String directory) {
    String wanted = trimSlash(directory);
    for (Flag mount : mounts()) {
      var kv = mount.keyValues();
      String type = kv.getOrDefault("type", "bind");
      String target = kv.getOrDefault("target", kv.getOrDefault("dst", kv.getOrDefault("destination", "")));
      if ((type.equals("cache") || type.equals("tmpfs")) && trimSlash(target).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if any mount of the RUN is a cache or tmpfs whose target (trailing {@code /}, {@code /*},
   * {@code /.} dropped) is one of the suffixes or ends with {@code /} and one of them:
   * {@code .cache/pip} covers {@code /root/.cache/pip}.
   */
  public boolean mountsCacheEndingWith(String... suffixes) {
    for (Flag mount : mounts()) {
      var kv = mount.keyValues();
      String type = kv.getOrDefault("type", "bind");
      String target = Word.normalizePath(
          kv.getOrDefault("target", kv.getOrDefault("dst", kv.getOrDefault("destination", ""))));
      if (!type.equals("cache") && !type.equals("tmpfs")) {
        continue;
      }
      for (String suffix : suffixes) {
        if (target.equals(suffix) || target.endsWith(suffix.startsWith("/") ? suffix : "/" + suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The heredocs whose bodies a shell runs as its script ({@code RUN <<EOF}, {@code RUN bash <<EOF},
   * {@code RUN <<EOF sh -e}), in order; empty for exec form, for a stage whose SHELL is not a POSIX
   * shell, and for bodies given to other programs ({@code python3 <<EOF}, {@code cat <<EOF > f}).
   * Their commands are already part of the shell-form script.
   */
  public List<HeredocScript> heredocScripts() {
    return command instanceof ShellForm shell ? shell.heredocScripts() : List.of();
  }

  /**
   * The commands this RUN runs, as the programs they really run ({@link ShellCommand#invoked()}):
   * every command of a shell-form script, or the exec-form argument list as one command.
   */
  public List<ShellCommand> invokedCommands() {
    List<ShellCommand> result = new ArrayList<>();
    if (command instanceof ShellForm shell) {
      for (ShellCommand c : shell.script().commands()) {
        ShellCommand invoked = c.invoked();
        if (invoked != null) {
          result.add(invoked);
        }
      }
    } else if (command instanceof ExecForm exec && !exec.arguments().isEmpty()) {
      List<Word> words = new ArrayList<>();
      for (Token argument : exec.arguments()) {
        words.add(new Word(argument.text(), argument.text(), argument.range(), false, false));
      }
      ShellCommand invoked = new ShellCommand(List.of(), words, exec.range(), Separator.END, 0).invoked();
      if (invoked != null) {
        result.add(invoked);
      }
    }
    return result;
  }

  private static String trimSlash(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
