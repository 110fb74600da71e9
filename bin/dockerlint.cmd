@echo off
rem Launcher for dockerlint on Windows, the counterpart of bin/dockerlint: finds the jar and a JVM
rem and starts it with the same options for short runs (LauncherScriptsTest compares them) and a
rem class-data archive of dockerlint's classes in %LOCALAPPDATA%\dockerlint, a directory in the
rem user's profile that only the user (and administrators) can write to.
rem - JDK 25+: one AOT cache for all runs (bin/dockerlint keeps two; cmd cannot read the arguments
rem   safely enough to choose); JDK 17-24: one static CDS archive. Named after the JDK build and the
rem   jar's size and time, so a new jar or JDK gets a new one.
rem - Made in the background after a run that found none (that run goes on without one), by one
rem   process at a time (a lock file held open while the trainer works; Windows lets go of it
rem   however the trainer ends), checked once with -XX:+VerifySharedSpaces, then moved into place
rem   and its size and time written to ARCHIVE.ok.
rem - Used only while its size and time are still those in ARCHIVE.ok. cmd sees times to the
rem   minute only, so on JDK 17-24, which do not check an archive themselves, each run still checks
rem   its checksums (-XX:+VerifySharedSpaces); JDK 25 checks an AOT cache's header and size itself.
rem DOCKERLINT_CDS=0 turns archives off; DOCKERLINT_JAVA_OPTS adds JVM options.
setlocal EnableExtensions DisableDelayedExpansion

set "DL_JAR=%DOCKERLINT_JAR%"
if defined DL_JAR goto have_jar
for %%j in ("%~dp0dockerlint.jar" "%~dp0..\target\dockerlint.jar" "%~dp0..\lib\dockerlint.jar" "%~dp0..\share\dockerlint\dockerlint.jar") do (
  if not defined DL_JAR if exist "%%~j" set "DL_JAR=%%~fj"
)
if defined DL_JAR goto have_jar
echo dockerlint: cannot find dockerlint.jar; set DOCKERLINT_JAR or build it with mvnw package 1>&2
exit /b 2
:have_jar

set "DL_HOME="
set "DL_JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "DL_HOME=%JAVA_HOME%"
if defined DL_HOME set "DL_JAVA=%DL_HOME%\bin\java.exe"
if not defined DL_JAVA for %%j in (java.exe) do set "DL_JAVA=%%~$PATH:j"
if defined DL_JAVA goto have_java
echo dockerlint: cannot find java; install a JDK or JRE 17 or newer, or set JAVA_HOME 1>&2
exit /b 2
:have_java
if not defined DL_HOME for %%h in ("%DL_JAVA%\..\..") do set "DL_HOME=%%~fh"

rem the same options as bin/dockerlint, which says why
set "DL_VM_OPTS=-XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=5000 -XX:Tier3InvocationThreshold=100 -XX:Tier3MinInvocationThreshold=50 -XX:Tier3CompileThreshold=1000 -XX:-UsePerfData -Xss4m -Xmx192m"
rem the collector of a JDK 25 AOT cache (a JDK 17-24 archive runs with the default, G1)
set "DL_AOT_GC=-XX:+UseSerialGC"

if "%DOCKERLINT_CDS%"=="0" goto plain
if not defined LOCALAPPDATA goto plain
if not exist "%DL_HOME%\release" goto plain
set "DL_VERSION="
for /f "usebackq tokens=1,* delims==" %%a in ("%DL_HOME%\release") do if "%%a"=="JAVA_RUNTIME_VERSION" set "DL_VERSION=%%~b"
if not defined DL_VERSION for /f "usebackq tokens=1,* delims==" %%a in ("%DL_HOME%\release") do if "%%a"=="JAVA_VERSION" set "DL_VERSION=%%~b"
if not defined DL_VERSION goto plain
set "DL_FEATURE="
for /f "delims=.+-" %%v in ("%DL_VERSION%") do set "DL_FEATURE=%%v"
set /a "DL_FEATURE=DL_FEATURE" 2>nul
if %DL_FEATURE% LSS 17 goto plain
set "DL_EXT=jsa"
if %DL_FEATURE% GEQ 25 set "DL_EXT=aot"
set "DL_STAMP="
for %%j in ("%DL_JAR%") do set "DL_STAMP=%%~zj-%%~tj"
set "DL_STAMP=%DL_STAMP:/=%"
set "DL_STAMP=%DL_STAMP::=%"
set "DL_STAMP=%DL_STAMP: =%"
set "DL_CACHE=%LOCALAPPDATA%\dockerlint"
set "DL_ARCHIVE=%DL_CACHE%\dockerlint-%DL_VERSION%-%DL_STAMP%.%DL_EXT%"
if "%DOCKERLINT_CDS%"=="train" goto train

