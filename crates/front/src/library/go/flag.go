// Package flag implements command-line flag parsing. A chanlab program runs without
// arguments, so the command line's flags keep their default values; a FlagSet parses the
// arguments it is given, with Go's syntax, errors and usage text.
package flag

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// ErrHelp is the error returned if the -help or -h flag is invoked but no such flag is
// defined.
var ErrHelp = errors.New("flag: help requested")

var (
	errParse = errors.New("parse error")
	errRange = errors.New("value out of range")
)

// numError is strconv's error for a number as flag words it.
func numError(err error) error {
	ne, ok := err.(*strconv.NumError)
	if !ok {
		return err
	}
	if ne.Err == strconv.ErrSyntax {
		return errParse
	}
	if ne.Err == strconv.ErrRange {
		return errRange
	}
	return err
}

// Value is the interface to the dynamic value stored in a flag.
type Value interface {
	String() string
	Set(string) error
}

// Getter is a Value that can also return its contents.
type Getter interface {
	Value
	Get() any
}

// boolFlag is a Value that needs no argument (-b alone sets it).
type boolFlag interface {
	Value
	IsBoolFlag() bool
}

type boolValue bool

func (b *boolValue) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		err = errParse
	}
	*b = boolValue(v)
	return err
}
func (b *boolValue) Get() any         { return bool(*b) }
func (b *boolValue) String() string   { return strconv.FormatBool(bool(*b)) }
func (b *boolValue) IsBoolFlag() bool { return true }

type intValue int

func (i *intValue) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, strconv.IntSize)
	if err != nil {
		err = numError(err)
	}
	*i = intValue(v)
	return err
}
func (i *intValue) Get() any       { return int(*i) }
func (i *intValue) String() string { return strconv.Itoa(int(*i)) }

type int64Value int64

func (i *int64Value) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		err = numError(err)
	}
	*i = int64Value(v)
	return err
}
func (i *int64Value) Get() any       { return int64(*i) }
func (i *int64Value) String() string { return strconv.FormatInt(int64(*i), 10) }

type uintValue uint

func (i *uintValue) Set(s string) error {
	v, err := strconv.ParseUint(s, 0, strconv.IntSize)
	if err != nil {
		err = numError(err)
	}
	*i = uintValue(v)
	return err
}
func (i *uintValue) Get() any       { return uint(*i) }
func (i *uintValue) String() string { return strconv.FormatUint(uint64(*i), 10) }

type uint64Value uint64

func (i *uint64Value) Set(s string) error {
	v, err := strconv.ParseUint(s, 0, 64)
	if err != nil {
		err = numError(err)
	}
	*i = uint64Value(v)
	return err
}
func (i *uint64Value) Get() any       { return uint64(*i) }
func (i *uint64Value) String() string { return strconv.FormatUint(uint64(*i), 10) }

type stringValue string

func (s *stringValue) Set(val string) error {
	*s = stringValue(val)
	return nil
}
func (s *stringValue) Get() any       { return string(*s) }
func (s *stringValue) String() string { return string(*s) }

type float64Value float64

func (f *float64Value) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		err = numError(err)
	}
	*f = float64Value(v)
	return err
}
func (f *float64Value) Get() any       { return float64(*f) }
func (f *float64Value) String() string { return strconv.FormatFloat(float64(*f), 'g', -1, 64) }

type durationValue time.Duration

func (d *durationValue) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil {
		err = errParse
	}
	*d = durationValue(v)
	return err
}
func (d *durationValue) Get() any       { return time.Duration(*d) }
func (d *durationValue) String() string { return (*time.Duration)(d).String() }

type funcValue func(string) error

func (f funcValue) Set(s string) error { return f(s) }
func (f funcValue) String() string     { return "" }

// ErrorHandling defines how FlagSet.Parse behaves if the parse fails.
type ErrorHandling int

