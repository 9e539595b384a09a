#!/usr/bin/env bash
# The bridge as docs/deploy/ledgermail.service runs it, tried on this machine: the built checkout with its
# production dependencies only (as npm ci --omit=dev leaves them) in a folder of its own, started by the unit's own ExecStart and
# Environment lines as an unprivileged user with a private data directory, until /api/ready answers. Needs root
# (it adds the user) and a built checkout (npm run build). Usage: bash tools/deploy-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
unit=docs/deploy/ledgermail.service
user=ledgermail-smoke
port=3987

dir=$(mktemp -d /tmp/ledgermail-deploy-XXXXXX)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$dir"' EXIT
cp -r package.json package-lock.json build dist "$dir"/
# The installed dependencies less the development ones: what `npm ci --omit=dev` leaves, without building the
# native ones again.
cp -a node_modules "$dir"/
(cd "$dir" && npm prune --omit=dev --no-audit --no-fund >/dev/null)
[ ! -e "$dir/node_modules/tsx" ] || { echo 'deploy smoke: npm prune left the development dependencies'; exit 1; }
chmod 755 "$dir"
id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
data="$dir/state"
mkdir -m 700 "$data"
chown "$user" "$data"

# The unit's paths, moved to this folder: /opt/ledgermail is the checkout, /var/lib/ledgermail its StateDirectory.
relocate() { sed -e "s#/opt/ledgermail#$dir#g" -e "s#/var/lib/ledgermail#$data#g"; }
exec_start=$(sed -n 's/^ExecStart=//p' "$unit" | relocate)
mapfile -t environment < <(sed -n 's/^Environment=//p' "$unit" | relocate)
# What /etc/ledgermail/ledgermail.env holds in production, here with made-up Entra ids (never asked here).
settings=(TLS=off HOST=127.0.0.1 PORT=$port
  ENTRA_CLIENT_ID=11111111-2222-3333-4444-555555555555 ENTRA_TENANT_IDS=66666666-7777-8888-9999-000000000000)

cd "$dir"
# shellcheck disable=SC2086 # ExecStart is a command line, split as systemd splits it
runuser -u "$user" -- env -i PATH="$PATH" "${environment[@]}" "${settings[@]}" $exec_start >"$dir/bridge.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  if node -e "fetch('http://127.0.0.1:$port/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    owner=$(stat -c %U "$data/ledgermail.sqlite")
    mode=$(stat -c %a "$data/ledgermail.sqlite")
    [ "$owner" = "$user" ] && [ "$mode" = 600 ] || { echo "deploy smoke: database owned by $owner, mode $mode"; exit 1; }
    echo "deploy smoke: the bridge started as $user from production dependencies only, ready on port $port; its database is $user's, mode 600"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
echo "deploy smoke: the bridge did not become ready; its output:"
cat "$dir/bridge.log"
exit 1
