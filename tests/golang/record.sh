#!/usr/bin/env bash
# Runs every program of tests/golang/corpus with real Go 1.19 and records what it prints.
#
#   tests/golang/record.sh                 rewrite corpus/<name>.out from real Go
#   tests/golang/record.sh --compare       run again and diff against the stored files
#   tests/golang/record.sh [--compare] RE  only the programs whose name matches RE
#   tests/golang/record.sh --vet [RE]      rewrite vet/<name>.vet from `go vet prog.go`
#
# Each program runs as `go run prog.go` in a directory of its own, so Go's messages name
# `./prog.go` as chanlab's do. When `<name>.go119.go` exists, Go runs that variant instead
# (see README.md: programs that need a newer Go than 1.19). Needs Go 1.19 and
# golang.org/x/sync in GOPATH mode; override with GO=..., GOPATH=... (the Go Tour's packages
# are chanlab's, from a GOPATH entry added in front).
# The .out format, the normalisation and the tags are described in tests/golang/README.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
GO="${GO:-/usr/lib/go-1.19/bin/go}"
export GOPATH="${GOPATH:-/usr/share/gocode}"
export GO111MODULE=off
export GOCACHE="${GOCACHE:-${TMPDIR:-/tmp}/chanlab-gocache}"
export GOFLAGS=
unset GOTRACEBACK GODEBUG

vet=0
if [[ "${1:-}" == "--vet" ]]; then
  vet=1
  shift
fi
compare=0
if [[ "${1:-}" == "--compare" ]]; then
  compare=1
  shift
fi
only="${1:-.}"

if [[ ! -x "$GO" ]]; then
  echo "Go 1.19 is missing: apt-get install golang-1.19-go golang-golang-x-sync-dev" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Whether program $1 is a program of tests (tests or examples, no main function), which
# chanlab runs as the Go Playground does: as prog_test.go, with go test.
is_tests() {
  grep -qE '^func (Test|Example)' "$1" && ! grep -qE '^func main\(\)' "$1"
}

