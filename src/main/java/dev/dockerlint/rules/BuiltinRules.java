package dev.dockerlint.rules;

import dev.dockerlint.lint.Rule;
import dev.dockerlint.rules.images.BaseImageBloated;
import dev.dockerlint.rules.images.FromPlatformConst;
import dev.dockerlint.rules.images.ImageDigest;
import dev.dockerlint.rules.images.ImageLatest;
import dev.dockerlint.rules.images.ImageUntagged;
import dev.dockerlint.rules.images.PlatformRedundant;
import dev.dockerlint.rules.packages.AptCleanup;
import dev.dockerlint.rules.packages.AptNoInstallRecommends;
import dev.dockerlint.rules.packages.AptUseAptGet;
import dev.dockerlint.rules.packages.BuildToolsInFinalStage;
import dev.dockerlint.rules.packages.CacheMountSuggested;
import dev.dockerlint.rules.packages.InstallMissingYes;
import dev.dockerlint.rules.packages.InstallThenRemove;
import dev.dockerlint.rules.packages.NpmCi;
import dev.dockerlint.rules.packages.PackageCacheLeft;
import dev.dockerlint.rules.packages.PackageUnpinned;
import dev.dockerlint.rules.packages.PipNoCacheDir;
import java.util.List;

/** Every built-in rule, sorted by id. Adding a rule means adding its class to this one list. */
public final class BuiltinRules {
  private BuiltinRules() {}

  public static List<Rule> all() {
    return List.of(
        new AptCleanup(),
        new AptNoInstallRecommends(),
        new AptUseAptGet(),
        new ArgDefaultInvalidInFrom(),
        new ArgUndefinedInFrom(),
        new BaseImageBloated(),
        new BuildToolsInFinalStage(),
        new CacheMountSuggested(),
        new ContinuationEmptyLine(),
        new CopyBeforeInstall(),
        new CopyDestSlash(),
        new CopyFromSelf(),
        new CopyFromUnknownStage(),
        new CopyRelativeNoWorkdir(),
        new CurlPipeShell(),
        new DockerignoreIncomplete(),
        new DockerignoreMissing(),
        new DuplicateInstruction(),
        new EnvLegacyFormat(),
        new EnvSelfReference(),
        new ExposeInvalid(),
        new ExposeSsh(),
        new FirstInstruction(),
        new FromAsCasing(),
        new FromPlatformConst(),
        new HealthcheckMissing(),
        new ImageDigest(),
        new ImageLatest(),
        new ImageUntagged(),
        new ImageUntrustedRegistry(),
        new InitProcess(),
        new InstallMissingYes(),
        new InstallThenRemove(),
        new InstructionCasing(),
        new JsonArgs(),
        new JsonSingleQuotes(),
        new LabelSchema(),
        new MaintainerDeprecated(),
        new NpmCi(),
        new OnbuildForbidden(),
        new PackageCacheLeft(),
        new PackageUnpinned(),
        new PipNoCacheDir(),
        new Pipefail(),
        new PlatformRedundant(),
        new PythonUnbuffered(),
        new RunCd(),
        new RunConsecutive(),
        new RunSudo(),
        new RunUselessCommand(),
        new SecretInEnv(),
        new SecretLiteral(),
        new ShellSymlink(),
        new StageNameCasing(),
        new StageNameDuplicate(),
        new StageNameReserved(),
        new SyntaxErrorRule(),
        new TlsVerificationDisabled(),
        new UnsignedPackages(),
        new UserRoot(),
        new UserUidNumeric(),
        new UseraddNoLogInit(),
        new VarUndefined(),
        new WgetAndCurl(),
        new WorkdirRelative());
  }
}
