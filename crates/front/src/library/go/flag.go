// Package flag implements command-line flag parsing. A chanlab program runs without
// arguments, so every flag keeps its default value.
package flag

import "time"

// Parse parses the command-line flags (there are none).
func Parse() {}

// Parsed reports whether Parse has been called.
func Parsed() bool { return true }

// Args returns the non-flag command-line arguments (none).
func Args() []string { return nil }

// NArg is the number of arguments remaining after flags have been processed.
func NArg() int { return 0 }

// Arg returns the i'th command-line argument ("" when there is none).
func Arg(i int) string { return "" }

// NFlag returns the number of command-line flags that have been set.
func NFlag() int { return 0 }

func Bool(name string, value bool, usage string) *bool { return &value }

func Int(name string, value int, usage string) *int { return &value }

func Int64(name string, value int64, usage string) *int64 { return &value }

func Uint(name string, value uint, usage string) *uint { return &value }

func String(name string, value string, usage string) *string { return &value }

func Float64(name string, value float64, usage string) *float64 { return &value }

func Duration(name string, value time.Duration, usage string) *time.Duration { return &value }

func BoolVar(p *bool, name string, value bool, usage string)          { *p = value }
func IntVar(p *int, name string, value int, usage string)             { *p = value }
func Int64Var(p *int64, name string, value int64, usage string)       { *p = value }
func StringVar(p *string, name string, value string, usage string)    { *p = value }
func Float64Var(p *float64, name string, value float64, usage string) { *p = value }

func DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	*p = value
}
