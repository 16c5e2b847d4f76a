// Labelled break and continue as gc checks them: a label declared earlier that does not
// enclose the branch is an invalid target (and counts as used), one never declared is not
// defined, and a duplicate label's loop is not the label's.
package main

func main() {
L:
	for {
		break
	}
	for {
		break L
	}
M:
	switch {
	default:
		for {
			continue M
		}
	}
N:
	for {
		break N
	}
N:
	for {
		continue N
	}
	for {
		break Nowhere
	}
}
