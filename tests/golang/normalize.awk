# Normalises what a Go program printed (stdout and stderr as one stream) so that two runs,
# or Go and chanlab, can be compared. tests/golang_support/mod.rs does the same in Rust
# (`normalize`), and a test checks that the two agree on tests/golang/normalize_sample.txt;
# change them together.
#
# - Everything before the first `goroutine N [state]:` header is kept, except what depends
#   on the machine: `[signal SIGSEGV: ...]` lines, the `runtime: sp=...` line of a stack
#   overflow, and the `runtime stack:` section of a fatal error (its frames, up to the
#   blank line before the first goroutine header). The address in a panic of a value that
#   Go prints as `(main.T) 0xc000012345` becomes `(main.T) <addr>`.
# - From the first header on, only the headers are kept, with the blank line Go prints
#   between two goroutines; stack frames, `created by` lines and elision notes are dropped,
#   and so are the goroutines of Go's own runtime (GC, finalizer), which Go lists after a
#   runtime fatal error such as a stack overflow.
# - Goroutine ids other than main's 1 depend on Go's own runtime goroutines: they become
#   `<id>`.
/^goroutine [0-9]+ \[.*\]:$/ {
  if ($0 ~ /\[(force gc \(idle\)|GC sweep wait|GC scavenge wait|GC worker \(idle\)|finalizer wait)\]:$/) {
    seen = 1; next
  }
  if (printed && gap) print ""
  seen = 1; printed = 1; gap = 0; skipping = 0
  if ($2 != "1") sub(/^goroutine [0-9]+ /, "goroutine <id> ")
  print; next
}
seen { if ($0 == "") gap = 1; next }
skipping { next }
/^\[signal / { next }
/^runtime: sp=/ { next }
/^runtime stack:$/ { skipping = 1; next }
/^\t?panic: \([^()]+\) 0x[0-9a-f]+( \[recovered\])?$/ { sub(/0x[0-9a-f]+/, "<addr>") }
{ print }
