# Sourced by ./trialbase and bench/run: which java to run, and the options that JVM needs.
#
# JAVA: $JAVA_HOME/bin/java when JAVA_HOME names a JDK (as the Maven Wrapper uses it), else the
# java on PATH.
# NATIVE_ACCESS_OPTS: --enable-native-access=ALL-UNNAMED on Java 22 and later, where loading
# sqlite-jdbc's native library otherwise prints four "WARNING: A restricted method ..." lines
# (JEP 472). The version comes from the JDK's release file, which costs no JVM start; failing
# that, from `java -version`. Older JVMs get nothing (Java 17 would refuse the option's form).

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=$(command -v java || echo java)
fi

java_major() {
  local real jdk major=""
  if real=$(readlink -f "$(command -v "$1" 2>/dev/null || echo "$1")" 2>/dev/null); then
    jdk=$(dirname "$(dirname "$real")")
    major=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null || true)
  fi
  if [ -z "$major" ]; then
    major=$("$1" -version 2>&1 | sed -n '1s/.*version "\([0-9][0-9]*\).*/\1/p' || true)
  fi
  echo "${major:-0}"
}

NATIVE_ACCESS_OPTS=()
if [ "$(java_major "$JAVA")" -ge 22 ]; then
  NATIVE_ACCESS_OPTS=(--enable-native-access=ALL-UNNAMED)
fi
