@echo off
rem Thoughtscope launcher for Windows. Without arguments it opens the desktop app; with a
rem subcommand it runs the command line (thoughtscope.cmd --help). Builds on first use.
setlocal
set "ROOT=%~dp0"
call "%ROOT%scripts\find-jdk.cmd" || exit /b 1
set "TARGET=%ROOT%app\target"
if exist "%TARGET%\thoughtscope-app.jar" if exist "%TARGET%\lib" if exist "%TARGET%\fx" goto run
where mvn >nul 2>nul || (
  echo Building Thoughtscope needs Apache Maven 3.8 or newer, and mvn is not on the PATH. 1>&2
  echo Install it, then run this command again. 1>&2
  exit /b 1
)
echo Building Thoughtscope (first start; this takes a minute)... 1>&2
pushd "%ROOT%"
set "JAVA_HOME=%TS_JDK%"
call mvn -B -ntp -q -DskipTests -pl app -am package
if errorlevel 1 (
  popd
  echo The build failed; run "build.cmd package" to see why. 1>&2
  exit /b 1
)
popd
:run
"%TS_JDK%\bin\java.exe" %THOUGHTSCOPE_JAVA_OPTS% --module-path "%TARGET%\fx" --add-modules javafx.controls,javafx.swing --enable-native-access=javafx.graphics,ALL-UNNAMED -Dthoughtscope.home="%ROOT%." -Dthoughtscope.natives="%ROOT%natives\target\natives" -cp "%TARGET%\thoughtscope-app.jar;%TARGET%\lib\*" io.thoughtscope.app.Main %*
exit /b %ERRORLEVEL%
