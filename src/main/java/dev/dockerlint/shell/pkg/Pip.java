package dev.dockerlint.shell.pkg;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.List;

/** How pip is run: {@code pip install}, {@code pip3.12 install}, {@code python3 -m pip install}. */
public final class Pip {
  private Pip() {}

  /**
   * For a pip install ({@code pip install}, {@code pip3.12 install}, {@code python3 -m pip install}),
   * the index in {@code words()} of the {@code install} word; -1 otherwise. {@code pipx} (and
   * {@code python -m pipx}) only when {@code withPipx}.
   */
  public static int installIndex(ShellCommand command, boolean withPipx) {
    String name = command.name();
    List<Word> words = command.words();
    int start;
    if (isPip(name) || withPipx && name.equals("pipx")) {
      start = 1;
    } else if (isPython(name)) {
      int m = -1;
      for (int i = 1; i < words.size(); i++) {
        String v = words.get(i).value();
        if (v.equals("-m")) {
          m = i;
          break;
        }
        if (!v.startsWith("-")) {
          return -1; // a script: python setup.py install
        }
      }
      if (m < 0 || m + 1 >= words.size()) {
        return -1;
      }
      String module = words.get(m + 1).value();
      if (!module.equals("pip") && !(withPipx && module.equals("pipx"))) {
        return -1;
      }
      start = m + 2;
    } else {
      return -1;
    }
    for (int i = start; i < words.size(); i++) {
      Word w = words.get(i);
      if (w.isFlag()) {
        continue;
      }
      return w.value().equals("install") ? i : -1;
    }
    return -1;
  }

  /** pip, pip3, pip3.12 (not pipx, pipenv). */
  public static boolean isPip(String name) {
    return isVersioned(name, "pip");
  }

  /** python, python3, python3.12. */
  public static boolean isPython(String name) {
    return isVersioned(name, "python");
  }

  /** {@code prefix} followed by digits and dots only. */
  private static boolean isVersioned(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isDigit(c) && c != '.') {
        return false;
      }
    }
    return true;
  }
}
