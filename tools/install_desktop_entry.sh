#!/usr/bin/env bash
# Register a built bundle (dist/Concordia) with the Linux desktop: menu entry, icon, and the
# concordia:// link scheme. Per user; nothing outside ~/.local is touched.
#
#     tools/install_desktop_entry.sh [BUNDLE_DIR]      (default: dist/Concordia)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bundle="$(cd "${1:-$here/dist/Concordia}" && pwd)"
[ -x "$bundle/Concordia" ] || { echo "no Concordia executable in $bundle" >&2; exit 1; }
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps"
sed "s|@BUNDLE@|$bundle|g" "$here/resources/linux/concordia.desktop" > "$apps/concordia.desktop"
cp "$here/resources/icons/concordia-256.png" "$icons/256x256/apps/concordia.png"
cp "$here/resources/icons/concordia.svg" "$icons/scalable/apps/concordia.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$apps" || true
command -v xdg-mime >/dev/null && xdg-mime default concordia.desktop x-scheme-handler/concordia || true
echo "Concordia registered: $apps/concordia.desktop (concordia:// links open $bundle/Concordia)"
