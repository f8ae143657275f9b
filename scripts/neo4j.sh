#!/usr/bin/env bash
# A real Neo4j Community 5.26 server (Bolt + HTTP API + Neo4j Browser) without Docker, from Maven Central.
#
#   scripts/neo4j.sh start    resolve the server with Maven (once, cached in ~/.m2), start it in the background
#                             on 127.0.0.1, wait until Bolt answers RETURN 1, print NEO4J_URI=neo4j://127.0.0.1:<port>
#   scripts/neo4j.sh stop     stop it cleanly and wait for the JVM to exit
#   scripts/neo4j.sh status   say whether it runs (exit 0) or not (exit 3)
#
# Environment:
#   NEO4J_PASSWORD     password of user neo4j, 8+ characters (else taken from .env). It is set only when the
#                      data directory is new; an existing database keeps the password it was created with.
#   NEO4J_LOCAL_DIR    home of the server: conf/, data/, logs/, neo4j.pid, neo4j.out (default: <project>/.neo4j)
#   NEO4J_BOLT_PORT    Bolt port (default: a free port);  NEO4J_HTTP_PORT: HTTP/Browser port (default: a free port)
#   NEO4J_HEAP         JVM heap, -Xmx (default 1g);  NEO4J_PAGECACHE: page cache (default 256m)
#   NEO4J_TX_TIMEOUT   db.transaction.timeout (default 30s, as in docker-compose.yml)
#   NEO4J_START_TIMEOUT  seconds to wait for the first answered query (default 120)
# Only the final NEO4J_URI=... line goes to stdout; everything else goes to stderr.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
home="${NEO4J_LOCAL_DIR:-$root/.neo4j}"
case "$home" in /*) ;; *) home="$PWD/$home" ;; esac
pidfile="$home/neo4j.pid"
logfile="$home/logs/neo4j.log"   # the server's user log
outfile="$home/neo4j.out"         # the JVM's own stdout/stderr (crashes, early errors)
urifile="$home/neo4j.uri"
pom="$root/neo4j/pom.xml"
cpfile="$root/neo4j/target/classpath.txt"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
main_class=org.neo4j.server.CommunityEntryPoint

say() { echo "neo4j.sh: $*" >&2; }
die() { say "$*"; exit 1; }

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid="$(cat "$pidfile")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$main_class" || return 1
  echo "$pid"
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Resolves the server's class path with Maven unless a complete one is already there.
classpath() {
  local stale=0
  if [ ! -s "$cpfile" ] || [ "$pom" -nt "$cpfile" ]; then
    stale=1
  else
    local jar
    while IFS= read -r jar; do [ -f "$jar" ] || { stale=1; break; }; done < <(tr ':' '\n' < "$cpfile")
  fi
  if [ "$stale" = 1 ]; then
    say "resolving Neo4j from Maven Central (first time only)..."
    mvn -q -B -f "$pom" dependency:build-classpath >&2 || die "Maven could not resolve $pom"
  fi
  cat "$cpfile"
}

# Exit 0 when Bolt answers RETURN 1 with neo4j/<password>, 2 on bad credentials, 1 otherwise.
ping_bolt() {
  NEO4J_PING_URI="$1" NODE_PATH="$root/node_modules" node -e '
    const neo4j = require("neo4j-driver");
    const driver = neo4j.driver(process.env.NEO4J_PING_URI, neo4j.auth.basic("neo4j", process.env.NEO4J_PASSWORD),
      { connectionTimeout: 3000, connectionAcquisitionTimeout: 5000, maxTransactionRetryTime: 0 });
    driver.executeQuery("RETURN 1 AS ok")
      .then((r) => { if (r.records[0].get("ok").toNumber() !== 1) throw new Error("bad answer"); return 0; })
      .catch((e) => (e.code === "Neo.ClientError.Security.Unauthorized" ? (console.error(e.message), 2) : 1))
      .then(async (code) => { await driver.close(); process.exit(code); });
  '
}

log_from=1   # first line of $logfile written by this start
show_logs() {
  [ -s "$outfile" ] && { say "end of $outfile:"; tail -n 40 "$outfile" >&2; }
  [ -s "$logfile" ] && { say "end of $logfile:"; tail -n "+$log_from" "$logfile" | tail -n 40 >&2; }
  return 0
}

password() {
  if [ -z "${NEO4J_PASSWORD:-}" ] && [ -f "$root/.env" ]; then
    NEO4J_PASSWORD="$(sed -n 's/^NEO4J_PASSWORD=//p' "$root/.env" | tail -1 | sed "s/^[\"']//; s/[\"']\$//")"
  fi
  [ -n "${NEO4J_PASSWORD:-}" ] || die "set NEO4J_PASSWORD (8+ characters) or put it in .env"
  [ "${#NEO4J_PASSWORD}" -ge 8 ] || die "NEO4J_PASSWORD must have at least 8 characters"
  export NEO4J_PASSWORD
}

start() {
  password
  local pid
  if pid="$(running_pid)"; then
    local uri
    uri="$(cat "$urifile" 2>/dev/null || true)"
    if [ -n "$uri" ] && ping_bolt "$uri"; then
      say "already running (pid $pid)"
      echo "NEO4J_URI=$uri"
      return 0
    fi
    die "a server is already running (pid $pid) but does not answer at '${uri:-?}' with this password; run: $0 stop"
  fi
  command -v "$java" >/dev/null || die "java (17 or 21) not found; set JAVA_HOME"
  command -v mvn >/dev/null || die "mvn not found"
  [ -d "$root/node_modules/neo4j-driver" ] || die "node_modules/neo4j-driver is missing (run npm ci): it checks that Bolt answers"
  local cp bolt_port http_port
  cp="$(classpath)"
  bolt_port="${NEO4J_BOLT_PORT:-$(free_port)}"
  http_port="${NEO4J_HTTP_PORT:-$(free_port)}"
  while [ "$http_port" = "$bolt_port" ]; do http_port="$(free_port)"; done

  mkdir -p "$home/conf" "$home/data" "$home/logs" "$home/run" "$home/plugins" "$home/import"
  cat > "$home/conf/neo4j.conf" <<EOF
# Written by scripts/neo4j.sh on every start; edit the script, not this file.
server.directories.data=$home/data
server.directories.logs=$home/logs
server.directories.run=$home/run
server.directories.plugins=$home/plugins
server.directories.import=$home/import
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$bolt_port
server.bolt.advertised_address=127.0.0.1:$bolt_port
server.http.enabled=true
server.http.listen_address=127.0.0.1:$http_port
server.http.advertised_address=127.0.0.1:$http_port
server.https.enabled=false
dbms.security.auth_enabled=true
server.memory.pagecache.size=${NEO4J_PAGECACHE:-256m}
db.transaction.timeout=${NEO4J_TX_TIMEOUT:-30s}
# Small transaction log files: the default preallocates 256 MiB per database.
db.tx_log.rotation.size=16M
db.tx_log.rotation.retention_policy=2 files
dbms.usage_report.enabled=false
client.allow_telemetry=false
# Bolt otherwise waits 2 x 5 s for Netty's quiet period on every stop (values in seconds).
internal.dbms.bolt.netty_server_shutdown_quiet_period=0
internal.dbms.bolt.netty_server_shutdown_timeout=2
EOF

  # A new DBMS takes the initial password from data/dbms/auth.ini, as `neo4j-admin dbms set-initial-password`
  # (what the Docker image does for NEO4J_AUTH) writes it; no password change is required afterwards.
  if [ ! -d "$home/data/databases/system" ]; then
    NEO4J_HOME="$home" NEO4J_CONF="$home/conf" "$java" -cp "$cp" org.neo4j.cli.AdminTool \
      dbms set-initial-password "$NEO4J_PASSWORD" > "$home/logs/set-initial-password.log" 2>&1 \
      || { cat "$home/logs/set-initial-password.log" >&2; die "could not set the initial password"; }
  fi

  local t0 uri deadline
  [ -f "$logfile" ] && log_from=$(( $(wc -l < "$logfile") + 1 ))
  t0="$(date +%s.%N)"
  uri="neo4j://127.0.0.1:$bolt_port"
  # JVM options as in the 5.26 distribution's neo4j.conf (server.jvm.additional), with a modest heap.
  NEO4J_HOME="$home" NEO4J_CONF="$home/conf" setsid "$java" \
    -Xms256m "-Xmx${NEO4J_HEAP:-1g}" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC \
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields -Djdk.nio.maxCachedBufferSize=1024 \
    -Dio.netty.tryReflectionSetAccessible=true -Djdk.tls.ephemeralDHKeySize=2048 \
    -Djdk.tls.rejectClientInitiatedRenegotiation=true -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -cp "$cp" "$main_class" --home-dir="$home" --config-dir="$home/conf" \
    > "$outfile" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$pidfile"
  echo "$uri" > "$urifile"

  deadline=$(( $(date +%s) + ${NEO4J_START_TIMEOUT:-120} ))
  local rc
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "the server exited during start-up"
      show_logs
      rm -f "$pidfile"
      exit 1
    fi
    rc=0
    ping_bolt "$uri" 2>"$home/ping.err" || rc=$?
    [ "$rc" = 0 ] && break
    if [ "$rc" = 2 ]; then
      cat "$home/ping.err" >&2
      say "the server runs but rejects neo4j/NEO4J_PASSWORD: the database in $home/data keeps the password it was" \
          "created with (remove $home/data to start afresh); stopping it"
      stop >&2
      exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      say "no answer at $uri within ${NEO4J_START_TIMEOUT:-120}s"
      show_logs
      stop >&2 || true
      exit 1
    fi
    sleep 1
  done
  rm -f "$home/ping.err"
  say "started (pid $pid) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')s;" \
      "Neo4j Browser: http://127.0.0.1:$http_port/browser/ ; log: $logfile"
  echo "NEO4J_URI=$uri"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pidfile"
    say "not running"
    return 0
  fi
  kill -TERM "$pid"
  local i
  for i in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; say "stopped (pid $pid)"; return 0; }
    sleep 0.1
  done
  say "pid $pid did not exit within 60s of SIGTERM; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  return 1
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running (pid $pid) at $(cat "$urifile" 2>/dev/null || echo '?'); home $home"
  else
    echo "not running; home $home"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
