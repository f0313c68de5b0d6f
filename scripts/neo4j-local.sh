#!/usr/bin/env bash
# Run a local Neo4j Community server without Docker.
#
# The server's jars come from Maven Central (the Neo4j tarball is not published there),
# resolved once into the local Maven repository (~/.m2) and launched directly with java.
# See scripts/NEO4J-NOTES.md for what was verified and why it is done this way.
set -euo pipefail
trap 'echo "neo4j-local: ERROR: unexpected failure (line $LINENO, exit $?)" >&2' ERR

NEO4J_VERSION="${NEWSGRAPH_NEO4J_VERSION:-5.26.30}"   # pinned; keep docker-compose.yml in sync
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
NG_HOME="${NEWSGRAPH_NEO4J_HOME:-$HOME/.newsgraph/neo4j}"
BOLT_PORT="${NEWSGRAPH_NEO4J_BOLT_PORT:-7687}"
HEAP="${NEWSGRAPH_NEO4J_HEAP:-1g}"
PAGECACHE="${NEWSGRAPH_NEO4J_PAGECACHE:-256m}"
IMPORT_MEMORY="${NEWSGRAPH_NEO4J_IMPORT_MEMORY:-1G}"
START_TIMEOUT="${NEWSGRAPH_NEO4J_START_TIMEOUT:-180}"
STOP_TIMEOUT="${NEWSGRAPH_NEO4J_STOP_TIMEOUT:-120}"
MAIN_CLASS="org.neo4j.server.CommunityEntryPoint"

usage() {
  cat <<EOF
Usage: $(basename "$0") start|stop|status|import IMPORT-OPTIONS...|--help

  start   Start a local Neo4j Community $NEO4J_VERSION server (downloads its jars from Maven
          Central on first use). Prints exactly three lines on stdout, for:
              eval "\$($0 start)"
          export NEO4J_URI=..., export NEO4J_USER=neo4j, export NEO4J_PASSWORD=...
          Starting an already running server just prints the same lines.
  stop    Stop the server (SIGTERM, waits for a clean shutdown). Exit 0.
  status  Print running/stopped; exit code 0 if running, 3 if stopped.
  import  Run 'neo4j-admin database import full --overwrite-destination IMPORT-OPTIONS... neo4j'
          against this home's database (the server must be stopped; its jars must have been
          resolved by a first start). 'newsgraph load --bulk' calls stop, import, start.

Environment (defaults in brackets):
  NEWSGRAPH_NEO4J_HOME           data, config, logs, pid, password  [\$HOME/.newsgraph/neo4j]
  NEWSGRAPH_NEO4J_BOLT_PORT      Bolt port on 127.0.0.1            [7687]
  NEWSGRAPH_NEO4J_HEAP           JVM -Xmx                          [1g]
  NEWSGRAPH_NEO4J_PAGECACHE      server.memory.pagecache.size      [256m]
  NEWSGRAPH_NEO4J_IMPORT_MEMORY  import: --max-off-heap-memory     [1G]
  NEWSGRAPH_NEO4J_START_TIMEOUT  seconds to wait for RETURN 1      [180]
  NEWSGRAPH_NEO4J_STOP_TIMEOUT   seconds to wait for shutdown      [120]
  NEWSGRAPH_NEO4J_JAVA_HOME      Java 17 or 21 to run Neo4j with   [auto]
  NEWSGRAPH_PYTHON               Python used for the readiness check [python3]

Logs: \$NEWSGRAPH_NEO4J_HOME/logs/{neo4j.log,debug.log,console.log,maven.log}
EOF
}

log() { printf 'neo4j-local: %s\n' "$*" >&2; }
die() { printf 'neo4j-local: ERROR: %s\n' "$*" >&2; exit 1; }

