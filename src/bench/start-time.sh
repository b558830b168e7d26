#!/bin/sh
# Start-time benchmark of the kzmove CLI (docs/benchmarks.md, "Start time").
#
#   ./mvnw -q package -DskipTests && sh src/bench/start-time.sh [ROUNDS] [LAUNCHER]
#
# Interleaves ROUNDS (default 15) rounds of: 'java -version'; 'kzmove --help'; 'kzmove zones' on a
# simulated host with 10 kernel zones; OpenSSH running the same commands kzmove sent (read from the
# simulated host's audit file) in one connection. Prints the median wall time of each, and the ratios
# the targets are stated in. LAUNCHER defaults to app/bin/kzmove (pass another build's to compare).
# Nothing outside a temporary directory is written; the simulated host listens on 127.0.0.1 only.
set -eu
rounds=${1:-15}
kzmove=${2:-app/bin/kzmove}
work=$(mktemp -d)
sim_pid=
cleanup() {
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
[ -z "${KEEP:-}" ] || trap - EXIT

ssh-keygen -q -t ed25519 -N '' -C kzmove-bench -f "$work/id"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
app/bin/kzmove sim --port "$port" --zones 10 --authorized-keys "$work/id.pub" --host-key "$work/host_key" \
    --audit "$work/audit.jsonl" > "$work/sim.out" 2>&1 &
sim_pid=$!
i=0
until grep -q "$port" "$work/sim.out" 2>/dev/null; do
    i=$((i + 1)); [ "$i" -lt 300 ] || { echo "the simulated host did not start" >&2; cat "$work/sim.out" >&2; exit 1; }
    sleep 0.1
done

zones() {
    "$kzmove" zones "kzadmin@127.0.0.1:$port" -i "$work/id" --known-hosts "$work/known_hosts" \
        --accept-new-host-key > "$work/zones.out" 2>&1
}
zones   # trusts the host key once, and records what kzmove sends
remote=$(python3 -c '
import json, sys
lines = [json.loads(l)["text"] for l in open(sys.argv[1]) if l.strip()]
print("; ".join(lines))' "$work/audit.jsonl")
[ -n "$remote" ] || { echo "no commands in the audit file" >&2; exit 1; }
openssh() {
    ssh -q -i "$work/id" -p "$port" -o BatchMode=yes -o UserKnownHostsFile="$work/ssh_known_hosts" \
        -o StrictHostKeyChecking=accept-new kzadmin@127.0.0.1 "$remote" > "$work/ssh.out" 2>&1
}
openssh

ms() { # command...: wall milliseconds
    s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000))
}
: > "$work/t.java"; : > "$work/t.help"; : > "$work/t.zones"; : > "$work/t.ssh"
n=0
while [ "$n" -lt "$rounds" ]; do
    ms java -version >> "$work/t.java"
    ms "$kzmove" --help >> "$work/t.help"
    ms zones >> "$work/t.zones"
    ms openssh >> "$work/t.ssh"
    n=$((n + 1))
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
j=$(median "$work/t.java"); h=$(median "$work/t.help"); z=$(median "$work/t.zones"); o=$(median "$work/t.ssh")
echo "rounds: $rounds; launcher: $kzmove; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java -version          median ${j} ms"
echo "kzmove --help          median ${h} ms  ($(awk "BEGIN {printf \"%.1f\", $h / $j}")x java -version; target <= 3x)"
echo "kzmove zones (10 KZs)  median ${z} ms  ($(awk "BEGIN {printf \"%.1f\", $z / $o}")x OpenSSH; target <= 2x)"
echo "OpenSSH, same commands median ${o} ms"
