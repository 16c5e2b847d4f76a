// Package unicode declares chanlab's unicode package (native classification and case
// mapping).
package unicode

const (
	MaxRune         = '\U0010FFFF'
	ReplacementChar = '\uFFFD'
	MaxASCII        = '\u007F'
	MaxLatin1       = '\u00FF'
)

func IsControl(r rune) bool
func IsDigit(r rune) bool
func IsGraphic(r rune) bool
func IsLetter(r rune) bool
func IsLower(r rune) bool
func IsMark(r rune) bool
func IsNumber(r rune) bool
func IsPrint(r rune) bool
func IsPunct(r rune) bool
func IsSpace(r rune) bool
func IsSymbol(r rune) bool
func IsTitle(r rune) bool
func IsUpper(r rune) bool
func ToLower(r rune) rune
func ToTitle(r rune) rune
func ToUpper(r rune) rune

// SimpleFold iterates over the runes equivalent under Unicode's simple case folding: among
// those equivalent to r (r included), the smallest rune above r if there is one, else the
// smallest (SimpleFold('A') == 'a', SimpleFold('a') == 'A', SimpleFold('K') == 'k',
// SimpleFold('k') == '\u212A', SimpleFold('\u212A') == 'K').
func SimpleFold(r rune) rune

// Range16 represents a range of 16-bit Unicode code points: from Lo to Hi (inclusive),
// every Stride.
type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

// Range32 represents a range of Unicode code points with a value above 16 bits.
type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

// A RangeTable defines a set of Unicode code points by its ranges, sorted. The tables this
// package declares (Letter, Han...) hold their ranges in the interpreter: their R16 and R32
// are empty here, and Is finds them by name.
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int
	name        string
}

// The categories, properties and scripts Is can test.
var (
	Letter      = &RangeTable{name: "Letter"}
	L           = Letter
	Upper       = &RangeTable{name: "Upper"}
	Lu          = Upper
	Lower       = &RangeTable{name: "Lower"}
	Ll          = Lower
	Title       = &RangeTable{name: "Title"}
	Lt          = Title
	Mark        = &RangeTable{name: "Mark"}
	M           = Mark
	Number      = &RangeTable{name: "Number"}
	N           = Number
	Digit       = &RangeTable{name: "Digit"}
	Nd          = Digit
	Punct       = &RangeTable{name: "Punct"}
	P           = Punct
	Symbol      = &RangeTable{name: "Symbol"}
	S           = Symbol
	Space       = &RangeTable{name: "Space"}
	Z           = Space
	Zs          = &RangeTable{name: "Zs"}
	Control     = &RangeTable{name: "Control"}
	Cc          = Control
	White_Space = &RangeTable{name: "White_Space"}

	Arabic     = &RangeTable{name: "Arabic"}
	Cyrillic   = &RangeTable{name: "Cyrillic"}
	Devanagari = &RangeTable{name: "Devanagari"}
	Greek      = &RangeTable{name: "Greek"}
	Han        = &RangeTable{name: "Han"}
	Hangul     = &RangeTable{name: "Hangul"}
	Hebrew     = &RangeTable{name: "Hebrew"}
	Hiragana   = &RangeTable{name: "Hiragana"}
	Katakana   = &RangeTable{name: "Katakana"}
	Latin      = &RangeTable{name: "Latin"}
	Thai       = &RangeTable{name: "Thai"}
)

// Is reports whether the rune is in the specified table of ranges.
func Is(rangeTab *RangeTable, r rune) bool {
	if rangeTab.name != "" {
		return isIn(rangeTab.name, r)
	}
	for _, rg := range rangeTab.R16 {
		if r < rune(rg.Lo) {
			return false
		}
		if r <= rune(rg.Hi) {
			return rg.Stride == 1 || (r-rune(rg.Lo))%rune(rg.Stride) == 0
		}
	}
	for _, rg := range rangeTab.R32 {
		if r < rune(rg.Lo) {
			return false
		}
		if r <= rune(rg.Hi) {
			return rg.Stride == 1 || (r-rune(rg.Lo))%rune(rg.Stride) == 0
		}
	}
	return false
}

// isIn reports whether r is in the table this package declares as name.
func isIn(name string, r rune) bool

// In reports whether the rune is a member of one of the ranges.
func In(r rune, ranges ...*RangeTable) bool {
	for _, inside := range ranges {
		if Is(inside, r) {
			return true
		}
	}
	return false
}

// IsOneOf reports whether the rune is a member of one of the ranges.
func IsOneOf(ranges []*RangeTable, r rune) bool {
	return In(r, ranges...)
}
