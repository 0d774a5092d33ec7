#!/usr/bin/env bash
# CPU use of the release build under Xvfb (Mesa's software renderer):
# the library at rest, a running hold, and a running pacing (rolling) phase.
#
#   bash benches/cpu.sh [SECONDS]
#
# Prints one name=value line per figure: library_cpu_pct, hold_cpu_pct,
# pacing_cpu_pct (percent of one core, averaged over SECONDS, default 15).
# Needs: xvfb xauth xdotool.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y xvfb xauth xdotool" >&2; exit 2; }
done
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/rollcoach
work=$(mktemp -d)
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Runs the app, sends KEYS once its window shows, waits SETTLE seconds, then
# measures CPU over SECONDS. Prints the percentage of one core.
measure() {
  local keys=$1 settle=$2
  shift 2
  rm -rf "$work/data"; mkdir -p "$work/data"
  printf '(safety_acknowledged: true, muted: true)\n' >"$work/data/settings.ron"
  "$bin" --data-dir "$work/data" "$@" >"$work/app.log" 2>&1 &
  local app=$!
  local win
  win=$(timeout 60 xdotool search --sync --onlyvisible --name '^Rollcoach$' | head -n 1)
  xdotool windowfocus --sync "$win" 2>/dev/null || true
  for key in $keys; do xdotool key "$key"; sleep 0.3; done
  sleep "$settle"
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$app")
  sleep "$secs"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$app")
  kill "$app"; wait "$app" 2>/dev/null || true
  python3 -c "print(f'{100 * ($c1 - $c0) / $ticks / ($t1 - $t0):.1f}')"
}

echo "library_cpu_pct=$(measure "" 3)"
# Get ready, then skip into the roll: 40 s of pacing.
echo "pacing_cpu_pct=$(measure "Right" 2 --start 'Feet and calves')"
# Skip past the roll into the first hold (20 s), and extend it to 50 s.
echo "hold_cpu_pct=$(measure "Right Right plus plus plus" 2 --start 'Feet and calves')"
