#!/usr/bin/env bash
# Measures when the real app's cues come out of the sound system.
#
#   bash benches/cue_timing.sh [SECONDS] [ROUTINE]
#
# Runs the release build under Xvfb, straight into a routine (--start),
# with its sound going to a private PulseAudio server whose pipe sink is
# paced by the system clock; records what it plays; finds the onset of every
# sound; and compares the onsets with the session's schedule, relative to the
# first cue. Prints one name=value line per figure:
#   cues_scheduled, cues_heard, worst_onset_error_ms, mean_onset_error_ms
# Needs: pulseaudio libasound2-plugins sox python3 xvfb xauth.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-40}
routine=${2:-Feet and calves}

for tool in pulseaudio sox python3 xvfb-run; do
  command -v "$tool" >/dev/null || {
    echo "needs $tool: apt-get install -y pulseaudio libasound2-plugins sox python3 xvfb xauth" >&2
    exit 2
  }
done

cargo build --release --quiet
cargo build --release --quiet --example cue_schedule
target_dir=${CARGO_TARGET_DIR:-target}

work=$(mktemp -d)
cleanup() {
  set +e
  [[ -n ${pa:-} ]] && kill "$pa" 2>/dev/null && wait "$pa" 2>/dev/null
  [[ -n ${reader:-} ]] && kill "$reader" 2>/dev/null && wait "$reader" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$target_dir/release/examples/cue_schedule" "$routine" >"$work/schedule.txt"

mkfifo "$work/pipe"
cat >"$work/pa.conf" <<CONF
load-module module-pipe-sink sink_name=bench file=$work/pipe format=s16le rate=48000 channels=2 use_system_clock_for_timing=yes
load-module module-native-protocol-unix auth-anonymous=1 socket=$work/native
set-default-sink bench
CONF
mkdir -p "$work/home" "$work/run" "$work/data"
cat "$work/pipe" >"$work/raw" &
reader=$!
HOME=$work/home XDG_RUNTIME_DIR=$work/run pulseaudio -n -F "$work/pa.conf" \
  --exit-idle-time=-1 --daemonize=no >"$work/pa.log" 2>&1 &
pa=$!
for _ in $(seq 50); do [[ -S $work/native ]] && break; sleep 0.1; done
[[ -S $work/native ]] || { echo "pulseaudio did not start" >&2; cat "$work/pa.log" >&2; exit 1; }

# Tones only: the voice has its own benchmark (benches/voice.sh).
printf '(safety_acknowledged: true, voice: (on: false))\n' >"$work/data/settings.ron"
PULSE_SERVER=unix:$work/native timeout --signal=TERM "$secs" \
  xvfb-run -a "$target_dir/release/rollcoach" --data-dir "$work/data" --start "$routine" \
  >"$work/app.log" 2>&1 || true
sleep 0.5
kill "$pa"; wait "$pa" 2>/dev/null || true; pa=""
wait "$reader" 2>/dev/null || true; reader=""

python3 - "$work/raw" "$work/schedule.txt" "$secs" <<'PY'
import array, sys
raw, schedule, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
rate = 48000
a = array.array('h')
with open(raw, 'rb') as f:
    a.frombytes(f.read())
mono = a[0::2]
threshold, gap = int(0.01 * 32768), int(0.02 * rate)
onsets, last = [], None
for i, x in enumerate(mono):
    if abs(x) > threshold:
        if last is None or i - last > gap:
            onsets.append(i / rate * 1000.0)
        last = i
planned = [float(line.split()[0]) for line in open(schedule) if line.strip()]
# Only the cues that were due while the app ran (it needs a moment to start).
heard = onsets
if not heard:
    print("cues_heard=0")
    sys.exit(1)
span = heard[-1] - heard[0]
expected = [p - planned[0] for p in planned if p - planned[0] <= span + 500]
got = [h - heard[0] for h in heard]
n = min(len(expected), len(got))
errors = [abs(got[i] - expected[i]) for i in range(n)]
print(f"cues_scheduled={len(expected)}")
print(f"cues_heard={len(got)}")
print(f"worst_onset_error_ms={max(errors):.3f}")
print(f"mean_onset_error_ms={sum(errors) / n:.3f}")
PY
