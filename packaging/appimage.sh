#!/usr/bin/env bash
# Makes the Linux AppImage from the files of the .deb that cargo-packager
# made, so both hold the same binary, desktop entry, icons and metainfo:
#
#     cargo packager --release -c Packager.toml --formats deb
#     packaging/appimage.sh [OUT_DIR]        # OUT_DIR: target/release
#
# writes OUT_DIR/rollcoach_VERSION_x86_64.AppImage. An AppImage is a runtime
# (a small program that mounts or unpacks the rest) followed by a squashfs
# image of the AppDir. The runtime comes from the `appimage` crate on
# crates.io, fetched with cargo and checked against its SHA-256; squashfs
# comes from mksquashfs (Debian/Ubuntu: squashfs-tools).
#
# `cargo packager --formats appimage` makes an AppImage too, with linuxdeploy,
# but downloads its tools from outside the package registries; this script
# needs nothing beyond crates.io.
#
# Exit status: 0 made, 1 failed, 3 the runtime could not be had (offline, or
# not x86_64), so no AppImage was made.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly RUNTIME_CRATE=appimage
readonly RUNTIME_VERSION=0.4.0
readonly RUNTIME_SHA256=328e0d745c5c6817048c27bc3e8314871703f8f47ffa81a37cb06cd95a94b323

out=${1:-${CARGO_TARGET_DIR:-target}/release}
out=$(cd "$out" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Packager.toml)
deb="$out/rollcoach_${version}_amd64.deb"
appimage="$out/rollcoach_${version}_x86_64.AppImage"

if [[ $(uname -m) != x86_64 ]]; then
  echo "appimage: the runtime is for x86_64 only; this machine is $(uname -m)" >&2
  exit 3
fi
if [[ ! -f $deb ]]; then
  echo "appimage: $deb is missing: run cargo packager --release -c Packager.toml --formats deb first" >&2
  exit 1
fi
for tool in mksquashfs dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null || { echo "appimage: $tool is missing (squashfs-tools, dpkg)" >&2; exit 1; }
done

# The runtime, from cargo's copy of the crate; fetched into it when missing.
find_runtime() {
  local dir
  for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"$RUNTIME_CRATE-$RUNTIME_VERSION"; do
    if [[ -f $dir/assets/runtime-x86_64 ]]; then
      echo "$dir/assets/runtime-x86_64"
      return 0
    fi
  done
  return 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! runtime=$(find_runtime); then
  echo "appimage: fetching the runtime: crate $RUNTIME_CRATE $RUNTIME_VERSION from crates.io"
  mkdir -p "$work/fetch/src"
  printf '[package]\nname = "fetch-runtime"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s = "=%s"\n' \
    "$RUNTIME_CRATE" "$RUNTIME_VERSION" >"$work/fetch/Cargo.toml"
  echo 'fn main() {}' >"$work/fetch/src/main.rs"
  if ! cargo fetch --quiet --manifest-path "$work/fetch/Cargo.toml" || ! runtime=$(find_runtime); then
    echo "appimage: could not fetch crate $RUNTIME_CRATE $RUNTIME_VERSION from crates.io" >&2
    exit 3
  fi
fi
if ! echo "$RUNTIME_SHA256  $runtime" | sha256sum --check --quiet; then
  echo "appimage: $runtime does not have the expected SHA-256" >&2
  exit 1
fi

# The AppDir: the .deb's files, plus what the AppImage format asks for at
# its top: the entry point, the desktop entry and the icon.
appdir="$work/rollcoach.AppDir"
mkdir -p "$appdir"
dpkg-deb -x "$deb" "$appdir"
ln -s usr/bin/rollcoach "$appdir/AppRun"
cp "$appdir/usr/share/applications/rollcoach.desktop" "$appdir/rollcoach.desktop"
cp "$appdir/usr/share/icons/hicolor/256x256/apps/rollcoach.png" "$appdir/rollcoach.png"
ln -s rollcoach.png "$appdir/.DirIcon"

mksquashfs "$appdir" "$work/rollcoach.squashfs" -root-owned -noappend -no-xattrs -quiet >/dev/null
cat "$runtime" "$work/rollcoach.squashfs" >"$work/rollcoach.AppImage"
chmod 755 "$work/rollcoach.AppImage"
mv "$work/rollcoach.AppImage" "$appimage"
echo "$appimage"
