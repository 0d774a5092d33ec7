"""Checks a recording of the app against its plan (see voice.sh).

    python3 benches/voice_check.py RAW PLAN

RAW is 48 kHz signed 16-bit stereo, PLAN the lines of examples/voice_plan.rs.
With VOICE_BENCH_DETAIL=1 it prints each prompt and each covered tone.
"""
import array, sys
import os
raw, plan = sys.argv[1], sys.argv[2]
detail = os.environ.get('VOICE_BENCH_DETAIL') == '1'
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

# Place the plan on the recording: the offset at which most of the tones
# of the first half minute start a burst (tones are scheduled to the
# sample). Only the start counts: the device is opened again later with a
# latency of its own, and the beat's regular tones would line up with a
# wrong offset there as well as anywhere.
tones = [c for c in cues if c[1] != 'Tick']
opening = [t for t in tones if t[0] < 30000]
best, offset = -1, None
for b in bursts[:60]:
    for c in opening[:8]:
        o = b[0] - c[0]
        score = sum(1 for t in opening if any(abs(x[0] - (t[0] + o)) < 3 for x in bursts))
        if score > best:
            best, offset = score, o
if offset is None:
    print("prompts_heard=0")
    sys.exit(1)
# Follow the tones through the recording: the sound device is closed when
# nothing is due and opened again, each time with a latency of its own, so
# the offset is taken again from each tone found near where it should be.
anchors = []  # (plan ms, offset ms) of every tone found
heard_tones = []  # (plan ms, name, burst) in order
o = offset
for at, name in cues:
    want = at + o
    if want > bursts[-1][1]:
        break
    near = [b for b in bursts if abs(b[0] - want) < 120]
    if near:
        b = min(near, key=lambda b: abs(b[0] - want))
        o = b[0] - at
        anchors.append((at, o))
        heard_tones.append((at, name, b))
def offset_at(ms):
    """The offset of the last tone at or before `ms` of the plan."""
    before = [a for a in anchors if a[0] <= ms]
    return before[-1][1] if before else offset
tone_bursts = {b for _, _, b in heard_tones}
speech = [b for b in bursts if b not in tone_bursts and b[0] > offset - 100]
span = bursts[-1][1] - offset
planned = [p for p in prompts if p[0] + p[1] < span - 500]
errors = []
for at, length, text in planned:
    want = at + offset_at(at)
    found = [b for b in speech if want - 300 <= b[0] <= want + 1500]
    if found:
        errors.append(found[0][0] - want)
        if detail:
            # The utterance: its bursts until a pause of 600 ms.
            end = found[0][1]
            for b in speech:
                if b[0] > found[0][0] and b[0] - end < 600:
                    end = max(end, b[1])
            print(f"# prompt at {at/1000:7.2f}s planned {length:5.0f} ms, began {found[0][0]-want:+4.0f} ms,"
                  f" lasted {end-found[0][0]:5.0f} ms, ends {end-(want+length):+5.0f} ms from plan: {text[:50]}")
    elif detail:
        print(f"# prompt at {at/1000:7.2f}s NOT HEARD: {text[:50]}")
overlaps = 0
for at, name in tones:
    o = offset_at(at)
    start = at + o
    if start > bursts[-1][1]:
        break
    end = start + sound[name]
    covered = any(b[0] < end and b[1] > start for b in speech)
    merged = any(abs(b[0] - start) < 3 and b[1] - b[0] > sound[name] + 150 for b in bursts)
    overlaps += covered or merged
    if detail and (covered or merged):
        print(f"# tone {name} at {at/1000:7.2f}s covered by speech" + (" (merged)" if merged else ""))
best = len(heard_tones)
print(f"tones_matched={best}")
print(f"prompts_planned={len(planned)}")
print(f"prompts_heard={len(errors)}")
# The first line is held to the same budget: the engine is warmed up as on
# a desktop where it runs already (voice.sh), and the app opens its
# connection while the window comes up.
first = errors[0] if errors else 0.0
print(f"first_prompt_start_ms={first:.0f}")
worst = max((abs(e) for e in errors), default=0.0)
mean = sum(errors) / len(errors) if errors else 0.0
print(f"worst_prompt_start_ms={worst:.0f}")
print(f"mean_prompt_start_ms={mean:.0f}")
print(f"tone_overlaps={overlaps}")
ok = len(errors) == len(planned) and worst <= 250 and overlaps == 0
print("all figures within budget" if ok else "OVER BUDGET")
sys.exit(0 if ok else 1)
