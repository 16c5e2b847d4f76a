// Package tabwriter declares chanlab's text/tabwriter package: a filter that aligns the
// tab-terminated cells of consecutive lines into columns (elastic tabstops), in Go, with
// Go's algorithm, so it pads as Go's does. The Escape character and FilterHTML are not
// provided.
package tabwriter

import (
	"io"
	"unicode/utf8"
)

// A cell is a segment of text terminated by a tab or a line break: its size in bytes, its
// width in runes, and whether a tab ended it.
type cell struct {
	size  int
	width int
	htab  bool
}

// A Writer is a filter that inserts padding around tab-delimited columns in its input to
// align them in the output.
type Writer struct {
	output   io.Writer
	minwidth int
	tabwidth int
	padding  int
	padchar  byte
	flags    uint

	buf    []byte   // the text of the lines not yet written
	pos    int      // where the current cell's unmeasured text starts in buf
	cell   cell     // the current cell
	lines  [][]cell // the lines not yet written, the last one still open
	widths []int    // the widths of the columns being formatted
}

// Formatting can be controlled with these flags.
const (
	// Ignore html tags and treat entities (starting with '&' and ending in ';') as single
	// characters (width = 1). Not provided by chanlab.
	FilterHTML uint = 1 << iota
	// Strip Escape characters bracketing escaped text segments. Not provided by chanlab.
	StripEscape
	// Force right-alignment of cell content. Default is left-alignment.
	AlignRight
	// Handle empty columns as if they were not present in the input in the first place.
	DiscardEmptyColumns
	// Always use tabs for indentation columns (i.e., padding of leading empty cells on the
	// left) independent of padchar.
	TabIndent
	// Print a vertical bar ('|') between columns (after formatting). Discarded columns
	// appear as zero-width columns ("||").
	Debug
)

// Escape is the character that brackets escaped text segments (not provided by chanlab).
const Escape = '\xff'

// Init initializes a Writer: minwidth is the minimal cell width including any padding,
// tabwidth the width of tab characters, padding the padding added to a cell before its
// width is computed, padchar the ASCII char used for padding ('\t' pads with tabs and
// aligns left), and flags the formatting control.
func (b *Writer) Init(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	if minwidth < 0 || tabwidth < 0 || padding < 0 {
		panic("negative minwidth, tabwidth, or padding")
	}
	b.output = output
	b.minwidth = minwidth
	b.tabwidth = tabwidth
	b.padding = padding
	b.padchar = padchar
	if padchar == '\t' {
		// Tab padding enforces left-alignment.
		flags &^= AlignRight
	}
	b.flags = flags
	b.reset()
	return b
}

// NewWriter allocates and initializes a new tabwriter.Writer.
func NewWriter(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	return new(Writer).Init(output, minwidth, tabwidth, padding, padchar, flags)
}

func (b *Writer) reset() {
	b.buf = b.buf[:0]
	b.pos = 0
	b.cell = cell{}
	b.lines = [][]cell{{}}
	b.widths = b.widths[:0]
}

// Write writes buf to the writer b; the text is written out once lines that cannot affect
// the alignment of later lines end, or on Flush.
func (b *Writer) Write(buf []byte) (int, error) {
	n := 0
	for i, ch := range buf {
		switch ch {
		case '\t', '\v', '\n', '\f':
			b.text(buf[n:i])
			b.updateWidth()
			n = i + 1
			ncells := b.terminateCell(ch == '\t')
			if ch == '\n' || ch == '\f' {
				b.lines = append(b.lines, []cell{})
				// A line of one cell does not affect the lines after it (the last cell of
				// a line is not aligned): what is buffered can be written.
				if ch == '\f' || ncells == 1 {
					if err := b.flush(); err != nil {
						return n, err
					}
					if ch == '\f' && b.flags&Debug != 0 {
						if _, err := b.output.Write([]byte("---\n")); err != nil {
							return n, err
						}
					}
				}
			}
		}
	}
	b.text(buf[n:])
	return len(buf), nil
}

// text adds text to the current cell.
func (b *Writer) text(text []byte) {
	b.buf = append(b.buf, text...)
	b.cell.size += len(text)
}

