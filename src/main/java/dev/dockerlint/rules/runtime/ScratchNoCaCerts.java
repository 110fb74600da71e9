package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.CopyFrom;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code scratch} holds no CA certificates: an HTTPS client in it fails every handshake with
 * "certificate signed by unknown authority" unless the bundle is copied in. Reported only when the
 * Dockerfile shows that the program talks TLS, since many scratch images never do.
 */
public final class ScratchNoCaCerts implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("scratch-no-ca-certs", Severity.INFO,
      "A scratch final stage that uses TLS copies no CA certificates");

  private static final String[] ARCHIVES = {".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2",
      ".tar.zst"};

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Optional<Stage> last = file.finalStage();
    if (last.isEmpty()) {
      return;
    }
    List<Stage> shipped = file.lineage(last.get());
    Optional<ImageRef> root = file.rootImage(last.get());
    if (root.isEmpty() || !root.get().isScratch() || copiesCertificates(shipped)) {
      return;
    }
    String evidence = tlsEvidence(file, shipped);
    if (evidence != null) {
      Stage rootStage = shipped.get(shipped.size() - 1);
      context.report(rootStage.from().image(), "The final image is built on scratch, which has no CA certificates, "
          + "and nothing copies them in, though " + evidence + "; TLS connections will fail with 'certificate signed "
          + "by unknown authority': COPY --from=<build stage> /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/");
    }
  }

  /** A COPY or ADD of certificates, a CA bundle, a whole file system or a root file system archive. */
  private static boolean copiesCertificates(List<Stage> shipped) {
    for (Stage stage : shipped) {
      for (FileTransfer transfer : stage.instructions(FileTransfer.class)) {
        if (transfer.destination() != null && (looksLikeCertificates(transfer.destination().text())
            || Word.normalizePath(transfer.destination().text()).equals("/"))) {
          return true;
        }
        for (Token source : transfer.sources()) {
          String text = source.text();
          if (looksLikeCertificates(text) || Word.normalizePath(text).equals("/")) {
            return true;
          }
          if (transfer instanceof Add && !text.contains("://")) {
            for (String archive : ARCHIVES) {
              if (text.endsWith(archive)) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean looksLikeCertificates(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.contains("/etc/ssl") || p.contains("/etc/pki") || p.contains("ca-certificates") || p.contains("cacert")
        || p.contains("ca-bundle") || p.endsWith(".crt") || p.endsWith(".pem");
  }

  /** Why the program seems to talk TLS, as the message says it; null when nothing says so. */
  private static String tlsEvidence(Dockerfile file, List<Stage> shipped) {
    for (Stage stage : shipped) {
      for (Instruction instruction : stage.instructions()) {
        int line = instruction.range().startLine();
        if (instruction instanceof Env env) {
          for (KeyValue pair : env.pairs()) {
            String name = pair.key().text();
            if (name.equals("SSL_CERT_FILE") || name.equals("SSL_CERT_DIR")) {
              return "ENV " + name + " expects certificates (line " + line + ")";
            }
            if (file.scopeAt(env).expand(pair.value().text()).value().contains("https://")) {
              return "ENV " + name + " is an https:// URL (line " + line + ")";
            }
          }
        }
        CommandLine command = instruction instanceof Cmd cmd ? cmd.command()
            : instruction instanceof Entrypoint entrypoint ? entrypoint.command() : null;
        if (mentionsHttps(command)) {
          return instruction.name() + " passes an https:// URL (line " + line + ")";
        }
      }
    }
    // the stages the shipped ones copy from, and the stages those are built on
    boolean[] shippedStage = new boolean[file.stages().size()];
    for (Stage stage : shipped) {
      shippedStage[stage.index()] = true;
    }
    boolean[] copiedFrom = new boolean[file.stages().size()];
    for (CopyFrom copy : file.copyFroms()) {
      Optional<Stage> source = file.sourceStage(copy);
      for (Stage s = source.isPresent() && shippedStage[copy.stage().index()] ? source.get() : null;
          s != null && !copiedFrom[s.index()];
          s = s.isBuiltOnStage() && s.baseStage() < s.index() ? file.stages().get(s.baseStage()) : null) {
        copiedFrom[s.index()] = true;
      }
    }
    for (ShellRun run : file.shellRuns(false)) {
      if (!copiedFrom[run.stage().index()]) {
        continue;
      }
      for (ShellCommand raw : run.commands()) {
        ShellCommand command = raw.unwrapped();
        if (command.is("update-ca-certificates") || installsCaCertificates(command)) {
          return "stage " + describe(run.stage()) + " installs them (line " + run.run().range().startLine() + ")";
        }
      }
    }
    return null;
  }

  private static boolean installsCaCertificates(ShellCommand command) {
    for (Word word : PackageManager.installedPackages(command)) {
      if (PackageManager.packageName(command, word.value()).equals("ca-certificates")) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsHttps(CommandLine command) {
    if (command instanceof ExecForm exec) {
      for (Token argument : exec.arguments()) {
        if (argument.text().contains("https://")) {
          return true;
        }
      }
    } else if (command instanceof ShellForm shell) {
      return shell.text().text().contains("https://");
    }
    return false;
  }

  private static String describe(Stage stage) {
    return stage.name() != null ? "'" + stage.name() + "'" : "#" + stage.index();
  }
}
