#!/usr/bin/env bash
# Saves on a real full disk and a real read-only one: makes a small tmpfs,
# writes a settings file and a routine on it, fills it up and runs the
# ignored tests of tests/disk_faults.rs (ROLLCOACH_FAULT_KIND=full), then
# makes the same disk read-only and runs them again (readonly).
# Mounting needs root (CAP_SYS_ADMIN); where it is refused, says SKIPPED
# and why, and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v cargo-nextest >/dev/null 2>&1; then
  run_tests() { cargo nextest run --locked --test disk_faults --run-ignored only --no-fail-fast; }
else
  run_tests() { cargo test --locked --test disk_faults -- --ignored; }
fi

mnt=$(mktemp -d)
mounted=""
cleanup() {
  if [[ -n $mounted ]]; then
    umount "$mnt" || umount -l "$mnt" || true
  fi
  rmdir "$mnt" 2>/dev/null || true
}
trap cleanup EXIT

if [[ $(id -u) -ne 0 ]]; then
  echo "SKIPPED: a full disk and a read-only folder need a tmpfs mount, and mounting needs root" \
       "(running as $(id -un))."
  exit 0
fi
if ! err=$(mount -t tmpfs -o size=256k,mode=0755 tmpfs "$mnt" 2>&1); then
  echo "SKIPPED: a small tmpfs could not be mounted for a full disk and a read-only folder" \
       "(no CAP_SYS_ADMIN here?): ${err//$'\n'/ }"
  exit 0
fi
mounted=yes

# Built before the disk is filled, so that the build is not what fails.
cargo test --locked --test disk_faults --no-run

data="$mnt/rollcoach"
mkdir -p "$data/routines"
cat >"$data/settings.ron" <<'RON'
(
    version: 2,
    safety_acknowledged: true,
    volume: 0.6,
)
RON
cat >"$data/routines/calves.ron" <<'RON'
(
    version: 1,
    name: "Calves before a run",
    description: "Written before the disk filled up",
    steps: [
        (exercise: "calves", roll_seconds: 40, holds: 1, hold_seconds: 20, rest_seconds: 10),
    ],
)
RON

# Fill every last block; dd stops, refused, when the disk is full.
dd if=/dev/zero of="$mnt/fill" bs=4k status=none 2>/dev/null || true
sync
echo "-- a full disk: $(df -k --output=avail "$mnt" | tail -1 | tr -d ' ') KiB free"
ROLLCOACH_FAULT_DIR="$data" ROLLCOACH_FAULT_KIND=full run_tests

# The same disk, read-only (with room again, so that only being read-only
# can be why a save is refused).
rm -f "$mnt/fill"
mount -o remount,ro "$mnt"
echo "-- a read-only disk: $(findmnt -no OPTIONS "$mnt")"
ROLLCOACH_FAULT_DIR="$data" ROLLCOACH_FAULT_KIND=readonly run_tests

echo "a full disk and a read-only folder: saves refused in plain words, files kept"
