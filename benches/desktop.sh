#!/usr/bin/env bash
# What the release build costs on a desktop without a graphics card but with
# a sound server: runs it under Xvfb (Mesa's software renderer) with a
# private PulseAudio (a null sink that suspends when idle, as desktops have
# it), sound on at the default volume, in three states, with a fresh data
# folder of a returning user each time:
#   library  the exercise library, at rest;
#   pacing   a routine in its rolling phase (the pacing animation);
#   hold     a routine in a hold (a countdown);
#   pacing_tones, hold_tones  the same with tones only (no voice).
# The voice's speech-dispatcher is the app's own (started by it, in a
# private runtime folder), and gone before the next state starts.
#
#   bash benches/desktop.sh [SECONDS]
#
# Prints one name=value line per figure and state (for example
# hold_total_cpu_pct=0.9):
#   <state>_cpu_pct         the app's CPU over SECONDS (default 30), % of one core
#   <state>_server_cpu_pct  the sound server's CPU over the same time
#   <state>_total_cpu_pct   the two together
#   <state>_streams         sound streams the app holds at the end
#   <state>_sink_suspended  1 if the sound device is suspended at the end
#   <state>_rss_mb          resident memory at the end, MB
#   <state>_pss_mb          proportional memory (shared pages split), MB
#   <state>_own_pss_mb      the part of it above a bare eframe window's
#                           (baseline_pss_mb): what the app itself adds
#   <state>_first_frame_ms  from launch until the first frame is on screen:
#                           the median of 5 launches (after one to wake the
#                           display server), as startup times are noisy
#   <state>_first_frame_ms_max  the slowest of those 5
#   <state>_pacing_fps      the frame rate the app chose for the pacing
#                           animation (5 under a software renderer, 30 on
#                           a graphics card), as it says on start-up
# baseline_pss_mb is examples/bare_window.rs at rest, measured the same way:
# the toolkit and the graphics driver alone (under Mesa's software renderer
# about 79 MB, over 35 MB of it LLVM), which the app cannot shrink; memory
# is budgeted above it.
# Then checks them against the budgets below and exits 1 if any is off.
# Needs: xvfb xauth xdotool python3 pulseaudio pulseaudio-utils
# libasound2-plugins (apt-get install -y ...): ALSA's pulse plugin, as most
# desktops have it, is how the app reaches the sound server.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}

# Budgets: state figure at-most|at-least limit.
budgets=(
  "library total_cpu_pct at-most 0.1"
  "library streams at-most 0"
  "library sink_suspended at-least 1"
  "hold_tones total_cpu_pct at-most 2"
  "pacing_tones total_cpu_pct at-most 7"
  # With the voice on, speech-dispatcher's sound stream keeps the server
  # mixing for as long as its daemon lives (measured: about 6.4 % in all).
  "hold total_cpu_pct at-most 8"
  "pacing total_cpu_pct at-most 9"
  "library own_pss_mb at-most 10" "hold own_pss_mb at-most 16" "pacing own_pss_mb at-most 16"
  "library first_frame_ms at-most 300" "hold first_frame_ms at-most 300"
  "pacing first_frame_ms at-most 300"
)

for tool in Xvfb xdotool python3 pulseaudio pactl; do
  command -v "$tool" >/dev/null || {
    echo "needs $tool: apt-get install -y xvfb xauth xdotool python3 pulseaudio pulseaudio-utils libasound2-plugins" >&2
    exit 2
  }
done
[[ -e /etc/alsa/conf.d/99-pulse.conf || -e /usr/share/alsa/alsa.conf.d/99-pulse.conf ]] ||
  { echo "needs ALSA's pulse plugin: apt-get install -y libasound2-plugins" >&2; exit 2; }
cargo build --release --quiet --bin rollcoach --example bare_window
bin=${CARGO_TARGET_DIR:-target}/release/rollcoach
bare=${CARGO_TARGET_DIR:-target}/release/examples/bare_window
work=$(mktemp -d)
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!

# The sound server: a null sink that suspends after a second of silence.
mkdir -p "$work/pa/home" "$work/pa/run"
printf '%s\n' \
  "load-module module-null-sink sink_name=speakers rate=48000 channels=2" \
  "load-module module-native-protocol-unix auth-anonymous=1 socket=$work/pa/native" \
  "load-module module-suspend-on-idle timeout=1" \
  "set-default-sink speakers" >"$work/pa/pa.conf"
HOME=$work/pa/home XDG_RUNTIME_DIR=$work/pa/run pulseaudio -n -F "$work/pa/pa.conf" \
  --exit-idle-time=-1 --daemonize=no >"$work/pa/log" 2>&1 &
