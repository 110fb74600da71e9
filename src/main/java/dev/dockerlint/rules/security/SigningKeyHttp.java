package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A package-signing key fetched over plain http: whoever can change the download can sign packages
 * that the package manager then installs as genuine. Signature checks are only as good as the key.
 */
public final class SigningKeyHttp implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("signing-key-http", Severity.ERROR,
      "A package signing key is fetched over plain http").withTags("security").security(8.0);

  /** Where apt and rpm read trusted keys from: a download written there is trusted as it is. */
  private static final String[] KEYRING_DIRECTORIES = {"/etc/apt/trusted.gpg.d/", "/etc/apt/keyrings/",
      "/usr/share/keyrings/", "/etc/pki/rpm-gpg/"};

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      ShellScript script = run.script();
      List<ShellCommand> commands = script.commands();
      Map<String, Integer> imports = null; // built when a RUN downloads over http at all
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand raw = commands.get(i);
        ShellCommand command = raw.invoked();
        if (command == null) {
          continue;
        }
        if (command.is("curl") || command.is("wget")) {
          Word url = httpUrl(command.arguments());
          if (url == null) {
            continue;
          }
          String importer = pipedIntoImporter(script, i);
          String output = importer == null ? output(command, url) : null;
          if (importer == null && output != null) {
            if (imports == null) {
              imports = lastImports(commands);
            }
            importer = isKeyring(output) ? "the keyring " + output : importerOf(commands, imports, i, output);
          }
          if (importer != null) {
            context.report(url.range(), message(url.value(), importer));
          }
        } else {
          // the importer fetches the key itself: apt-key adv --fetch-keys URL, gpg --fetch-keys URL,
          // rpm --import URL (a keyserver named by --keyserver is not it: --recv-keys checks the
          // fingerprint it asks for)
          Word url = fetchedUrl(command);
          if (url != null) {
            context.report(url.range(), message(url.value(), describeImporter(command)));
          }
        }
      }
    }
  }

  private static String message(String url, String importer) {
    return "The signing key '" + url + "' is fetched over plain http into " + importer + ", so anyone on the "
        + "network path can swap it and sign packages the image then trusts; fetch it over https and check its "
        + "fingerprint";
  }

  /** The first argument that is a plain http URL. */
  private static Word httpUrl(List<Word> arguments) {
    for (Word word : arguments) {
      if (word.value().startsWith("http://")) {
        return word;
      }
    }
    return null;
  }

  /** The plain http URL an importer downloads a key from itself, or null. */
  private static Word fetchedUrl(ShellCommand command) {
    List<Word> args = command.arguments();
    if (command.is("rpm") || command.is("rpmkeys")) {
      return command.hasFlag("--import") ? httpUrl(command.positionalArguments()) : null;
    }
    if (!command.is("apt-key") && !command.is("gpg") && !command.is("gpg2")) {
      return null;
    }
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if (v.equals("--fetch-keys") || v.equals("--fetch-key")) {
        for (int j = i + 1; j < args.size() && !args.get(j).isFlag(); j++) {
          if (args.get(j).value().startsWith("http://")) {
            return args.get(j);
          }
        }
      }
    }
    return null;
  }

  /** The key importer the download's output is piped into ({@code | gpg --dearmor | apt-key add -}), or null. */
  private static String pipedIntoImporter(ShellScript script, int download) {
    int reader = script.pipeReader(download);
    for (int guard = 0; reader >= 0 && guard < 16; guard++) {
      ShellCommand command = script.commands().get(reader).unwrapped();
      String importer = describeImporter(command);
      if (importer == null && command.is("tee")) {
        for (Word target : command.positionalArguments()) {
          if (isKeyring(target.value())) {
            importer = "the keyring " + target.value();
          }
        }
      }
      if (importer != null) {
        return importer;
      }
      reader = script.pipeReader(reader);
    }
    return null;
  }

  /**
   * {@code 'apt-key add'}, {@code 'gpg --import'}, {@code 'rpm --import'} and the like, as a message
   * names them; null for any other command.
   */
  private static String describeImporter(ShellCommand command) {
    if (command.is("apt-key")) {
      Word sub = command.firstPositional(java.util.Set.of("--keyring"));
      return sub == null ? null : "'apt-key " + sub.value() + "'";
    }
    if (command.is("gpg") || command.is("gpg2")) {
      for (String flag : new String[] {"--import", "--dearmor", "--fetch-keys"}) {
        if (command.hasFlag(flag)) {
          return "'" + command.name() + " " + flag + "'";
        }
      }
      return null;
    }
    if (command.is("rpm") || command.is("rpmkeys")) {
      return command.hasFlag("--import") ? "'" + command.name() + " --import'" : null;
    }
    return null;
  }

  /** The file a download writes: curl's {@code -o}/{@code --output}, wget's {@code -O} or the URL's last segment. */
  private static String output(ShellCommand command, Word url) {
    List<Word> args = command.arguments();
    String flag = command.is("curl") ? "-o" : "-O";
    String longFlag = command.is("curl") ? "--output" : "--output-document";
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if ((v.equals(flag) || v.equals(longFlag)) && i + 1 < args.size()) {
        String out = args.get(i + 1).value();
        return out.equals("-") ? null : out;
      }
      if (v.startsWith(longFlag + "=")) {
        return v.substring(longFlag.length() + 1);
      }
      if (v.length() > 2 && v.startsWith(flag) && !v.startsWith("--")) {
        String out = v.substring(2);
        return out.equals("-") ? null : out;
      }
      if (command.is("wget") && v.startsWith("-") && !v.startsWith("--") && v.endsWith("O") && i + 1 < args.size()) {
        String out = args.get(i + 1).value(); // wget -qO key.asc
        return out.equals("-") ? null : out;
      }
    }
    if (command.is("curl") && !command.hasAnyFlag("-O", "--remote-name")) {
      return null; // curl without -o writes to stdout
    }
    String path = url.value();
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    int slash = path.lastIndexOf('/');
    return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : null;
  }

  /**
   * For each word an importer of the RUN names (its files, by path and by base name), the index of
   * the last importer that names it: one pass, so that many downloads in one RUN stay linear.
   */
  private static Map<String, Integer> lastImports(List<ShellCommand> commands) {
    Map<String, Integer> last = new HashMap<>();
    for (int j = 0; j < commands.size(); j++) {
      ShellCommand command = commands.get(j).invoked();
      if (command == null || importerName(command) == null) {
        continue;
      }
      for (Word operand : command.arguments()) {
        String v = operand.value();
        last.put(v, j);
        last.put(v.substring(v.lastIndexOf('/') + 1), j);
      }
    }
    return last;
  }

  /** A later command of the same RUN that imports {@code file}, as a message names it, or null. */
  private static String importerOf(List<ShellCommand> commands, Map<String, Integer> imports, int after, String file) {
    String base = file.substring(file.lastIndexOf('/') + 1);
    Integer at = imports.get(file);
    Integer byBase = imports.get(base);
    int j = Math.max(at == null ? -1 : at, byBase == null ? -1 : byBase);
    return j > after ? importerName(commands.get(j).invoked()) : null;
  }

  /** {@link #describeImporter}, or a cp/mv/install into a keyring directory. */
  private static String importerName(ShellCommand command) {
    String importer = describeImporter(command);
    if (importer == null && (command.is("cp") || command.is("mv") || command.is("install"))) {
      List<Word> positional = command.positionalArguments();
      if (positional.size() >= 2 && isKeyring(positional.get(positional.size() - 1).value() + "/")) {
        importer = "the keyring " + positional.get(positional.size() - 1).value();
      }
    }
    return importer;
  }

  private static boolean isKeyring(String path) {
    for (String directory : KEYRING_DIRECTORIES) {
      if (path.startsWith(directory) || (path + "/").equals(directory)) {
        return true;
      }
    }
    return path.equals("/etc/apt/trusted.gpg");
  }
}