# `go vet prog.go` on every program of vet/: <name>.vet holds a line `exit <code>` (0 when
# vet finds nothing, 1 when it reports: go vet itself exits 2 then), then vet's lines.
# tests/golang_vet.rs compares chanlab's vet with them.
if ((vet)); then
  for program in "$here"/vet/*.go; do
    name="$(basename "$program" .go)"
    [[ "$name" =~ $only ]] || continue
    mkdir -p "$work/$name"
    file=prog.go
    # A program of tests is vetted as the test file chanlab names it.
    is_tests "$program" && file=prog_test.go
    cp "$program" "$work/$name/$file"
    set +e
    (cd "$work/$name" && "$GO" vet "$file") >"$work/$name/out.txt" 2>&1
    code=$?
    set -e
    ((code != 0)) && code=1
    { echo "exit $code"; cat "$work/$name/out.txt"; } >"$here/vet/$name.vet"
    echo "wrote $name.vet: exit $code, $(wc -l <"$work/$name/out.txt") lines"
  done
  exit 0
fi

# The Go Tour's packages (golang.org/x/tour/tree, wc, reader) are not packaged for Debian:
# Go builds the programs that import them with chanlab's own, which are plain Go, from a
# GOPATH entry of their own.
tour="$work/gopath/src/golang.org/x/tour"
library="$here/../../crates/front/src/library/go"
for pkg in tree wc reader; do
  mkdir -p "$tour/$pkg"
  cp "$library/tour_$pkg.go" "$tour/$pkg/"
done
export GOPATH="$work/gopath:$GOPATH"

# A `// chanlab:NAME` or `// chanlab:NAME VALUE` comment of the program: prints VALUE (or
# `yes`), nothing when there is none.
tag() {
  sed -n -E "s|^// chanlab:$2( (.*))?\$|\\2|p" "$1" | head -n 1 | sed 's/^$/yes/'
}

# The program's own exit status from what `go run` printed and its status: `go run` exits 1
# both for a build failure and for a program that failed, which it reports as a last line
# `exit status N`; that line is not the program's output. Without it, the program did not
# build; `go run` then exits 2, and the recorded status is 1 (see README.md).
record_one() {
  local src="$1" dir="$2" procs="$3"
  mkdir -p "$dir"
  if is_tests "$src"; then
    # A program of tests, which chanlab runs as the Go Playground does: built by `go test`
    # as prog_test.go, the test binary run with -test.v (its status is the program's).
    cp "$src" "$dir/prog_test.go"
    local code
    set +e
    if (cd "$dir" && timeout 120 "$GO" test -c -o prog.test prog_test.go) >"$dir/raw.txt" 2>&1; then
      (cd "$dir" && GOMAXPROCS="$procs" timeout 120 ./prog.test -test.v) >"$dir/raw.txt" 2>&1
      code=$?
    else
      code=1
    fi
    set -e
    echo "exit $code"
    awk -f "$here/normalize.awk" "$dir/raw.txt"
    return
  fi
  cp "$src" "$dir/prog.go"
  set +e
  (cd "$dir" && GOMAXPROCS="$procs" timeout 120 "$GO" run prog.go) >"$dir/raw.txt" 2>&1
  local code=$?
  set -e
  local last
  last="$(tail -n 1 "$dir/raw.txt")"
  if [[ $code -ne 0 && "$last" =~ ^exit\ status\ ([0-9]+)$ ]]; then
    code="${BASH_REMATCH[1]}"
    sed -i '$ d' "$dir/raw.txt"
  elif [[ $code -ne 0 && "$last" =~ ^signal:\ (.+)$ ]]; then
    # Killed by a signal it sent itself: the status a shell gives, 128 + the signal's
    # number, and `go run`'s line stays (chanlab prints it too).
    case "${BASH_REMATCH[1]}" in
      hangup) code=129 ;;
      interrupt) code=130 ;;
      killed) code=137 ;;
      "user defined signal 1") code=138 ;;
      "user defined signal 2") code=140 ;;
      "alarm clock") code=142 ;;
      terminated) code=143 ;;
      *) echo "record.sh: no status known for $last" >&2; exit 1 ;;
    esac
  elif [[ $code -ne 0 ]]; then
    # A build failure (go run itself exits 2 then): chanlab's status for it is 1.
    code=1
  fi
  echo "exit $code"
  awk -f "$here/normalize.awk" "$dir/raw.txt"
}

failed=0
count=0
for program in "$here"/corpus/*.go; do
  [[ "$program" == *.go119.go ]] && continue
  name="$(basename "$program" .go)"
  [[ "$name" =~ $only ]] || continue
  count=$((count + 1))
  src="$program"
  [[ -f "$here/corpus/$name.go119.go" ]] && src="$here/corpus/$name.go119.go"
  procs="$(tag "$program" procs)"
  unordered="$(tag "$program" unordered)"

  result="$work/$name.out"
  record_one "$src" "$work/$name" "${procs:-4}" >"$work/$name.txt"
  if [[ -n "$unordered" ]]; then
    # Stored sorted, so that rerunning does not churn the file.
    { head -n 1 "$work/$name.txt"; tail -n +2 "$work/$name.txt" | LC_ALL=C sort; } >"$result"
  else
    cp "$work/$name.txt" "$result"
  fi

  expected="$here/corpus/$name.out"
  if ((compare)); then
    if [[ ! -f "$expected" ]]; then
      echo "FAIL $name: no $name.out"
      failed=1
    elif ! diff -u "$expected" "$result" >"$work/$name.diff"; then
      echo "FAIL $name"
      sed 's/^/    /' "$work/$name.diff"
      failed=1
    else
      echo "ok   $name"
    fi
  else
    cp "$result" "$expected"
    echo "wrote $name.out: $(head -n 1 "$expected"), $(($(wc -l <"$expected") - 1)) lines"
  fi
done

echo "$count programs"
exit "$failed"
