@echo off
rem Finds a JDK 25 or newer for Thoughtscope's Windows scripts. Sets TS_JDK, or prints what to
rem install and exits with 1. Order: JAVA_HOME, the usual install folders, the java on PATH.
set "TS_JDK="
set "TS_BEST=0"
if defined JAVA_HOME call :consider "%JAVA_HOME%"
if defined TS_JDK exit /b 0
for %%R in ("%ProgramFiles%\Java" "%ProgramFiles%\Eclipse Adoptium" "%ProgramFiles%\Microsoft" "%ProgramFiles%\Zulu" "%ProgramFiles%\Amazon Corretto" "%ProgramFiles%\BellSoft" "%ProgramFiles%\OpenJDK" "%LOCALAPPDATA%\Programs\Eclipse Adoptium" "%USERPROFILE%\.jdks") do (
  if exist "%%~R" for /d %%D in ("%%~R\*") do call :consider "%%~D"
)
if defined TS_JDK exit /b 0
for /f "delims=" %%J in ('where java 2^>nul') do (
  if not defined TS_JDK call :consider "%%~dpJ.."
)
if defined TS_JDK exit /b 0
echo Thoughtscope needs a Java Development Kit (JDK) 25 or newer, and none was found. 1>&2
echo   Looked in JAVA_HOME, Program Files (Java, Eclipse Adoptium, Microsoft, Zulu, Corretto), %%USERPROFILE%%\.jdks and the PATH. 1>&2
echo Install a JDK 25 (for example Eclipse Temurin 25) or point JAVA_HOME at one, then run this command again. 1>&2
exit /b 1

:consider
set "TS_CAND=%~1"
if not exist "%TS_CAND%\bin\java.exe" exit /b 0
if not exist "%TS_CAND%\release" exit /b 0
set "TS_VER="
for /f "tokens=2 delims==" %%V in ('findstr /b "JAVA_VERSION=" "%TS_CAND%\release"') do set "TS_VER=%%~V"
if not defined TS_VER exit /b 0
for /f "tokens=1 delims=." %%M in ("%TS_VER%") do set "TS_MAJOR=%%M"
if %TS_MAJOR% GEQ 25 if %TS_MAJOR% GTR %TS_BEST% (
  set "TS_BEST=%TS_MAJOR%"
  set "TS_JDK=%TS_CAND%"
)
exit /b 0
