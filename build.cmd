@echo off
rem Developer entry point for Windows: finds a JDK 25 and runs Maven with it.
rem   build.cmd test      run the whole test suite
rem   build.cmd package   build without tests
rem   build.cmd ARGS      anything else goes to Maven
setlocal
set "ROOT=%~dp0"
call "%ROOT%scripts\find-jdk.cmd" || exit /b 1
set "JAVA_HOME=%TS_JDK%"
where mvn >nul 2>nul || (
  echo Building Thoughtscope needs Apache Maven 3.8 or newer, and mvn is not on the PATH. 1>&2
  exit /b 1
)
pushd "%ROOT%"
if "%~1"=="test" (
  shift
  call mvn -B -ntp verify
) else if "%~1"=="package" (
  call mvn -B -ntp -DskipTests package
) else if "%~1"=="" (
  echo usage: build.cmd test ^| package ^| MAVEN-ARGS 1>&2
  popd
  exit /b 2
) else (
  call mvn -B -ntp %*
)
set "RC=%ERRORLEVEL%"
popd
exit /b %RC%
