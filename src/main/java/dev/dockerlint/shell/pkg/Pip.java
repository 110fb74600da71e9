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

  /**
   * The long options {@code pip install} accepts: pip's general, package index, package selection
   * and install options (pip 25), and those older pips took ({@code --no-use-pep517},
   * {@code --global-option}, {@code --install-option}). Abbreviations are resolved against all of
   * them, so a prefix counts only where no option pip ever had shares it.
   */
  private static final String[] INSTALL_LONG_OPTIONS = {
      "--help", "--debug", "--isolated", "--require-virtualenv", "--require-venv", "--python", "--verbose",
      "--version", "--quiet", "--log", "--log-file", "--local-log", "--no-input", "--keyring-provider", "--proxy",
      "--retries", "--timeout", "--default-timeout", "--exists-action", "--trusted-host", "--cert", "--client-cert",
      "--cache-dir", "--no-cache-dir", "--disable-pip-version-check", "--no-color", "--no-python-version-warning",
      "--use-feature", "--use-deprecated", "--resume-retries",
      "--index-url", "--pypi-url", "--extra-index-url", "--no-index", "--find-links", "--uploaded-prior-to",
      "--pre", "--all-releases", "--only-final", "--no-binary", "--only-binary", "--prefer-binary",
      "--requirement", "--constraint", "--build-constraint", "--requirements-from-script", "--no-deps",
      "--no-dependencies", "--only-deps", "--only-dependencies", "--group", "--editable", "--dry-run", "--target",
      "--platform", "--python-version", "--implementation", "--abi", "--user", "--no-user", "--root", "--prefix",
      "--src", "--source", "--source-dir", "--source-directory", "--upgrade", "--upgrade-strategy",
      "--force-reinstall", "--ignore-installed", "--ignore-requires-python", "--no-build-isolation", "--use-pep517",
      "--no-use-pep517", "--check-build-dependencies", "--break-system-packages", "--config-settings",
      "--global-option", "--install-option", "--compile", "--no-compile", "--no-warn-script-location",
      "--no-warn-conflicts", "--no-clean", "--require-hashes", "--progress-bar", "--root-user-action", "--report"};

  /**
   * The {@code pip install} long option a word names, as pip's option parser (Python's optparse)
   * reads it: the option itself, or a prefix of exactly one option ({@code --no-cache} and
   * {@code --no-ca} name {@code --no-cache-dir}); a value after {@code =} is left out. Null when the
   * word is not a long option, is a prefix of several ({@code --no-c}: --no-cache-dir, --no-clean,
   * --no-color, --no-compile; pip stops with "ambiguous option"), or of none.
   */
  public static String installOption(String word) {
    if (!word.startsWith("--") || word.length() == 2) {
      return null;
    }
    int eq = word.indexOf('=');
    String name = eq < 0 ? word : word.substring(0, eq);
    String match = null;
    for (String option : INSTALL_LONG_OPTIONS) {
      if (option.equals(name)) {
        return option;
      }
      if (option.startsWith(name)) {
        if (match != null) {
          return null;
        }
        match = option;
      }
    }
    return match;
  }

  /**
   * True if a {@code pip install} command has the long option {@code option}, written out or
   * abbreviated as pip accepts it ({@link #installOption}); options stop at an unquoted {@code --}.
   */
  public static boolean hasInstallOption(ShellCommand command, String option) {
    for (Word word : command.arguments()) {
      if (word.value().equals("--") && !word.quoted()) {
        return false;
      }
      if (word.isLongFlag() && option.equals(installOption(word.value()))) {
        return true;
      }
    }
    return false;
  }
}
