# Normalises what a Go program printed (stdout and stderr as one stream) so that two runs,
# or Go and chanlab, can be compared. tests/golang_support/mod.rs does the same in Rust
# (`normalize`), and a test checks that the two agree; change both together.
#
# - Everything before the first `goroutine N [state]:` header is kept, except what depends
#   on the machine: `[signal SIGSEGV: ...]` lines, `runtime: sp=...` / `runtime: g...`
#   register lines of a stack overflow, and the `runtime stack:` section of a fatal error
#   (its frames, up to the blank line before the first goroutine header).
# - From the first header on, only the headers are kept, with the blank line Go prints
#   between two goroutines; stack frames, `created by` lines and elision notes are dropped.
# - Goroutine ids other than main's 1 depend on Go's own runtime goroutines: they become
#   `<id>`.
/^goroutine [0-9]+ \[.*\]:$/ {
  if (seen && gap) print ""
  seen = 1; gap = 0; skipping = 0
  if ($2 != "1") sub(/^goroutine [0-9]+ /, "goroutine <id> ")
  print; next
}
seen { if ($0 == "") gap = 1; next }
skipping { next }
/^\[signal / { next }
/^runtime: (sp|g|gp|sched|stack)[:= ]/ { next }
/^runtime stack:$/ { skipping = 1; next }
{ print }
