#!/usr/bin/env bash
# Plays the first minutes of a built-in routine with the real speech engine
# and the tones, records what comes out, and checks the voice against its
# plan.
#
#   bash benches/voice.sh [SECONDS] [ROUTINE]
#
# The release build runs under Xvfb, straight into a routine (--start), with
# its sound and speech-dispatcher's going to a private PulseAudio server
# whose pipe sink is paced by the system clock. The speech engine is warmed
# up first, as the app does while a person reads the first screen. The
# recording's bursts of sound are split into the tones (those that start
# where the plan has a cue, the plan placed on the recording by the tones
# themselves) and speech (everything else). Prints one name=value line each:
#   prompts_planned, prompts_heard, worst_prompt_start_ms (the farthest a
#   prompt began from its planned time), mean_prompt_start_ms,
#   tone_overlaps (pips, start, switch and the other tones that speech
#   covered), and "all figures within budget" when every planned prompt was
#   heard within 250 ms of plan and nothing overlapped.
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

python3 - "$work/raw" "$work/plan.txt" "$secs" <<'PY'
import array, sys
raw, plan, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
rate = 48000
a = array.array('h')
with open(raw, 'rb') as f:
    a.frombytes(f.read())
mono = a[0::2]
threshold, gap = int(0.01 * 32768), int(0.02 * rate)
bursts, on, last = [], None, None
for i, x in enumerate(mono):
    if abs(x) > threshold:
        if on is None:
            on = i
        last = i
    elif on is not None and i - last > gap:
        bursts.append((on / rate * 1000.0, last / rate * 1000.0))
        on = None
if on is not None:
    bursts.append((on / rate * 1000.0, last / rate * 1000.0))

prompts, cues = [], []
for line in open(plan):
    kind, rest = line.split(' ', 1)
    if kind == 'prompt':
        at, length, text = rest.split(' ', 2)
        prompts.append((float(at), float(length), text.strip()))
    else:
        at, name = rest.split()
        cues.append((float(at), name))
# How long each tone sounds, ringing out included (session::sound_length).
sound = {'Tick': 100, 'Turnaround': 150, 'Start': 330, 'BreatheIn': 650, 'Pip': 100,
         'HoldEnd': 900, 'EaseOff': 370, 'SwitchSide': 260, 'NextExercise': 370, 'Done': 900}

# Place the plan on the recording: the offset at which most planned tones
# start a burst (tones are scheduled to the sample).
tones = [c for c in cues if c[1] != 'Tick']
best, offset = -1, None
for b in bursts[:60]:
    for c in tones[:20]:
        o = b[0] - c[0]
        score = sum(1 for t in tones if any(abs(x[0] - (t[0] + o)) < 3 for x in bursts))
        if score > best:
            best, offset = score, o
if offset is None:
    print("prompts_heard=0")
    sys.exit(1)
span = bursts[-1][1] - offset
tone_starts = [c[0] + offset for c in cues if c[0] + offset < bursts[-1][1]]
def is_tone(b):
    return any(abs(b[0] - t) < 3 for t in tone_starts)
speech = [b for b in bursts if not is_tone(b) and b[0] > offset - 100]

planned = [p for p in prompts if p[0] + p[1] < span - 500]
errors = []
for at, length, text in planned:
    want = at + offset
    found = [b for b in speech if want - 300 <= b[0] <= want + 1500]
    if found:
        errors.append(found[0][0] - want)
overlaps = 0
for at, name in tones:
    start = at + offset
    if start > bursts[-1][1]:
        break
    end = start + sound[name]
    covered = any(b[0] < end and b[1] > start for b in speech)
    merged = any(abs(b[0] - start) < 3 and b[1] - b[0] > sound[name] + 150 for b in bursts)
    overlaps += covered or merged
print(f"tones_matched={best}")
print(f"prompts_planned={len(planned)}")
print(f"prompts_heard={len(errors)}")
worst = max((abs(e) for e in errors), default=0.0)
mean = sum(errors) / len(errors) if errors else 0.0
print(f"worst_prompt_start_ms={worst:.0f}")
print(f"mean_prompt_start_ms={mean:.0f}")
print(f"tone_overlaps={overlaps}")
ok = len(errors) == len(planned) and worst <= 250 and overlaps == 0
print("all figures within budget" if ok else "OVER BUDGET")
sys.exit(0 if ok else 1)
PY
