# What the bin/ scripts share. Sourced, never run:  . "$ROOT/bin/lib.sh"
# Starts no process of its own: bin/crawl sources it on every start.

# Reads a JDK's `release` file (no JVM started): sets JDK_VERSION ("25.0.3", "1.8.0_402") and
# JDK_MAJOR (25, 8), both empty when the file says nothing.  $1 = the JDK's home
jdk_version() {
  JDK_VERSION="" JDK_MAJOR=""
  local line v
  [[ -r "$1/release" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ ^JAVA_VERSION=\"([^\"]*)\" ]]; then
      JDK_VERSION="${BASH_REMATCH[1]}"
      v="${JDK_VERSION#1.}"
      JDK_MAJOR="${v%%[._+-]*}"
      return 0
    fi
  done < "$1/release"
}

# Prints MAVEN_OPTS for a Maven run on $JAVA_HOME: Maven's own Guava warns about sun.misc.Unsafe on
# JDK 24+, which is not ours to fix (our own code is run without this flag, and warns).
maven_opts() {
  local opts="${MAVEN_OPTS:-}"
  jdk_version "$JAVA_HOME"
  [[ "$JDK_MAJOR" =~ ^[0-9]+$ ]] && (( JDK_MAJOR >= 24 )) && opts="$opts --sun-misc-unsafe-memory-access=allow"
  echo "$opts"
}

# Installs a Debian package when its command is missing.  $1 = command, $2 = package, $3 = who asks
ensure_package() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "$3: installing $2 (apt-get install $2)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq "$2" >/dev/null; else sudo apt-get install -y -qq "$2" >/dev/null; fi
}

# A scratch directory in $work, and $pids for background servers; both are gone when the script
# exits, however it exits.
start_scratch() {
  work="$(mktemp -d)"; pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
}

# Waits until URL answers with a 2xx, at most TRIES tenths of a second (a JVM start on a busy
# machine can take seconds); fails when it never did.  $1 = URL, $2 = TRIES
wait_for_url() {
  local _
  for _ in $(seq 1 "$2"); do
    curl -sfk -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