if not exist "%DL_ARCHIVE%.ok" goto missing
set "DL_OK="
set /p DL_OK=<"%DL_ARCHIVE%.ok"
set "DL_NOW="
for %%a in ("%DL_ARCHIVE%") do set "DL_NOW=%%~za %%~ta"
if not "%DL_OK%"=="%DL_NOW%" goto missing
if %DL_FEATURE% LSS 25 goto with_jsa
"%DL_JAVA%" "-XX:AOTCache=%DL_ARCHIVE%" -Xlog:aot=off -Xlog:cds=off %DL_AOT_GC% %DL_VM_OPTS% %DOCKERLINT_JAVA_OPTS% -jar "%DL_JAR%" %*
exit /b %ERRORLEVEL%
:with_jsa
"%DL_JAVA%" "-XX:SharedArchiveFile=%DL_ARCHIVE%" -Xshare:auto -XX:+VerifySharedSpaces -Xlog:cds=off %DL_VM_OPTS% %DOCKERLINT_JAVA_OPTS% -jar "%DL_JAR%" %*
exit /b %ERRORLEVEL%

:missing
if not exist "%DL_CACHE%\" mkdir "%DL_CACHE%" 2>nul
if not exist "%DL_CACHE%\" goto plain
set "DOCKERLINT_CDS=train"
start "" /b /low cmd /d /c call "%~f0" <nul >nul 2>&1
set "DOCKERLINT_CDS="

:plain
"%DL_JAVA%" %DL_VM_OPTS% %DOCKERLINT_JAVA_OPTS% -jar "%DL_JAR%" %*
exit /b %ERRORLEVEL%

:train
rem one trainer at a time: a second one cannot open the lock file for writing while the first holds it
2>nul (
  9>"%DL_ARCHIVE%.lock" (
    call :make
  )
)
del "%DL_ARCHIVE%.lock" 2>nul
exit /b 0