const (
	ContinueOnError ErrorHandling = iota // Return a descriptive error.
	ExitOnError                          // Call os.Exit(2), or os.Exit(0) for -h/-help.
	PanicOnError                         // Call panic with a descriptive error.
)

// A Flag represents the state of a flag.
type Flag struct {
	Name     string
	Usage    string
	Value    Value
	DefValue string
}

// A FlagSet represents a set of defined flags.
type FlagSet struct {
	// Usage is called when an error occurs while parsing flags.
	Usage func()

	name          string
	parsed        bool
	actual        map[string]*Flag
	formal        map[string]*Flag
	args          []string
	errorHandling ErrorHandling
	output        io.Writer
}

// NewFlagSet returns a new, empty flag set with the specified name and error handling.
func NewFlagSet(name string, errorHandling ErrorHandling) *FlagSet {
	f := &FlagSet{name: name, errorHandling: errorHandling}
	f.Usage = f.defaultUsage
	return f
}

// Init sets the name and error handling property for a flag set.
func (f *FlagSet) Init(name string, errorHandling ErrorHandling) {
	f.name = name
	f.errorHandling = errorHandling
}

func (f *FlagSet) Name() string                 { return f.name }
func (f *FlagSet) ErrorHandling() ErrorHandling { return f.errorHandling }
func (f *FlagSet) SetOutput(output io.Writer)   { f.output = output }
func (f *FlagSet) Parsed() bool                 { return f.parsed }
func (f *FlagSet) Args() []string               { return f.args }
func (f *FlagSet) NArg() int                    { return len(f.args) }
func (f *FlagSet) NFlag() int                   { return len(f.actual) }
func (f *FlagSet) Lookup(name string) *Flag     { return f.formal[name] }

// Output returns the destination for usage and error messages (os.Stderr by default).
func (f *FlagSet) Output() io.Writer {
	if f.output == nil {
		return os.Stderr
	}
	return f.output
}

// Arg returns the i'th argument after the flags ("" if there is none).
func (f *FlagSet) Arg(i int) string {
	if i < 0 || i >= len(f.args) {
		return ""
	}
	return f.args[i]
}

// sortedFlags returns the flags of m in lexical order of their names.
func sortedFlags(m map[string]*Flag) []*Flag {
	result := make([]*Flag, 0, len(m))
	for _, fl := range m {
		result = append(result, fl)
	}
	for i := 1; i < len(result); i++ {
		for j := i; j > 0 && result[j].Name < result[j-1].Name; j-- {
			result[j], result[j-1] = result[j-1], result[j]
		}
	}
	return result
}

// VisitAll visits every defined flag in lexical order.
func (f *FlagSet) VisitAll(fn func(*Flag)) {
	for _, fl := range sortedFlags(f.formal) {
		fn(fl)
	}
}

// Visit visits the flags that have been set, in lexical order.
func (f *FlagSet) Visit(fn func(*Flag)) {
	for _, fl := range sortedFlags(f.actual) {
		fn(fl)
	}
}

// Set sets the value of the named flag.
func (f *FlagSet) Set(name, value string) error {
	fl, ok := f.formal[name]
	if !ok {
		return fmt.Errorf("no such flag -%v", name)
	}
	if err := fl.Value.Set(value); err != nil {
		return err
	}
	if f.actual == nil {
		f.actual = make(map[string]*Flag)
	}
	f.actual[name] = fl
	return nil
}

// UnquoteUsage extracts a back-quoted name from the usage string for a flag and returns it
// and the un-quoted usage; without one, the name is the flag's type ("" for a bool).
func UnquoteUsage(fl *Flag) (name string, usage string) {
	usage = fl.Usage
	if start := strings.IndexByte(usage, '`'); start >= 0 {
		if n := strings.IndexByte(usage[start+1:], '`'); n >= 0 {
			name = usage[start+1 : start+1+n]
			usage = usage[:start] + name + usage[start+1+n+1:]
			return name, usage
		}
	}
	name = "value"
	switch v := fl.Value.(type) {
	case boolFlag:
		if v.IsBoolFlag() {
			name = ""
		}
	case *durationValue:
		name = "duration"
	case *float64Value:
		name = "float"
	case *intValue, *int64Value:
		name = "int"
	case *stringValue:
		name = "string"
	case *uintValue, *uint64Value:
		name = "uint"
	}
	return name, usage
}

