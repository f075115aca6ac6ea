#!/usr/bin/env bash
# Runs every Driehoek test on a fresh Debian machine:
#   1. installs what the tests need from Debian packages, if missing (PostgreSQL, Chromium, aiosmtpd)
#   2. starts a throwaway PostgreSQL cluster and an SMTP server, on 127.0.0.1 only
#   3. builds and runs all tests (unit, integration on SQLite and PostgreSQL, SMTP, browser journeys)
#   4. ends with the line "Tests: N passed, N failed, N skipped"
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter Provider!=Postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Without this NuGet tries certificate-revocation checks that cannot succeed offline (60 s instead of 8 s).
export NUGET_CERT_REVOCATION_MODE="${NUGET_CERT_REVOCATION_MODE:-offline}"
t0=$SECONDS
log() { echo "[test $(( SECONDS - t0 ))s] $*"; }

# ---- 1. Debian packages --------------------------------------------------------------------------
packages=(postgresql chromium fonts-liberation python3-aiosmtpd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi
[[ -x /usr/bin/chromium ]] || { echo "chromium is missing after install"; exit 1; }

# ---- 2. PostgreSQL and SMTP on loopback ----------------------------------------------------------
work=$(mktemp -d -t driehoek-test.XXXXXX)
chmod 755 "$work"
smtp_pid=""
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgdir="$work/pg"
cleanup() {
  [[ -n "$smtp_pid" ]] && kill "$smtp_pid" 2>/dev/null || true
  if [[ -f "$pgdir/data/postmaster.pid" ]]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

pgport=$(free_port)
mkdir -p "$pgdir" && chown postgres:postgres "$pgdir"
runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pgdir/initdb.log"
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pgport -c unix_socket_directories=$pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
export DRIEHOEK_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport"

smtp_port=$(free_port)
export DRIEHOEK_TEST_SMTP_PORT="$smtp_port" DRIEHOEK_TEST_MAILDIR="$work/maildir"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$DRIEHOEK_TEST_MAILDIR" \
  >"$work/aiosmtpd.log" 2>&1 </dev/null &
smtp_pid=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.1; done
log "SMTP (aiosmtpd) on 127.0.0.1:$smtp_port"

# ---- 3. build and test ---------------------------------------------------------------------------
dotnet restore Driehoek.slnx
dotnet build Driehoek.slnx --no-restore -c Release
log "build done"
set +e
# Tests that count what they tried (access-matrix cells, malformed requests) append a line here.
export DRIEHOEK_TEST_COUNTS="$work/counts.txt"
rm -f "$DRIEHOEK_TEST_COUNTS"
dotnet test Driehoek.slnx --no-build -c Release "$@" 2>&1 | tee "$work/test.log"
rc=${PIPESTATUS[0]}
set -e
[ -f "$DRIEHOEK_TEST_COUNTS" ] && sort "$DRIEHOEK_TEST_COUNTS"
log "dotnet test exit code $rc"

# ---- 4. one summary line -------------------------------------------------------------------------
awk '/(Passed|Failed)! +- Failed:/ {
       for (i = 1; i <= NF; i++) { g = $(i+1); gsub(",", "", g)
         if ($i == "Failed:") f += g; if ($i == "Passed:") p += g; if ($i == "Skipped:") s += g }
       n++ }
     END { if (n == 0) { print "Tests: 0 passed, 1 failed, 0 skipped (no test summary found)"; exit 1 }
           printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s
           if (p == 0 || f > 0) exit 1 }' "$work/test.log" || rc=1
exit "$rc"
