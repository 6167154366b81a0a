# Sourced by bin/harness and bin/test: finds a JDK >= 21 without relying on the default java,
# and reads the machine-level Testcontainers variables scripts/docker-engine.sh writes.

HARNESS_MIN_JAVA=21

# The feature release of the JDK at $1 (25 for 25.0.1, 8 for 1.8.0), or nothing when it is no JDK.
jdk_feature_release() {
  local home="$1" version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)
  fi
  case "$version" in
    1.*) echo "${version#1.}" | cut -d. -f1 ;;
    *) echo "$version" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
  esac
}

jdk_candidates() {
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*/jdk* \
             "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.asdf/installs/java/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && [ ! -L "$dir" ] && echo "$dir"
  done
  if command -v javac >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v javac)")")"
  fi
}

find_jdk() {
  local found="" best="" best_release=0 home release
  if [ -n "${JAVA_HOME:-}" ]; then
    release=$(jdk_feature_release "$JAVA_HOME")
    if [ -n "$release" ] && [ "$release" -ge "$HARNESS_MIN_JAVA" ]; then
      echo "$JAVA_HOME"; return 0
    fi
    found="$found\n  JAVA_HOME=$JAVA_HOME (${release:-not a JDK})"
  fi
  while read -r home; do
    [ -n "$home" ] || continue
    release=$(jdk_feature_release "$home")
    [ -n "$release" ] || continue
    found="$found\n  $home ($release)"
    if [ "$release" -ge "$HARNESS_MIN_JAVA" ] && [ "$release" -gt "$best_release" ]; then
      best="$home"; best_release="$release"
    fi
  done < <(jdk_candidates | sort -u)
  if [ -z "$best" ]; then
    printf 'perf-harness needs a JDK %s or newer and found none.\nLooked at JAVA_HOME and the usual JDK folders; found:%b\n' \
      "$HARNESS_MIN_JAVA" "${found:-\n  nothing}" >&2
    printf 'Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it.\n' >&2
    return 1
  fi
  echo "$best"
}

# Machine-level variables written by scripts/docker-engine.sh (Testcontainers reads them from the
# process environment only); absent on ordinary machines.
use_engine_env() {
  local file="$HOME/.config/perf-harness/engine.env"
  # shellcheck disable=SC1090
  [ -f "$file" ] && source "$file"
  return 0
}

use_jdk() {
  local home
  home=$(find_jdk) || exit 1
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
}