server=$!
trap 'kill "$xvfb" "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [[ -S $work/pa/native ]] && break; sleep 0.1; done
[[ -S $work/pa/native ]] || { echo "pulseaudio did not start:" >&2; cat "$work/pa/log" >&2; exit 1; }
export PULSE_SERVER=unix:$work/pa/native
# The app's own runtime folder, so a speech-dispatcher it starts is a
# private one that is waited out between states.
mkdir -p "$work/app-run"; chmod 700 "$work/app-run"
export XDG_RUNTIME_DIR=$work/app-run
speech_gone() {
  for _ in $(seq 100); do
    pgrep -f "speech-dispatcher.*$work/app-run" >/dev/null || return 0
    sleep 0.1
  done
  echo "the speech engine the app started was still running 10 s after it quit" >&2
  pkill -f "speech-dispatcher.*$work/app-run" || true
}
sleep 1
export DISPLAY=$display
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
mem_mb() { awk -v k="$2:" '$1 == k {printf "%.1f", $2 / 1024}' "/proc/$1/smaps_rollup"; }
# returning_user [SETTINGS]: a fresh data folder whose settings have the
# safety screen read, and SETTINGS (RON fields) besides.
returning_user() {
  rm -rf "$work/data"; mkdir -p "$work/data"
  printf '(version: 2, safety_acknowledged: true, %s)\n' "${1:-}" >"$work/data/settings.ron"
}

# The bare window's memory at rest, after the same settling time as the
# library's.
baseline() {
  "$bare" >/dev/null 2>&1 &
  local app=$!
  timeout 60 xdotool search --sync --onlyvisible --name '^Bare window$' >/dev/null
  sleep 5
  echo "baseline_pss_mb=$(mem_mb "$app" Pss)"
  kill "$app"; wait "$app" 2>/dev/null || true
}

# measure STATE KEYS SETTLE [ARGS...]: runs the app, sends KEYS once its
# window shows, waits SETTLE seconds, then measures for SECONDS.
measure() {
  local state=$1 keys=$2 settle=$3
  shift 3
  returning_user "${settings:-}"
  "$bin" --data-dir "$work/data" "$@" >"$work/app.out" 2>"$work/app.err" &
  local app=$!
  local win
  win=$(timeout 60 xdotool search --sync --onlyvisible --name '^Rollcoach$' | head -n 1)
  xdotool windowfocus --sync "$win" 2>/dev/null || true
  for key in $keys; do xdotool key "$key"; sleep 0.3; done
  sleep "$settle"
  local t0 c0 s0 t1 c1 s1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$app"); s0=$(cpu_ticks "$server")
  sleep "$secs"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$app"); s1=$(cpu_ticks "$server")
  local rss pss streams suspended
  rss=$(mem_mb "$app" Rss); pss=$(mem_mb "$app" Pss)
  streams=$(pactl list sink-inputs short | wc -l)
  suspended=$(pactl list sinks short | awk '$2 == "speakers" {print ($NF == "SUSPENDED") ? 1 : 0}')
  kill "$app"; wait "$app" 2>/dev/null || true
  speech_gone
  # The frame rate the app chose for the pacing animation, from the
  # renderer it names at start-up.
  local fps
  fps=$(sed -n 's/.*animation at \([0-9]*\) frames a second.*/\1/p' "$work/app.err" | head -n 1)
  echo "${state}_pacing_fps=${fps:-unknown}"
  python3 -c '
import sys
c0, c1, s0, s1, t0, t1, ticks = map(float, sys.argv[1:8])
state = sys.argv[8]
pct = lambda a, b: 100 * (b - a) / ticks / (t1 - t0)
app, server = pct(c0, c1), pct(s0, s1)
print(f"{state}_cpu_pct={app:.2f}")
print(f"{state}_server_cpu_pct={server:.2f}")
print(f"{state}_total_cpu_pct={app + server:.2f}")
' "$c0" "$c1" "$s0" "$s1" "$t0" "$t1" "$ticks" "$state"
  echo "${state}_streams=$streams"
  echo "${state}_sink_suspended=$suspended"
  echo "${state}_rss_mb=$rss"
  echo "${state}_pss_mb=$pss"
  echo "${state}_own_pss_mb=$(python3 -c "print(f'{$pss - $base:.1f}')")"
}

# first_frame STATE [ARGS...]: launches the app 1 + 5 times, each until its
# first frame is on screen; prints the median and the slowest of the last 5.
first_frame() {
  local state=$1
  shift
  local times=()
  for run in 0 1 2 3 4 5; do
    returning_user
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

base=$(baseline | sed 's/.*=//')
{
  echo "baseline_pss_mb=$base"
  # At rest, after start-up has had time to settle.
  measure library "" 5
  first_frame library
  # Skip the get-ready into the 40 s roll of the first exercise.
  measure pacing "Right" 2 --start 'Feet and calves'
  first_frame pacing --start 'Feet and calves'
  # Skip past the roll into the 20 s hold, and extend it to 50 s.
  measure hold "Right Right plus plus plus" 2 --start 'Feet and calves'
  first_frame hold --start 'Feet and calves'
  # The same with tones only: the voice's speech engine keeps a sound
  # stream of its own open while it runs, which keeps the device awake.
  settings="voice: (on: false)" measure pacing_tones "Right" 2 --start 'Feet and calves'
  settings="voice: (on: false)" measure hold_tones "Right Right plus plus plus" 2 \
    --start 'Feet and calves'
} | tee "$work/figures"

off=0
for budget in "${budgets[@]}"; do
  read -r state figure how limit <<<"$budget"
  value=$(sed -n "s/^${state}_${figure}=//p" "$work/figures")
  if python3 -c "import sys; v, l = float('$value'), $limit; sys.exit(0 if (v <= l if '$how' == 'at-most' else v >= l) else 1)"; then :; else
    echo "off budget: ${state}_${figure}=$value (budget: $how $limit)" >&2
    off=1
  fi
done
((off == 0)) && echo "# all figures within budget" >&2
exit "$off"