:make
rem another trainer may have made it in the meantime
set "DL_OK="
if exist "%DL_ARCHIVE%.ok" set /p DL_OK=<"%DL_ARCHIVE%.ok"
set "DL_NOW="
for %%a in ("%DL_ARCHIVE%") do if exist "%%~a" set "DL_NOW=%%~za %%~ta"
if defined DL_OK if "%DL_OK%"=="%DL_NOW%" exit /b 0
set "DL_WORK=%DL_ARCHIVE%.new"
if exist "%DL_WORK%\" rd /s /q "%DL_WORK%"
mkdir "%DL_WORK%" 2>nul || exit /b 1
> "%DL_WORK%\Dockerfile" (
  echo # syntax=docker/dockerfile:1
  echo ARG BASE=debian:12
  echo FROM ${BASE} AS build
  echo ENV LANG C.UTF-8
  echo ENV APP_HOME=/src PASSWORD=changeme123
  echo WORKDIR src
  echo COPY package.json requirements.txt ./
  echo RUN apt-get update ^&^& apt-get install -y curl git build-essential ^&^& pip install -r requirements.txt
  echo RUN ^<^<EOF
  echo set -e
  echo apk add --no-cache bash
  echo EOF
  echo ADD https://example.com/a.tar.gz /tmp/
  echo COPY . .
  echo EXPOSE 8080 70000/tcp
  echo USER root
  echo FROM alpine:latest
  echo COPY --from=build /src /app
  echo COPY --from=missing /x /y
  echo HEALTHCHECK CMD wget -q -O- http://localhost:8080/ ^|^| exit 1
  echo ENTRYPOINT /app/run --port 8080
  echo CMD ["--help"]
)
> "%DL_WORK%\Dockerfile.clean" (
  echo FROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000
  echo RUN apk add --no-cache curl=8.9.1-r0
  echo USER 10001
  echo HEALTHCHECK NONE
  echo CMD ["/app"]
)
> "%DL_WORK%\.dockerlint.yaml" (
  echo ignore: [healthcheck-missing]
  echo severity:
  echo   image-latest: error
  echo trusted-registries: [docker.io]
)
pushd "%DL_WORK%"
if %DL_FEATURE% LSS 25 goto make_jsa
call :probe
"%DL_JAVA%" %DL_AOT_OPTS% "-XX:AOTCacheOutput=%DL_WORK%\archive" %DL_AOT_GC% %DL_VM_OPTS% -Ddockerlint.cds.train=true "-Ddockerlint.cds.config=%DL_WORK%\.dockerlint.yaml" -jar "%DL_JAR%" Dockerfile Dockerfile.clean >nul 2>&1
if not exist "%DL_WORK%\archive" goto make_failed
"%DL_JAVA%" "-XX:AOTCache=%DL_WORK%\archive" -XX:AOTMode=on -XX:+VerifySharedSpaces %DL_AOT_GC% %DL_VM_OPTS% -jar "%DL_JAR%" --failure-threshold none Dockerfile.clean >nul 2>&1 || goto make_failed
goto make_done
:make_jsa
"%DL_JAVA%" "-XX:DumpLoadedClassList=%DL_WORK%\classes" %DL_VM_OPTS% -Ddockerlint.cds.train=true "-Ddockerlint.cds.config=%DL_WORK%\.dockerlint.yaml" -jar "%DL_JAR%" Dockerfile Dockerfile.clean >nul 2>&1
if not exist "%DL_WORK%\classes" goto make_failed
"%DL_JAVA%" -Xshare:dump "-XX:SharedClassListFile=%DL_WORK%\classes" "-XX:SharedArchiveFile=%DL_WORK%\archive" -XX:+VerifySharedSpaces %DL_VM_OPTS% -cp "%DL_JAR%" >nul 2>&1 || goto make_failed
"%DL_JAVA%" "-XX:SharedArchiveFile=%DL_WORK%\archive" -Xshare:on -XX:+VerifySharedSpaces %DL_VM_OPTS% -jar "%DL_JAR%" --failure-threshold none Dockerfile.clean >nul 2>&1 || goto make_failed
:make_done
popd
del "%DL_ARCHIVE%.ok" 2>nul
move /y "%DL_WORK%\archive" "%DL_ARCHIVE%" >nul 2>&1 || goto make_moved
for %%a in ("%DL_ARCHIVE%") do >"%DL_ARCHIVE%.ok" echo %%~za %%~ta
:make_moved
rd /s /q "%DL_WORK%" 2>nul
exit /b 0
:make_failed
popd
rd /s /q "%DL_WORK%" 2>nul
exit /b 1

:probe
rem class linking and adapter/stub caching where this JDK has them: probed once per JDK build
set "DL_AOT_OPTS="
set "DL_FOUND="
set "DL_PROBE=%DL_CACHE%\dockerlint-%DL_VERSION%.aot-options"
if exist "%DL_PROBE%" set /p DL_FOUND=<"%DL_PROBE%"
if "%DL_FOUND%"=="linking+code" goto probed
if "%DL_FOUND%"=="linking" goto probed
if "%DL_FOUND%"=="none" goto probed
set "DL_FOUND=none"
"%DL_JAVA%" -XX:+AOTClassLinking -version >nul 2>&1 && set "DL_FOUND=linking"
"%DL_JAVA%" -XX:+AOTClassLinking -XX:+UnlockDiagnosticVMOptions -XX:+AOTAdapterCaching -XX:+AOTStubCaching -version >nul 2>&1 && set "DL_FOUND=linking+code"
>"%DL_PROBE%" echo %DL_FOUND%
:probed
if "%DL_FOUND%"=="linking" set "DL_AOT_OPTS=-XX:+AOTClassLinking"
if "%DL_FOUND%"=="linking+code" set "DL_AOT_OPTS=-XX:+AOTClassLinking -XX:+UnlockDiagnosticVMOptions -XX:+AOTAdapterCaching -XX:+AOTStubCaching"
exit /b 0