func (b *Writer) updateWidth() {
	b.cell.width += utf8.RuneCount(b.buf[b.pos:])
	b.pos = len(b.buf)
}

// terminateCell ends the current cell and returns the number of cells in its line.
func (b *Writer) terminateCell(htab bool) int {
	b.cell.htab = htab
	line := &b.lines[len(b.lines)-1]
	*line = append(*line, b.cell)
	b.cell = cell{}
	return len(*line)
}

// Flush should be called after the last call to Write to ensure that any data buffered in
// the Writer is written to output.
func (b *Writer) Flush() error {
	return b.flush()
}

func (b *Writer) flush() error {
	if b.cell.size > 0 {
		b.terminateCell(false)
	}
	var out []byte
	b.format(&out, 0, 0, len(b.lines))
	b.reset()
	if len(out) == 0 {
		return nil
	}
	_, err := b.output.Write(out)
	return err
}

// format writes lines line0 to line1 (their text from buf[pos0:]) into out, aligning the
// column after those whose widths are known: each block of consecutive lines that have a
// cell in that column gets the width of its widest cell, and the columns to its right are
// formatted within the block in turn.
func (b *Writer) format(out *[]byte, pos0 int, line0, line1 int) int {
	pos := pos0
	column := len(b.widths)
	for this := line0; this < line1; this++ {
		if column >= len(b.lines[this])-1 {
			continue
		}
		// A block starts at this line: write the lines before it.
		pos = b.writeLines(out, pos, line0, this)
		line0 = this
		width := b.minwidth
		discardable := true
		for ; this < line1; this++ {
			line := b.lines[this]
			if column >= len(line)-1 {
				break
			}
			c := line[column]
			if w := c.width + b.padding; w > width {
				width = w
			}
			if c.width > 0 || c.htab {
				discardable = false
			}
		}
		if discardable && b.flags&DiscardEmptyColumns != 0 {
			width = 0
		}
		b.widths = append(b.widths, width)
		pos = b.format(out, pos, line0, this)
		b.widths = b.widths[:len(b.widths)-1]
		line0 = this
	}
	return b.writeLines(out, pos, line0, line1)
}

func (b *Writer) writeLines(out *[]byte, pos0 int, line0, line1 int) int {
	pos := pos0
	for i := line0; i < line1; i++ {
		line := b.lines[i]
		// Leading empty cells are padded with tabs when TabIndent is set.
		useTabs := b.flags&TabIndent != 0
		for j, c := range line {
			if j > 0 && b.flags&Debug != 0 {
				*out = append(*out, '|')
			}
			if c.size == 0 {
				if j < len(b.widths) {
					b.writePadding(out, c.width, b.widths[j], useTabs)
				}
				continue
			}
			useTabs = false
			if b.flags&AlignRight == 0 {
				*out = append(*out, b.buf[pos:pos+c.size]...)
				pos += c.size
				if j < len(b.widths) {
					b.writePadding(out, c.width, b.widths[j], false)
				}
			} else {
				if j < len(b.widths) {
					b.writePadding(out, c.width, b.widths[j], false)
				}
				*out = append(*out, b.buf[pos:pos+c.size]...)
				pos += c.size
			}
		}
		if i+1 == len(b.lines) {
			// The last line has no newline yet: its text so far.
			*out = append(*out, b.buf[pos:pos+b.cell.size]...)
			pos += b.cell.size
		} else {
			*out = append(*out, '\n')
		}
	}
	return pos
}

func (b *Writer) writePadding(out *[]byte, textw, cellw int, useTabs bool) {
	if b.padchar == '\t' || useTabs {
		if b.tabwidth == 0 {
			return
		}
		// The cell ends at the next tab stop: the smallest multiple of tabwidth.
		cellw = (cellw + b.tabwidth - 1) / b.tabwidth * b.tabwidth
		for n := (cellw - textw + b.tabwidth - 1) / b.tabwidth; n > 0; n-- {
			*out = append(*out, '\t')
		}
		return
	}
	for n := cellw - textw; n > 0; n-- {
		*out = append(*out, b.padchar)
	}
}
