// text/tabwriter: columns aligned across blocks of lines, left and right alignment, tab
// and character padding, minwidth, Debug bars, DiscardEmptyColumns, TabIndent, lines of
// one cell flushing early, text written in pieces, and multi-byte text measured in runes.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

func show(title string, minwidth, tabwidth, padding int, padchar byte, flags uint, text string) {
	fmt.Println("==", title)
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, minwidth, tabwidth, padding, padchar, flags)
	for _, part := range strings.SplitAfter(text, "\t") {
		fmt.Fprint(w, part)
	}
	w.Flush()
	fmt.Printf("%q\n", sb.String())
}

func main() {
	table := "name\tage\tcity\nAnn\t31\tParis\nBartholomew\t7\tRome\n\nx\ty\n"
	show("left", 0, 8, 1, ' ', 0, table)
	show("right", 0, 8, 1, ' ', tabwriter.AlignRight, table)
	show("tabs", 0, 8, 1, '\t', 0, table)
	show("debug", 5, 0, 2, '.', tabwriter.Debug, table)
	show("blocks", 0, 4, 1, '-', 0, "a\tb\tc\naaa\tbbbb\nsingle line\naa\tb\tccc\td\n\tindented\t\n")
	show("discard", 0, 4, 1, '*', tabwriter.DiscardEmptyColumns|tabwriter.Debug, "a\t\tb\nc\t\td\n")
	show("tabindent", 0, 4, 1, ' ', tabwriter.TabIndent, "\t\tx\ty\n\tz\tw\n")
	show("unicode", 0, 8, 1, ' ', 0, "héllo\twörld\n世界\tx\n")
	show("no newline", 0, 8, 1, ' ', 0, "a\tb\nlast\tcell")
	show("vtab and formfeed", 0, 8, 1, ' ', 0, "a\vb\tc\nxx\fyy\tz\n")

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "WORKER\tJOBS\tTIME")
	for i, jobs := range []int{12, 7, 130} {
		fmt.Fprintf(w, "worker-%d\t%d\t%.1fms\n", i+1, jobs, float64(jobs)*1.5)
	}
	w.Flush()
}
