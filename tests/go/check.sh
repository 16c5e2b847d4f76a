#!/usr/bin/env bash
# Runs every case of tests/go/cases.txt with real Go and records what it prints.
#
#   tests/go/check.sh                 rewrite tests/go/expected/<id>__<n>.txt from real Go
#   tests/go/check.sh --compare       run again and diff against the stored files
#   tests/go/check.sh [--compare] RE  only the cases whose name (<id>__<n>) matches RE
#
# Needs Go >= 1.19 and golang.org/x/sync in GOPATH mode. Override with GO=..., GOPATH=...
# The file format and the case tags are described in tests/go/README.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
GO="${GO:-/usr/lib/go-1.19/bin/go}"
export GOPATH="${GOPATH:-/usr/share/gocode}"
export GO111MODULE=off

compare=0
if [[ "${1:-}" == "--compare" ]]; then
  compare=1
  shift
fi
only="${1:-.}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/render.py" cases "$here/cases.txt" "$work"

# Keeps what a reader compares: everything up to the first `goroutine N [state]:` header,
# then only the headers (with the blank lines between them), never the stack frames. Ids
# other than main's 1 depend on Go's own runtime goroutines, so they become `<id>`.
traceback_headers() {
  awk '
    /^goroutine [0-9]+ \[.*\]:$/ {
      if (seen && gap) print ""
      seen = 1; gap = 0
      if ($2 != "1") sub(/^goroutine [0-9]+ /, "goroutine <id> ")
      print; next
    }
    !seen { print; next }
    /^$/ { gap = 1 }
  '
}

# Replaces the numbers a benchmark measures (and the machine's P) by placeholders.
timing_placeholders() {
  sed -E \
    -e 's/^(Benchmark[A-Za-z]+)-[0-9]+  ([0-9]+)  [0-9]+ ns\/op/\1-<P>  \2  <ns> ns\/op/' \
    -e 's/^worker pool: [^x]+x faster/worker pool: <x>x faster/'
}

# The lines to compare: the exit line first, the rest sorted for unordered cases.
comparable() {
  local file="$1" tags="$2"
  if [[ " $tags " == *" unordered "* ]]; then
    head -n 1 "$file"
    tail -n +2 "$file" | LC_ALL=C sort
  else
    cat "$file"
  fi
}

failed=0
while IFS=$'\t' read -r name tags; do
  [[ "$name" =~ $only ]] || continue
  dir="$work/$name"
  if ! (cd "$dir" && "$GO" build -o prog main.go) >"$dir/build.txt" 2>&1; then
    echo "FAIL $name: does not build"
    sed 's/^/    /' "$dir/build.txt"
    failed=1
    continue
  fi

  procs=()
  if [[ " $tags " == *" procs1 "* ]]; then
    procs=(env GOMAXPROCS=1)
  fi
  set +e
  (cd "$dir" && "${procs[@]}" timeout 300 ./prog) >"$dir/out.txt" 2>&1
  code=$?
  set -e

  {
    echo "exit $code"
    traceback_headers <"$dir/out.txt"
  } >"$dir/raw.txt"
  if [[ " $tags " == *" timing "* ]]; then
    timing_placeholders <"$dir/raw.txt" >"$dir/result.txt"
  else
    cp "$dir/raw.txt" "$dir/result.txt"
  fi

  expected="$here/expected/$name.txt"
  if ((compare)); then
    if [[ ! -f "$expected" ]]; then
      echo "FAIL $name: no $expected"
      failed=1
    elif ! diff -u <(comparable "$expected" "$tags") <(comparable "$dir/result.txt" "$tags") \
        >"$dir/diff.txt"; then
      echo "FAIL $name${tags:+ ($tags)}"
      sed 's/^/    /' "$dir/diff.txt"
      failed=1
    else
      echo "ok   $name"
    fi
  else
    mkdir -p "$here/expected"
    # Unordered cases are stored sorted, so rerunning does not churn the files.
    comparable "$dir/result.txt" "$tags" >"$expected"
    echo "wrote $name: $(head -n 1 "$expected"), $(($(wc -l <"$expected") - 1)) lines${tags:+ ($tags)}"
  fi
done <"$work/manifest.txt"

exit "$failed"