// isZeroValue reports whether value is the zero value of fl's type.
func isZeroValue(fl *Flag, value string) bool {
	switch fl.Value.(type) {
	case *boolValue:
		return value == "false"
	case *stringValue:
		return value == ""
	case *intValue, *int64Value, *uintValue, *uint64Value, *float64Value:
		return value == "0"
	case *durationValue:
		return value == "0s"
	}
	return value == "" || value == "0" || value == "false"
}

// PrintDefaults prints, to the set's output, the default values of all defined flags.
func (f *FlagSet) PrintDefaults() {
	f.VisitAll(func(fl *Flag) {
		var b strings.Builder
		fmt.Fprintf(&b, "  -%s", fl.Name)
		name, usage := UnquoteUsage(fl)
		if len(name) > 0 {
			b.WriteString(" ")
			b.WriteString(name)
		}
		// A one-letter flag without a type fits on the line; others start the usage below.
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if !isZeroValue(fl, fl.DefValue) {
			if _, ok := fl.Value.(*stringValue); ok {
				fmt.Fprintf(&b, " (default %q)", fl.DefValue)
			} else {
				fmt.Fprintf(&b, " (default %v)", fl.DefValue)
			}
		}
		fmt.Fprint(f.Output(), b.String(), "\n")
	})
}

func (f *FlagSet) defaultUsage() {
	if f.name == "" {
		fmt.Fprintf(f.Output(), "Usage:\n")
	} else {
		fmt.Fprintf(f.Output(), "Usage of %s:\n", f.name)
	}
	f.PrintDefaults()
}

// Var defines a flag with the specified name and usage string.
func (f *FlagSet) Var(value Value, name string, usage string) {
	if strings.HasPrefix(name, "-") {
		panic(fmt.Sprintf("flag %q begins with -", name))
	} else if strings.Contains(name, "=") {
		panic(fmt.Sprintf("flag %q contains =", name))
	}
	fl := &Flag{name, usage, value, value.String()}
	if _, exists := f.formal[name]; exists {
		var msg string
		if f.name == "" {
			msg = fmt.Sprintf("flag redefined: %s", name)
		} else {
			msg = fmt.Sprintf("%s flag redefined: %s", f.name, name)
		}
		panic(msg)
	}
	if f.formal == nil {
		f.formal = make(map[string]*Flag)
	}
	f.formal[name] = fl
}

// define makes a flag of value v, which stores at p, starting at value.
func define[T any](f *FlagSet, v Value, p *T, value T, name, usage string) {
	*p = value
	f.Var(v, name, usage)
}

