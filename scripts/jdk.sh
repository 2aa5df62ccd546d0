# Sourced by ./ponder, ./test and .ci/run: finds a JDK 25 and exports JAVA_HOME, or explains what to do.
ponder_find_jdk() {
  local c
  for c in "${PONDER_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* /opt/java/*25*; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    if "$c/bin/java" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME="$c"; export PATH="$JAVA_HOME/bin:$PATH"; return 0
    fi
  done
  cat >&2 <<'MSG'
ponder: no JDK 25 found.
  Looked in $PONDER_JAVA_HOME, $JAVA_HOME and /usr/lib/jvm/*25*.
  Install one (Debian: apt-get install temurin-25-jdk from Adoptium's repository, or unpack a JDK 25 into /usr/lib/jvm),
  then run again, or point PONDER_JAVA_HOME at it: PONDER_JAVA_HOME=/path/to/jdk-25 ./ponder run
MSG
  return 1
}
ponder_find_jdk || exit 1
command -v mvn >/dev/null || { echo "ponder: Maven (mvn) is needed to build; install it (apt-get install maven)" >&2; exit 1; }
