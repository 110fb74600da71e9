package dev.dockerlint.rules;

import dev.dockerlint.lint.Rule;
import java.util.List;

/** Every built-in rule, sorted by id. Adding a rule means adding its class to this one list. */
public final class BuiltinRules {
  private BuiltinRules() {}

  public static List<Rule> all() {
    return List.of(
        new AptCleanup(),
        new AptNoInstallRecommends(),
        new AptUseAptGet(),
        new BuildToolsInFinalStage(),
        new CacheMountSuggested(),
        new CopyBeforeInstall(),
        new CurlPipeShell(),
        new DockerignoreIncomplete(),
        new DockerignoreMissing(),
        new HealthcheckMissing(),
        new ImageLatest(),
        new ImageUntagged(),
        new InitProcess(),
        new InstallMissingYes(),
        new InstallThenRemove(),
        new LabelSchema(),
        new NpmCi(),
        new PackageCacheLeft(),
        new PackageUnpinned(),
        new PipNoCacheDir(),
        new Pipefail(),
        new PythonUnbuffered(),
        new RunCd(),
        new RunConsecutive(),
        new RunSudo(),
        new RunUselessCommand(),
        new SecretInEnv(),
        new SecretLiteral(),
        new SyntaxErrorRule(),
        new TlsVerificationDisabled(),
        new UnsignedPackages(),
        new UserRoot(),
        new WgetAndCurl());
  }
}