// newFlag defines a flag with defineVar and returns where its value is.
func newFlag[T any](defineVar func(*T, string, T, string), name string, value T, usage string) *T {
	p := new(T)
	defineVar(p, name, value, usage)
	return p
}
func (f *FlagSet) BoolVar(p *bool, name string, value bool, usage string) {
	define(f, (*boolValue)(p), p, value, name, usage)
}
func (f *FlagSet) Bool(name string, value bool, usage string) *bool {
	return newFlag(f.BoolVar, name, value, usage)
}
func (f *FlagSet) IntVar(p *int, name string, value int, usage string) {
	define(f, (*intValue)(p), p, value, name, usage)
}
func (f *FlagSet) Int(name string, value int, usage string) *int {
	return newFlag(f.IntVar, name, value, usage)
}
func (f *FlagSet) Int64Var(p *int64, name string, value int64, usage string) {
	define(f, (*int64Value)(p), p, value, name, usage)
}
func (f *FlagSet) Int64(name string, value int64, usage string) *int64 {
	return newFlag(f.Int64Var, name, value, usage)
}
func (f *FlagSet) UintVar(p *uint, name string, value uint, usage string) {
	define(f, (*uintValue)(p), p, value, name, usage)
}
func (f *FlagSet) Uint(name string, value uint, usage string) *uint {
	return newFlag(f.UintVar, name, value, usage)
}
func (f *FlagSet) Uint64Var(p *uint64, name string, value uint64, usage string) {
	define(f, (*uint64Value)(p), p, value, name, usage)
}
func (f *FlagSet) Uint64(name string, value uint64, usage string) *uint64 {
	return newFlag(f.Uint64Var, name, value, usage)
}
func (f *FlagSet) StringVar(p *string, name string, value string, usage string) {
	define(f, (*stringValue)(p), p, value, name, usage)
}
func (f *FlagSet) String(name string, value string, usage string) *string {
	return newFlag(f.StringVar, name, value, usage)
}
func (f *FlagSet) Float64Var(p *float64, name string, value float64, usage string) {
	define(f, (*float64Value)(p), p, value, name, usage)
}
func (f *FlagSet) Float64(name string, value float64, usage string) *float64 {
	return newFlag(f.Float64Var, name, value, usage)
}
func (f *FlagSet) DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	define(f, (*durationValue)(p), p, value, name, usage)
}
func (f *FlagSet) Duration(name string, value time.Duration, usage string) *time.Duration {
	return newFlag(f.DurationVar, name, value, usage)
}

// Func defines a flag whose value is given to fn each time the flag is set.
func (f *FlagSet) Func(name, usage string, fn func(string) error) {
	f.Var(funcValue(fn), name, usage)
}

// failf prints the error and the usage, and returns the error.
func (f *FlagSet) failf(format string, a ...any) error {
	err := fmt.Errorf(format, a...)
	fmt.Fprintln(f.Output(), err)
	f.usage()
	return err
}

func (f *FlagSet) usage() {
	if f.Usage == nil {
		f.defaultUsage()
	} else {
		f.Usage()
	}
}

// parseOne parses one flag; it reports whether a flag was seen.
func (f *FlagSet) parseOne() (bool, error) {
	if len(f.args) == 0 {
		return false, nil
	}
	s := f.args[0]
	if len(s) < 2 || s[0] != '-' {
		return false, nil
	}
	numMinuses := 1
	if s[1] == '-' {
		numMinuses++
		if len(s) == 2 { // "--" ends the flags
			f.args = f.args[1:]
			return false, nil
		}
	}
	name := s[numMinuses:]
	if len(name) == 0 || name[0] == '-' || name[0] == '=' {
		return false, f.failf("bad flag syntax: %s", s)
	}
	f.args = f.args[1:]
	hasValue := false
	value := ""
	for i := 1; i < len(name); i++ {
		if name[i] == '=' {
			value = name[i+1:]
			hasValue = true
			name = name[0:i]
			break
		}
	}
	fl, ok := f.formal[name]
	if !ok {
		if name == "help" || name == "h" {
			f.usage()
			return false, ErrHelp
		}
		return false, f.failf("flag provided but not defined: -%s", name)
	}
	if fv, ok := fl.Value.(boolFlag); ok && fv.IsBoolFlag() {
		if hasValue {
			if err := fv.Set(value); err != nil {
				return false, f.failf("invalid boolean value %q for -%s: %v", value, name, err)
			}
		} else if err := fv.Set("true"); err != nil {
			return false, f.failf("invalid boolean flag %s: %v", name, err)
		}
	} else {
		if !hasValue && len(f.args) > 0 {
			hasValue = true
			value, f.args = f.args[0], f.args[1:]
		}
		if !hasValue {
			return false, f.failf("flag needs an argument: -%s", name)
		}
		if err := fl.Value.Set(value); err != nil {
			return false, f.failf("invalid value %q for flag -%s: %v", value, name, err)
		}
	}
	if f.actual == nil {
		f.actual = make(map[string]*Flag)
	}
	f.actual[name] = fl
	return true, nil
}

