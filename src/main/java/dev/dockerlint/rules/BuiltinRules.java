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
        new CopyDestSlash(),
        new CopyFromSelf(),
        new CopyFromUnknownStage(),
        new CopyRelativeNoWorkdir(),
        new CurlPipeShell(),
        new DockerignoreIncomplete(),
        new DockerignoreMissing(),
        new DuplicateInstruction(),
        new ExposeInvalid(),
        new ExposeSsh(),
        new FromAsCasing(),
        new HealthcheckMissing(),
        new ImageLatest(),
        new ImageUntagged(),
        new InitProcess(),
        new InstallMissingYes(),
        new InstallThenRemove(),
        new JsonArgs(),
        new JsonSingleQuotes(),
        new LabelSchema(),
        new MaintainerDeprecated(),
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
        new StageNameCasing(),
        new StageNameDuplicate(),
        new StageNameReserved(),
        new SyntaxErrorRule(),
        new TlsVerificationDisabled(),
        new UnsignedPackages(),
        new UserRoot(),
        new WgetAndCurl(),
        new WorkdirRelative());
  }
}