case "$NG_HOME" in /*) ;; *) NG_HOME="$PWD/$NG_HOME" ;; esac
if [[ "${1:-}" == start ]]; then mkdir -p "$NG_HOME"; fi
if [[ -d "$NG_HOME" ]]; then NG_HOME="$(cd "$NG_HOME" && pwd -P)"; fi
CONF_DIR="$NG_HOME/conf"
LOG_DIR="$NG_HOME/logs"
RUN_DIR="$NG_HOME/run"
LIB_DIR="$NG_HOME/lib"
PID_FILE="$RUN_DIR/neo4j.pid"
PORT_FILE="$RUN_DIR/bolt-port"
PASSWORD_FILE="$NG_HOME/password"
CP_FILE="$LIB_DIR/classpath-$NEO4J_VERSION.txt"

# --- helpers -----------------------------------------------------------------------------

# Is $1 a live Neo4j server process of this home folder?
is_our_server() {
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$MAIN_CLASS"* && "$cmdline" == *"--home-dir=$NG_HOME "* ]]
}

running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if is_our_server "$pid"; then
    printf '%s\n' "$pid"
    return 0
  fi
  return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_java() {
  local cand major
  for cand in ${NEWSGRAPH_NEO4J_JAVA_HOME:+"$NEWSGRAPH_NEO4J_JAVA_HOME/bin/java"} \
              ${JAVA_HOME:+"$JAVA_HOME/bin/java"} \
              "$(command -v java 2>/dev/null || true)" \
              /usr/lib/jvm/java-17-openjdk-*/bin/java /usr/lib/jvm/*-17-*/bin/java \
              /usr/lib/jvm/java-21-openjdk-*/bin/java /usr/lib/jvm/*-21-*/bin/java; do
    [[ -n "$cand" && -x "$cand" ]] || continue
    major="$(java_major "$cand")"
    if [[ "$major" == 17 || "$major" == 21 ]]; then
      printf '%s\n' "$cand"
      return 0
    fi
  done
  die "Neo4j $NEO4J_VERSION needs Java 17 or 21; none found (set NEWSGRAPH_NEO4J_JAVA_HOME)."
}

# Resolve the server's runtime classpath from Maven Central into ~/.m2 (once per version).
ensure_classpath() {
  if [[ -s "$CP_FILE" ]]; then
    local missing=0 jar
    IFS=':' read -r -a jars <"$CP_FILE" || true   # file has no trailing newline
    for jar in "${jars[@]}"; do [[ -f "$jar" ]] || { missing=1; break; }; done
    [[ $missing == 0 ]] && return 0
    log "cached classpath refers to missing jars; resolving again"
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) is required to fetch Neo4j jars"
  local pom_dir="$NG_HOME/maven-$NEO4J_VERSION"
  mkdir -p "$pom_dir" "$LIB_DIR"
  cat >"$pom_dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by scripts/neo4j-local.sh: resolves Neo4j Community $NEO4J_VERSION server jars -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.newsgraph</groupId>
  <artifactId>neo4j-server-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId><version>$NEO4J_VERSION</version></dependency>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>$NEO4J_VERSION</version></dependency>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j-bolt</artifactId><version>$NEO4J_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  log "resolving Neo4j $NEO4J_VERSION jars from Maven Central (first use; log: $LOG_DIR/maven.log)"
  if ! JAVA_HOME="$JAVA_HOME_SEL" mvn -B -q -Dstyle.color=never -f "$pom_dir/pom.xml" \
      "$DEP_PLUGIN:build-classpath" -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$CP_FILE.tmp" >"$LOG_DIR/maven.log" 2>&1; then
    tail -n 20 "$LOG_DIR/maven.log" >&2 || true
    die "Maven could not resolve Neo4j $NEO4J_VERSION (see $LOG_DIR/maven.log)"
  fi
  mv "$CP_FILE.tmp" "$CP_FILE"
}

ensure_python() {
  local py="${NEWSGRAPH_PYTHON:-python3}"
  if "$py" -c 'import neo4j' >/dev/null 2>&1; then
    PY="$py"
    return 0
  fi
  PY="$NG_HOME/pyenv/bin/python"
  if ! "$PY" -c 'import neo4j' >/dev/null 2>&1; then
    log "Python package 'neo4j' missing; installing it into $NG_HOME/pyenv (log: $LOG_DIR/pip.log)"
    { "$py" -m venv "$NG_HOME/pyenv" && "$PY" -m pip install -q 'neo4j>=5.26,<7'; } \
      >"$LOG_DIR/pip.log" 2>&1 || die "could not install the neo4j Python driver (see $LOG_DIR/pip.log)"
  fi
}

write_config() {
  mkdir -p "$CONF_DIR" "$NG_HOME/data" "$NG_HOME/import" "$NG_HOME/plugins" "$LOG_DIR" "$RUN_DIR"
  cat >"$CONF_DIR/neo4j.conf" <<EOF
# Generated by scripts/neo4j-local.sh on every start: local edits are overwritten.
server.directories.data=$NG_HOME/data
server.directories.logs=$LOG_DIR
server.directories.import=$NG_HOME/import
server.directories.plugins=$NG_HOME/plugins
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
server.memory.pagecache.size=$PAGECACHE
# no 256 MB preallocated transaction log per database
db.tx_log.preallocate=false
# Bolt's Netty shutdown otherwise waits 2 x 5 s on stop
internal.dbms.bolt.netty_server_shutdown_quiet_period=1
EOF
}

