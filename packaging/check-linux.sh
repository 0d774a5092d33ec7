#!/usr/bin/env bash
# Checks the Linux release packages end to end, on Debian or Ubuntu:
#  - validates the desktop entry and the AppStream metainfo;
#  - builds the .deb with cargo-packager and checks what it holds;
#  - builds the AppImage from the same files (packaging/appimage.sh);
#  - installs the .deb, starts the installed app under Xvfb and checks that
#    its window shows, with the app id as its class and the icon set;
#  - starts the AppImage the same way;
#  - removes the package again, and checks that `cargo install --path .` works.
# Installs the tools it lacks (with sudo when not root). Exits non-zero on
# the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
fail() {
  printf '\nFAILED: %s\n' "$*" >&2
  exit 1
}

SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"

need_pkgs=()
for pkg in build-essential pkg-config libasound2-dev libxkbcommon-dev libwayland-dev \
           xvfb xauth xdotool x11-utils libgl1-mesa-dri \
           desktop-file-utils appstream squashfs-tools; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_pkgs+=("$pkg")
done
if ((${#need_pkgs[@]})); then
  step "installing ${need_pkgs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi
if ! command -v cargo-packager >/dev/null 2>&1; then
  step "installing cargo-packager"
  cargo install cargo-packager --locked --version '^0.11'
fi

target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target/release"
out=$(cd "$target/release" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Packager.toml)
[[ -n $version ]] || fail "no version in Packager.toml"
arch=$(dpkg --print-architecture)
deb="$out/rollcoach_${version}_${arch}.deb"

tmp=$(mktemp -d)
installed_by_us=0
cleanup() {
  if ((installed_by_us)); then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq rollcoach >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Starts a program under Xvfb with a fresh data folder and checks its window:
# shown, titled "Rollcoach", of class "rollcoach" (the desktop entry's
# StartupWMClass) and with the 256-pixel icon set. Run inside xvfb-run.
cat >"$tmp/window-check.sh" <<'SCRIPT'
log=$1
shift
"$@" >"$log" 2>&1 &
app=$!
status=0
if win=$(timeout 60 xdotool search --sync --onlyvisible --name '^Rollcoach$' | head -n 1) && [[ -n $win ]]; then
  class=$(xprop -id "$win" WM_CLASS)
  # The icon may be set a moment after the window shows.
  for _ in $(seq 50); do
    icon=$(xprop -len 8 -id "$win" _NET_WM_ICON | head -n 1)
    [[ $icon == *"Icon ("* ]] && break
    sleep 0.2
  done
  echo "window shown: $class"
  [[ $class == *'"rollcoach"'* ]] || { echo "the window class is not rollcoach"; status=1; }
  if [[ $icon == *"Icon (256 x 256)"* ]]; then
    echo "window icon: 256 x 256"
  else
    echo "the window has no 256 x 256 icon: $icon"
    status=1
  fi
  kill -0 "$app" 2>/dev/null || { echo "the app stopped"; status=1; }
else
  echo "no window within 60 s"
  status=1
fi
# An AppImage's runtime starts the app as its child and cleans up after it
# ends: stop the child and let the runtime finish; otherwise stop the app.
kids=$(cat /proc/"$app"/task/*/children 2>/dev/null || true)
if [[ -n ${kids// /} ]]; then
  kill $kids 2>/dev/null || true
else
  kill "$app" 2>/dev/null || true
fi
for _ in $(seq 50); do
  kill -0 "$app" 2>/dev/null || break
  sleep 0.2
done
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
if ((status)); then
  echo "--- its output:"
  tail -n 20 "$log"
fi
exit $status
SCRIPT
check_window() {
  local data
  data=$(mktemp -d "$tmp/data.XXXX")
  TMPDIR="$tmp" xvfb-run -a -s "-screen 0 1280x800x24" \
    bash "$tmp/window-check.sh" "$tmp/app.log" "$@" --data-dir "$data"
}

step "desktop entry and metainfo"
desktop-file-validate assets/linux/rollcoach.desktop || fail "assets/linux/rollcoach.desktop"
echo "assets/linux/rollcoach.desktop: valid"
# The app id is "rollcoach" everywhere (window class, desktop entry, icons),
# not a reverse domain name; AppStream only recommends one.
appstreamcli validate --no-net --override=cid-desktopapp-is-not-rdns=info \
  assets/linux/rollcoach.metainfo.xml || fail "assets/linux/rollcoach.metainfo.xml"

step "the .deb (cargo packager)"
rm -f "$deb"
cargo packager --release -c Packager.toml --formats deb --out-dir "$out"
[[ -f $deb ]] || fail "$deb was not made"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
contents=$(dpkg-deb --contents "$deb")
for file in usr/bin/rollcoach usr/share/applications/rollcoach.desktop \
            usr/share/icons/hicolor/scalable/apps/rollcoach.svg \
            usr/share/metainfo/rollcoach.metainfo.xml usr/share/doc/rollcoach/copyright; do
  grep -q " \./$file\$\| $file\$" <<<"$contents" || fail "$file is not in the .deb"
done
for size in 16 32 48 64 128 256 512; do
  file="usr/share/icons/hicolor/${size}x${size}/apps/rollcoach.png"
  grep -q " \./$file\$\| $file\$" <<<"$contents" || fail "$file is not in the .deb"
done
echo "the .deb holds the binary, the desktop entry, the metainfo, the licence and the icons (SVG and 7 PNG sizes)"

step "the AppImage"
appimage=""
appimage_status=0
bash packaging/appimage.sh "$out" || appimage_status=$?
case $appimage_status in
  0) appimage="$out/rollcoach_${version}_x86_64.AppImage" ;;
  3) echo "AppImage SKIPPED: its runtime could not be had (see the message above)" ;;
  *) fail "packaging/appimage.sh" ;;
esac

step "install the .deb"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall "$deb" >/dev/null ||
  fail "apt-get install $deb"
installed_by_us=1
[[ -x /usr/bin/rollcoach ]] || fail "/usr/bin/rollcoach is not installed"
desktop-file-validate /usr/share/applications/rollcoach.desktop || fail "the installed desktop entry"
echo "installed: $(/usr/bin/rollcoach --version)"

step "the installed app opens its window"
check_window /usr/bin/rollcoach || fail "the installed app"

if [[ -n $appimage ]]; then
  step "the AppImage opens its window"
  # Unpacks into a temporary folder instead of mounting with FUSE, which
  # containers often lack.
  check_window "$appimage" --appimage-extract-and-run || fail "the AppImage"
fi

step "remove the package"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq rollcoach >/dev/null || fail "apt-get remove rollcoach"
installed_by_us=0
[[ ! -e /usr/bin/rollcoach ]] || fail "/usr/bin/rollcoach is still there"
echo "removed"

step "cargo install --path ."
CARGO_TARGET_DIR="$target" cargo install --path . --locked --root "$tmp/install" --quiet
echo "installed by cargo: $("$tmp/install/bin/rollcoach" --version)"

step "done"
echo "packages:"
echo "  $deb"
if [[ -n $appimage ]]; then echo "  $appimage"; else echo "  (AppImage skipped)"; fi
