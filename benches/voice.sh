#!/usr/bin/env bash
# Plays the first minutes of a built-in routine with the real speech engine
# and the tones, records what comes out, and checks the voice against its
# plan.
#
#   bash benches/voice.sh [SECONDS] [ROUTINE]
#
# The release build runs under Xvfb, straight into a routine (--start), with
# its sound and speech-dispatcher's going to a private PulseAudio server
# whose pipe sink is paced by the system clock. The speech engine is
# started and warmed up first, as on a desktop where it already runs (where
# it does not, the app starts it as the routine starts, and the first line
# comes about half a second late). The
# recording's bursts of sound are split into the tones (those that start
# where the plan has a cue, the plan placed on the recording by the tones
# themselves) and speech (everything else). Prints one name=value line each:
#   prompts_planned, prompts_heard, worst_prompt_start_ms (the farthest a
#   prompt began from its planned time), mean_prompt_start_ms,
#   tone_overlaps (pips, start, switch and the other tones that speech
#   covered), and "all figures within budget" when every planned prompt was
#   heard within 250 ms of plan and nothing overlapped.
# VOICE_BENCH_KEEP=DIR keeps the recording (raw, 48 kHz s16 stereo) and the
# plan there; VOICE_BENCH_DETAIL=1 prints each prompt and covered tone.
# Needs: speech-dispatcher speech-dispatcher-espeak-ng pulseaudio
# libasound2-plugins python3 xvfb xauth.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-120}
routine=${2:-Feet and calves}

for tool in pulseaudio python3 xvfb-run speech-dispatcher spd-say; do
  command -v "$tool" >/dev/null || {
    echo "needs $tool: apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng" \
         "pulseaudio libasound2-plugins python3 xvfb xauth" >&2
    exit 2
  }
done

cargo build --release --quiet
# The plan is pure code: the debug build of the tests serves.
cargo build --quiet --example voice_plan
target_dir=${CARGO_TARGET_DIR:-target}

work=$(mktemp -d)
cleanup() {
  set +e
  [[ -n ${speechd:-} ]] && kill "$speechd" 2>/dev/null && wait "$speechd" 2>/dev/null
  [[ -n ${pa:-} ]] && kill "$pa" 2>/dev/null && wait "$pa" 2>/dev/null
  [[ -n ${reader:-} ]] && kill "$reader" 2>/dev/null && wait "$reader" 2>/dev/null
  [[ -n ${VOICE_BENCH_KEEP:-} ]] && cp "$work/raw" "$work/plan.txt" "$VOICE_BENCH_KEEP/"
  rm -rf "$work"
}
trap cleanup EXIT

"$target_dir/debug/examples/voice_plan" "$routine" >"$work/plan.txt"

mkfifo "$work/pipe"
cat >"$work/pa.conf" <<CONF
load-module module-pipe-sink sink_name=bench file=$work/pipe format=s16le rate=48000 channels=2 use_system_clock_for_timing=yes
load-module module-native-protocol-unix auth-anonymous=1 socket=$work/native
set-default-sink bench
CONF
mkdir -p "$work/home" "$work/run" "$work/data"
chmod 700 "$work/run"
cat "$work/pipe" >"$work/raw" &
reader=$!
HOME=$work/home XDG_RUNTIME_DIR=$work/run pulseaudio -n -F "$work/pa.conf" \
  --exit-idle-time=-1 --daemonize=no >"$work/pa.log" 2>&1 &
pa=$!
for _ in $(seq 50); do [[ -S $work/native ]] && break; sleep 0.1; done
[[ -S $work/native ]] || { echo "pulseaudio did not start" >&2; cat "$work/pa.log" >&2; exit 1; }

export HOME=$work/home XDG_RUNTIME_DIR=$work/run PULSE_SERVER=unix:$work/native
# The speech engine, started and warmed up before the routine.
speech-dispatcher --spawn --timeout 0 >"$work/speechd.log" 2>&1 || true
for _ in $(seq 50); do [[ -S $work/run/speech-dispatcher/speechd.sock ]] && break; sleep 0.1; done
spd-say -w -l en "Ready." >/dev/null 2>&1 || true
sleep 1

printf '(safety_acknowledged: true)\n' >"$work/data/settings.ron"
timeout --signal=TERM "$secs" \
  xvfb-run -a "$target_dir/release/rollcoach" --data-dir "$work/data" --start "$routine" \
  >"$work/app.log" 2>&1 || true
sleep 1
pkill -f "speech-dispatcher.*--timeout 0" 2>/dev/null || true
kill "$pa"; wait "$pa" 2>/dev/null || true; pa=""
wait "$reader" 2>/dev/null || true; reader=""

python3 benches/voice_check.py "$work/raw" "$work/plan.txt"
