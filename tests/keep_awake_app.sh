#!/usr/bin/env bash
# The real app keeps the screen awake while a routine plays and lets go
# when it is stopped: the release build runs under Xvfb with private D-Bus
# buses and a stand-in screen saver and logind (tests/screensaver_stub.py)
# that record every call.
#
#   bash tests/keep_awake_app.sh [BINARY]
#
# Needs: xvfb xauth xdotool dbus-daemon python3-dbus python3-gi.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/release/rollcoach}
[[ -x $bin ]] || { echo "no binary at $bin: cargo build --release" >&2; exit 2; }
python=/usr/bin/python3 # Debian's, with python3-dbus and python3-gi
for tool in Xvfb xdotool dbus-daemon "$python"; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT

bus() { # bus NAME: starts a private bus, prints its address
  local address="unix:path=$work/$1"
  dbus-daemon --session --nofork --nopidfile --address="$address" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do [[ -S $work/$1 ]] && break; sleep 0.05; done
  echo "$address"
}
session=$(bus session)
system=$(bus system)
"$python" tests/screensaver_stub.py "$work/calls" --session "$session" --system "$system" >"$work/stub.out" &
pids+=($!)
for _ in $(seq 100); do grep -q ready "$work/stub.out" 2>/dev/null && break; sleep 0.05; done
grep -q ready "$work/stub.out" || { echo "the stand-in did not start" >&2; exit 1; }

display=:$((70 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
for _ in $(seq 100); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.05; done
mkdir -p "$work/data"
printf '(version: 2, safety_acknowledged: true, muted: true)\n' >"$work/data/settings.ron"
DBUS_SESSION_BUS_ADDRESS=$session DBUS_SYSTEM_BUS_ADDRESS=$system \
  "$bin" --data-dir "$work/data" --start 'Feet and calves' >"$work/app.out" 2>&1 &
app=$!
pids+=($app)
win=$(timeout 60 xdotool search --sync --onlyvisible --name '^Rollcoach$' | head -n 1)

calls() { grep -c "^$1" "$work/calls" 2>/dev/null || true; }
wait_for() { # wait_for WHAT COUNT: until the stand-in saw COUNT calls of WHAT
  for _ in $(seq 100); do (($(calls "$1") >= $2)) && return 0; sleep 0.1; done
  echo "FAILED: no $1 call within 10 s; the stand-in saw:" >&2
  cat "$work/calls" >&2 2>/dev/null || true
  cat "$work/app.out" >&2
  exit 1
}
wait_for Inhibit 1
wait_for LockInhibit 1
echo "playing: the screen saver and sleep are held off"
# Stop the routine: Esc asks, Enter stops.
xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool key Escape
sleep 0.5
xdotool key Return
wait_for UnInhibit 1
wait_for LockRelease 1
echo "stopped: both let go"
(($(calls Inhibit) == 1)) || { echo "FAILED: asked $(calls Inhibit) times" >&2; exit 1; }
echo "ok"