# Wait until RETURN 1 succeeds through the Python driver.
wait_ready() {
  local pid="$1" uri="$2" timeout="$3"
  _NG_URI="$uri" _NG_PW_FILE="$PASSWORD_FILE" _NG_PID="$pid" _NG_TIMEOUT="$timeout" \
  _NG_PORT="$BOLT_PORT" "$PY" - <<'PY' 3>&- 9>&-
import os, socket, sys, time
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

pid = int(os.environ["_NG_PID"])
deadline = time.monotonic() + float(os.environ["_NG_TIMEOUT"])
port = int(os.environ["_NG_PORT"])
with open(os.environ["_NG_PW_FILE"]) as f:
    password = f.read().strip()

def alive():
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False

last = "Bolt port not open yet"
while time.monotonic() < deadline:
    if not alive():
        sys.exit(3)
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        with GraphDatabase.driver(os.environ["_NG_URI"], auth=("neo4j", password),
                                  connection_timeout=5) as driver:
            # a plain session.run: execute_query would retry with back-off by itself
            with driver.session() as session:
                record = session.run("RETURN 1 AS ok").single()
            if record is not None and record["ok"] == 1:
                sys.exit(0)
    except AuthError as e:
        print(f"neo4j-local: authentication failed: {e}", file=sys.stderr)
        sys.exit(2)
    except Exception as e:  # not up yet
        last = f"{type(e).__name__}: {e}"
    time.sleep(1)
print(f"neo4j-local: last error: {last}", file=sys.stderr)
sys.exit(4)
PY
}

print_exports() {
  local port="$1"
  printf 'export NEO4J_URI=bolt://127.0.0.1:%s\n' "$port" >&3
  printf 'export NEO4J_USER=neo4j\n' >&3
  printf 'export NEO4J_PASSWORD=%s\n' "$(cat "$PASSWORD_FILE")" >&3
}

# --- commands ----------------------------------------------------------------------------

cmd_start() {
  exec 3>&1 1>&2   # stdout is reserved for the three export lines
  chmod 700 "$NG_HOME"   # holds the password and the data
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  exec 9>"$RUN_DIR/lock"
  flock -w 600 9 || die "another '$0' is holding $RUN_DIR/lock"

  ensure_python
  local pid port
  if pid="$(running_pid)"; then
    port="$(cat "$PORT_FILE" 2>/dev/null || echo "$BOLT_PORT")"
    [[ "$port" == "$BOLT_PORT" ]] || log "already running on port $port (not $BOLT_PORT); stop it first to change the port"
    BOLT_PORT="$port"
    [[ -s "$PASSWORD_FILE" ]] || die "server is running but $PASSWORD_FILE is missing"
    log "already running (pid $pid)"
    local rc=0
    wait_ready "$pid" "bolt://127.0.0.1:$port" "$START_TIMEOUT" || rc=$?
    case $rc in
      0) ;;
      2) die "the running server (pid $pid) rejects the password in $PASSWORD_FILE" ;;
      *) die "the running server (pid $pid) does not answer RETURN 1; see $LOG_DIR/neo4j.log" ;;
    esac
    print_exports "$port"
    return 0
  fi
  rm -f "$PID_FILE" "$PORT_FILE"

  if port_open "$BOLT_PORT"; then
    die "port 127.0.0.1:$BOLT_PORT is in use by another process; set NEWSGRAPH_NEO4J_BOLT_PORT"
  fi

  local java
  java="$(find_java)"
  JAVA_HOME_SEL="$(dirname "$(dirname "$(readlink -f "$java")")")"
  ensure_classpath
  write_config
  # java argument file with the classpath (keeps the command line short)
  printf -- '-cp\n"%s"\n' "$(cat "$CP_FILE")" >"$RUN_DIR/classpath.args"

  # Initial password: only before the system database is first created.
  local old_umask
  old_umask="$(umask)"
  umask 077
  if [[ ! -d "$NG_HOME/data/databases/system" ]]; then
    if [[ ! -s "$PASSWORD_FILE" ]]; then
      head -c 96 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$PASSWORD_FILE.tmp"
      mv "$PASSWORD_FILE.tmp" "$PASSWORD_FILE"
    fi
    chmod 600 "$PASSWORD_FILE"
    # picocli @file expansion keeps the password off the process list
    local argfile="$RUN_DIR/initial-password.args"
    printf '%s\n' "$(cat "$PASSWORD_FILE")" >"$argfile"
    log "setting the initial password (stored in $PASSWORD_FILE)"
    if ! NEO4J_HOME="$NG_HOME" NEO4J_CONF="$CONF_DIR" "$java" -Xmx256m "@$RUN_DIR/classpath.args" \
        org.neo4j.cli.AdminTool dbms set-initial-password "@$argfile" \
        >>"$LOG_DIR/console.log" 2>&1 </dev/null 3>&- 9>&-; then
      rm -f "$argfile"
      die "set-initial-password failed (see $LOG_DIR/console.log)"
    fi
    rm -f "$argfile"
  elif [[ ! -s "$PASSWORD_FILE" ]]; then
    die "$PASSWORD_FILE is missing but the database already exists; restore it or remove $NG_HOME/data"
  fi
  umask "$old_umask"

  log "starting Neo4j $NEO4J_VERSION on bolt://127.0.0.1:$BOLT_PORT (java: $java)"
  local t0=$SECONDS
  : >"$PID_FILE"
  # shellcheck disable=SC2016  # $$ and $@ expand in the child shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "$java" \
    -Xms"$HEAP" -Xmx"$HEAP" \
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError \
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC \
    -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true \
    -Djdk.tls.ephemeralDHKeySize=2048 -Djdk.tls.rejectClientInitiatedRenegotiation=true \
    -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    "@$RUN_DIR/classpath.args" \
    "$MAIN_CLASS" "--home-dir=$NG_HOME" "--config-dir=$CONF_DIR" \
    </dev/null >>"$LOG_DIR/console.log" 2>&1 3>&- 9>&- &

  local _
  for _ in $(seq 1 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || die "could not launch java (see $LOG_DIR/console.log)"
  echo "$BOLT_PORT" >"$PORT_FILE"

  local rc=0
  wait_ready "$pid" "bolt://127.0.0.1:$BOLT_PORT" "$START_TIMEOUT" || rc=$?
  case $rc in
    0) log "ready after $((SECONDS - t0)) s (pid $pid)" ;;
    2) stop_pid "$pid"
       die "server rejected the password in $PASSWORD_FILE; see $LOG_DIR/neo4j.log" ;;
    3) rm -f "$PID_FILE" "$PORT_FILE"
       tail -n 20 "$LOG_DIR/console.log" >&2 || true
       die "Neo4j exited during startup; see $LOG_DIR/neo4j.log, $LOG_DIR/debug.log and $LOG_DIR/console.log" ;;
    *) die "Neo4j did not answer RETURN 1 within ${START_TIMEOUT}s (still running, pid $pid); see $LOG_DIR/neo4j.log and $LOG_DIR/debug.log" ;;
  esac
  print_exports "$BOLT_PORT"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "neo4j-local: not running"
    rm -f "$PID_FILE" "$PORT_FILE"
    return 0
  fi
  stop_pid "$pid"
  echo "neo4j-local: stopped"
}

