#!/usr/bin/env bash
# Runs `go vet prog.go` (Go 1.19) on every program of tests/golang/vet and records what it
# prints in <name>.vet: a line `exit <code>` (0 when vet finds nothing, 1 when it reports),
# then vet's lines. tests/golang_vet.rs compares chanlab's vet with these files.
#
#   tests/golang/record_vet.sh [RE]    only the programs whose name matches RE
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
GO="${GO:-/usr/lib/go-1.19/bin/go}"
export GOPATH="${GOPATH:-/usr/share/gocode}"
export GO111MODULE=off
export GOCACHE="${GOCACHE:-${TMPDIR:-/tmp}/chanlab-gocache}"
export GOFLAGS=
only="${1:-.}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for program in "$here"/vet/*.go; do
  name="$(basename "$program" .go)"
  [[ "$name" =~ $only ]] || continue
  mkdir -p "$work/$name"
  cp "$program" "$work/$name/prog.go"
  set +e
  (cd "$work/$name" && "$GO" vet prog.go) >"$work/$name/out.txt" 2>&1
  code=$?
  set -e
  # go vet exits 2 when it reports (chanlab's status for a report is 1).
  ((code != 0)) && code=1
  { echo "exit $code"; cat "$work/$name/out.txt"; } >"$here/vet/$name.vet"
  echo "wrote $name.vet: exit $code, $(wc -l <"$work/$name/out.txt") lines"
done