// Parse parses flag definitions from the argument list, which should not include the
// command name.
func (f *FlagSet) Parse(arguments []string) error {
	f.parsed = true
	f.args = arguments
	for {
		seen, err := f.parseOne()
		if seen {
			continue
		}
		if err == nil {
			break
		}
		switch f.errorHandling {
		case ContinueOnError:
			return err
		case ExitOnError:
			if err == ErrHelp {
				os.Exit(0)
			}
			os.Exit(2)
		case PanicOnError:
			panic(err)
		}
	}
	return nil
}

// CommandLine is the default set of command-line flags; a chanlab program has no
// arguments to parse.
var CommandLine = NewFlagSet(os.Args[0], ExitOnError)

// Usage prints a usage message documenting all defined command-line flags.
var Usage = func() {
	fmt.Fprintf(CommandLine.Output(), "Usage of %s:\n", os.Args[0])
	PrintDefaults()
}

func init() {
	CommandLine.Usage = func() { Usage() }
}

// Parse parses the command-line flags (there are none).
func Parse() { CommandLine.Parse(os.Args[1:]) }

func Parsed() bool                                     { return CommandLine.Parsed() }
func Args() []string                                   { return CommandLine.Args() }
func NArg() int                                        { return CommandLine.NArg() }
func Arg(i int) string                                 { return CommandLine.Arg(i) }
func NFlag() int                                       { return CommandLine.NFlag() }
func Lookup(name string) *Flag                         { return CommandLine.Lookup(name) }
func Set(name, value string) error                     { return CommandLine.Set(name, value) }
func PrintDefaults()                                   { CommandLine.PrintDefaults() }
func Visit(fn func(*Flag))                             { CommandLine.Visit(fn) }
func VisitAll(fn func(*Flag))                          { CommandLine.VisitAll(fn) }
func Var(value Value, name, usage string)              { CommandLine.Var(value, name, usage) }
func Func(name, usage string, fn func(string) error)   { CommandLine.Func(name, usage, fn) }
func Bool(name string, value bool, usage string) *bool { return CommandLine.Bool(name, value, usage) }
func BoolVar(p *bool, name string, value bool, usage string) {
	CommandLine.BoolVar(p, name, value, usage)
}
func Int(name string, value int, usage string) *int       { return CommandLine.Int(name, value, usage) }
func IntVar(p *int, name string, value int, usage string) { CommandLine.IntVar(p, name, value, usage) }
func Int64(name string, value int64, usage string) *int64 {
	return CommandLine.Int64(name, value, usage)
}
func Int64Var(p *int64, name string, value int64, usage string) {
	CommandLine.Int64Var(p, name, value, usage)
}
func Uint(name string, value uint, usage string) *uint { return CommandLine.Uint(name, value, usage) }
func UintVar(p *uint, name string, value uint, usage string) {
	CommandLine.UintVar(p, name, value, usage)
}
func Uint64(name string, value uint64, usage string) *uint64 {
	return CommandLine.Uint64(name, value, usage)
}
func Uint64Var(p *uint64, name string, value uint64, usage string) {
	CommandLine.Uint64Var(p, name, value, usage)
}
func String(name string, value string, usage string) *string {
	return CommandLine.String(name, value, usage)
}
func StringVar(p *string, name string, value string, usage string) {
	CommandLine.StringVar(p, name, value, usage)
}
func Float64(name string, value float64, usage string) *float64 {
	return CommandLine.Float64(name, value, usage)
}
func Float64Var(p *float64, name string, value float64, usage string) {
	CommandLine.Float64Var(p, name, value, usage)
}
func Duration(name string, value time.Duration, usage string) *time.Duration {
	return CommandLine.Duration(name, value, usage)
}
func DurationVar(p *time.Duration, name string, value time.Duration, usage string) {
	CommandLine.DurationVar(p, name, value, usage)
}