# SIGTERM (clean shutdown hook), wait, SIGKILL only after STOP_TIMEOUT.
stop_pid() {
  local pid="$1"
  echo "neo4j-local: stopping (pid $pid)" >&2
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( waited >= STOP_TIMEOUT * 5 )); then
      echo "neo4j-local: no clean shutdown after ${STOP_TIMEOUT}s; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE" "$PORT_FILE"
}

cmd_import() {
  exec 9>"$RUN_DIR/lock"
  flock -w 600 9 || die "another '$0' is holding $RUN_DIR/lock"
  local pid
  if pid="$(running_pid)"; then die "the server is running (pid $pid); stop it before an import"; fi
  [[ -s "$CP_FILE" ]] || die "no Neo4j jars resolved for $NG_HOME yet: run '$0 start' once first"
  local java
  java="$(find_java)"
  write_config
  printf -- '-cp\n"%s"\n' "$(cat "$CP_FILE")" >"$RUN_DIR/classpath.args"
  log "importing into the database of $NG_HOME (log: $LOG_DIR/import.log)"
  if ! NEO4J_HOME="$NG_HOME" NEO4J_CONF="$CONF_DIR" "$java" -Xmx"$HEAP" "@$RUN_DIR/classpath.args" \
      org.neo4j.cli.AdminTool database import full --overwrite-destination \
      --max-off-heap-memory="$IMPORT_MEMORY" --report-file="$LOG_DIR/import.report" "$@" neo4j \
      >"$LOG_DIR/import.log" 2>&1 </dev/null 9>&-; then
    tail -n 30 "$LOG_DIR/import.log" >&2 || true
    die "the import failed (see $LOG_DIR/import.log)"
  fi
  tail -n 5 "$LOG_DIR/import.log" >&2 || true
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running (pid $pid, bolt://127.0.0.1:$(cat "$PORT_FILE" 2>/dev/null || echo "$BOLT_PORT"), home $NG_HOME)"
    return 0
  fi
  echo "stopped (home $NG_HOME)"
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) rc=0; cmd_status || rc=$?; exit "$rc" ;;
  import) shift; [[ -d "$NG_HOME" ]] || die "no home folder $NG_HOME"; mkdir -p "$RUN_DIR" "$LOG_DIR"; cmd_import "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
