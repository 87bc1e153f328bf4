#!/usr/bin/env bash
# Installs CellPilot on an edge box (Debian/Ubuntu with systemd and a Java 17 runtime):
#   sudo deploy/install-edge.sh [path/to/application.yml]
# Builds the launcher if needed, copies it to /opt/cellpilot, the configuration to /etc/cellpilot (never overwriting
# one that is there), creates the cellpilot user and installs the systemd unit. DESTDIR=/some/dir installs into a
# staging folder instead (no user, no systemctl), e.g. to build a package.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${DESTDIR:-}"
config="${1:-$here/deploy/cellpilot-example.yml}"

[ -f "$config" ] || { echo "install-edge: no configuration file at $config" >&2; exit 1; }
if [ ! -f "$here/controller/target/cellpilot.jar" ]; then
  (cd "$here" && mvn -B -q -DskipTests package)
fi

install -d "$dest/opt/cellpilot/lib" "$dest/etc/cellpilot" "$dest/var/lib/cellpilot" "$dest/var/cache/cellpilot"
install -m 0644 "$here/controller/target/cellpilot.jar" "$dest/opt/cellpilot/"
rm -f "$dest/opt/cellpilot/lib/"*.jar
install -m 0644 "$here/controller/target/lib/"*.jar "$dest/opt/cellpilot/lib/"
install -m 0644 "$here/README.md" "$dest/opt/cellpilot/"
if [ -d "$here/deploy/models" ]; then
  install -d "$dest/opt/cellpilot/models"
  cp -r "$here/deploy/models/." "$dest/opt/cellpilot/models/"
fi
if [ ! -f "$dest/etc/cellpilot/application.yml" ]; then
  install -m 0640 "$config" "$dest/etc/cellpilot/application.yml"
else
  echo "install-edge: kept the existing /etc/cellpilot/application.yml" >&2
fi
install -D -m 0644 "$here/deploy/systemd/cellpilot.service" "$dest/etc/systemd/system/cellpilot.service"

if [ -z "$dest" ]; then
  id cellpilot >/dev/null 2>&1 || useradd --system --home /var/lib/cellpilot --shell /usr/sbin/nologin cellpilot
  chown -R cellpilot:cellpilot /var/lib/cellpilot /var/cache/cellpilot
  chgrp cellpilot /etc/cellpilot/application.yml
  systemctl daemon-reload
  echo "install-edge: installed. Edit /etc/cellpilot/application.yml, then: systemctl enable --now cellpilot" >&2
  echo "install-edge: the first start prints the generated admin credentials once: journalctl -u cellpilot" >&2
fi
