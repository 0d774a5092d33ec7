#!/usr/bin/env bash
# What the release build costs on a desktop without a graphics card: runs it
# under Xvfb (Mesa's software renderer) in three states, with a fresh data
# folder of a returning user each time:
#   library  the exercise library, at rest;
#   pacing   a routine in its rolling phase (the pacing animation);
#   hold     a routine in a hold (a countdown).
#
#   bash benches/desktop.sh [SECONDS]
#
# Prints one name=value line per figure and state (for example
# hold_cpu_pct=0.9):
#   <state>_cpu_pct         CPU use over SECONDS (default 30), % of one core
#   <state>_rss_mb          resident memory at the end, MB
#   <state>_pss_mb          proportional memory (shared pages split), MB
#   <state>_first_frame_ms  from launch until the first frame is on screen:
#                           the median of 5 launches (after one to wake the
#                           display server), as startup times are noisy
#   <state>_first_frame_ms_max  the slowest of those 5
# Then checks them against the budgets below and exits 1 if any is over.
# Needs: xvfb xauth xdotool (apt-get install -y xvfb xauth xdotool).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}

# Budgets: state figure limit.
budgets=(
  "library cpu_pct 0.05"
  "hold cpu_pct 2"
  "pacing cpu_pct 7"
  "library pss_mb 80" "hold pss_mb 80" "pacing pss_mb 80"
  "library first_frame_ms 300" "hold first_frame_ms 300" "pacing first_frame_ms 300"
)

for tool in Xvfb xdotool python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y xvfb xauth xdotool python3" >&2; exit 2; }
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
mem_mb() { awk -v k="$2:" '$1 == k {printf "%.1f", $2 / 1024}' "/proc/$1/smaps_rollup"; }

# measure STATE KEYS SETTLE [ARGS...]: runs the app, sends KEYS once its
# window shows, waits SETTLE seconds, then measures for SECONDS.
measure() {
  local state=$1 keys=$2 settle=$3
  shift 3
  rm -rf "$work/data"; mkdir -p "$work/data"
  printf '(safety_acknowledged: true, muted: true)\n' >"$work/data/settings.ron"
  "$bin" --data-dir "$work/data" "$@" >"$work/app.out" 2>"$work/app.err" &
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
  local rss pss
  rss=$(mem_mb "$app" Rss); pss=$(mem_mb "$app" Pss)
  kill "$app"; wait "$app" 2>/dev/null || true
  echo "${state}_cpu_pct=$(python3 -c "print(f'{100 * ($c1 - $c0) / $ticks / ($t1 - $t0):.1f}')")"
  echo "${state}_rss_mb=$rss"
  echo "${state}_pss_mb=$pss"
}

# first_frame STATE [ARGS...]: launches the app 1 + 5 times, each until its
# first frame is on screen; prints the median and the slowest of the last 5.
first_frame() {
  local state=$1
  shift
  local times=()
  for run in 0 1 2 3 4 5; do
    rm -rf "$work/data"; mkdir -p "$work/data"
    printf '(safety_acknowledged: true, muted: true)\n' >"$work/data/settings.ron"
    local launched shown=""
    launched=$(date +%s%3N)
    "$bin" --data-dir "$work/data" --report-first-frame "$@" >"$work/app.out" 2>/dev/null &
    local app=$!
    for _ in $(seq 200); do
      shown=$(sed -n 's/^first_frame_unix_ms=//p' "$work/app.out")
      [[ -n $shown ]] && break
      sleep 0.05
    done
    kill "$app"; wait "$app" 2>/dev/null || true
    [[ -n $shown ]] || { echo "${state}: no first frame within 10 s" >&2; exit 1; }
    ((run > 0)) && times+=($((shown - launched)))
  done
  python3 -c "import statistics, sys; t = [int(v) for v in sys.argv[1:]]; print(f'${state}_first_frame_ms={statistics.median(t):.0f}'); print(f'${state}_first_frame_ms_max={max(t)}')" "${times[@]}"
}

{
  measure library "" 3
  first_frame library
  # Skip the get-ready into the 40 s roll of the first exercise.
  measure pacing "Right" 2 --start 'Feet and calves'
  first_frame pacing --start 'Feet and calves'
  # Skip past the roll into the 20 s hold, and extend it to 50 s.
  measure hold "Right Right plus plus plus" 2 --start 'Feet and calves'
  first_frame hold --start 'Feet and calves'
} | tee "$work/figures"

over=0
for budget in "${budgets[@]}"; do
  read -r state figure limit <<<"$budget"
  value=$(sed -n "s/^${state}_${figure}=//p" "$work/figures")
  if python3 -c "import sys; sys.exit(0 if float('$value') <= $limit else 1)"; then :; else
    echo "over budget: ${state}_${figure}=$value (budget $limit)" >&2
    over=1
  fi
done
((over == 0)) && echo "# all figures within budget" >&2
exit "$over"
