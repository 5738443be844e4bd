#!/usr/bin/env bash
# Writes .env next to docker-compose.yml with a generated password for each secret the local stack needs, so no
# stack runs on a password from a public file. Keeps an existing .env (delete it to rotate).
set -euo pipefail
target="${1:-$(cd "$(dirname "$0")/.." && pwd)/.env}"
if [ -e "$target" ]; then
  echo "$target exists; keeping it" >&2
  exit 0
fi
secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24; }
umask 077
{
  echo "POSTGRES_PASSWORD=$(secret)"
  echo "RABBITMQ_PASSWORD=$(secret)"
  # SQL Server wants upper, lower, digit and symbol.
  echo "SERVICEBUS_SQL_PASSWORD=Sv1-$(secret)"
} > "$target"
echo "wrote $target"
