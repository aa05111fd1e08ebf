#!/bin/sh
# Runs its arguments as an unprivileged user: as they are for a normal
# user, through setpriv as "nobody" for root (CI runs as root, and file
# permissions do not stop root, so a permission test would prove nothing).
# Usage (in a .t file): $ sh tests/golden/unprivileged.sh tussen corpus FILE
if [ "$(id -u)" -eq 0 ]; then
  exec setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
fi
exec "$@"
