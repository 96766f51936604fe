# Finds a JDK 25 or newer for Thoughtscope's scripts (sourced by ./thoughtscope and ./build).
# Order: $JAVA_HOME, then the usual JDK folders of Linux, macOS and Windows (Git Bash / MSYS),
# then the java on PATH. Prints the JDK's home; exits the caller with a message if none is found.

TS_MIN_JAVA=25

# The major version of the JDK at $1, or nothing.
ts_jdk_major() {
  local home="$1" v=""
  [ -x "$home/bin/java" ] || [ -x "$home/bin/java.exe" ] || return 1
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    local java="$home/bin/java"; [ -x "$java" ] || java="$home/bin/java.exe"
    v=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "$v" = "1" ] && v=8
  [ -n "$v" ] && echo "$v"
}

ts_find_jdk() {
  local best="" best_v=0 v c
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(ts_jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$TS_MIN_JAVA" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  local candidates=(
    /usr/lib/jvm/* /usr/java/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /opt/*jdk* /opt/*/jdk*
    "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.asdf/installs/java/* "$HOME"/.local/share/mise/installs/java/*
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/Library/Java/JavaVirtualMachines/*/Contents/Home
    /opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home
    "/c/Program Files/Java"/* "/c/Program Files/Eclipse Adoptium"/* "/c/Program Files/Microsoft"/jdk*
    "/c/Program Files/Zulu"/* "/c/Program Files/Amazon Corretto"/* "/c/Program Files/BellSoft"/*
  )
  for c in "${candidates[@]}"; do
    [ -d "$c" ] || continue
    [ -L "$c" ] && continue   # distribution aliases point at folders listed anyway
    v=$(ts_jdk_major "$c") || continue
    if [ -n "$v" ] && [ "$v" -ge "$TS_MIN_JAVA" ] && [ "$v" -gt "$best_v" ]; then best="$c"; best_v="$v"; fi
  done
  if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
    c=$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)
    v=$(ts_jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge "$TS_MIN_JAVA" ]; then best="$c"; fi
  fi
  if [ -z "$best" ]; then
    {
      echo "Thoughtscope needs a Java Development Kit (JDK) $TS_MIN_JAVA or newer, and none was found."
      if [ -n "${JAVA_HOME:-}" ]; then
        v=$(ts_jdk_major "$JAVA_HOME" || true)
        if [ -n "$v" ]; then echo "  JAVA_HOME=$JAVA_HOME is Java $v, too old."; else echo "  JAVA_HOME=$JAVA_HOME is not a JDK."; fi
      fi
      echo "  Looked in JAVA_HOME, /usr/lib/jvm, /Library/Java/JavaVirtualMachines, ~/.sdkman, ~/.jdks and the PATH."
      echo "Install a JDK $TS_MIN_JAVA (for example Eclipse Temurin $TS_MIN_JAVA, or your system's openjdk-$TS_MIN_JAVA-jdk package),"
      echo "or point JAVA_HOME at one, then run this command again."
    } >&2
    return 1
  fi
  echo "$best"
}

ts_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    {
      echo "Building Thoughtscope needs Apache Maven 3.8 or newer, and 'mvn' is not on the PATH."
      echo "Install it (for example 'sudo apt-get install maven' or 'brew install maven'), then run this command again."
    } >&2
    return 1
  fi
}
