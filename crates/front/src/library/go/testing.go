// Package testing runs a program's tests as `go test -v` runs them: chanlab runs a program
// that declares tests and no main function (as the Go Playground does) through a main
// function of its own, the `_testmain.go` Go's tool generates, which calls MainStart and Run.
//
// Output is verbose, as the Playground's: `=== RUN`, `=== PAUSE`, `=== CONT` and
// `--- PASS`/`FAIL`/`SKIP` lines, a log line as `    prog_test.go:LINE: text`, a subtest's
// result indented under its parent's, `PASS` or `FAIL` at the end (exit status 1). Tests run
// one after another, each on a goroutine of its own; parallel ones (T.Parallel) wait for
// their parent to finish its function and then run at most GOMAXPROCS at a time. Examples
// with an output comment run after the tests, their output captured and compared with it.
// Benchmarks and fuzz targets are declared for a program to compile; `go test` runs neither
// without its flags, and chanlab does not either.
package testing

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
)

// TB is the interface common to T and B.
type TB interface {
	Cleanup(func())
	Context() context.Context
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Setenv(key, value string)
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	private()
}

// InternalTest is a test as the generated main function lists it.
type InternalTest struct {
	Name string
	F    func(*T)
}

// InternalBenchmark is a benchmark as the generated main function lists it.
type InternalBenchmark struct {
	Name string
	F    func(b *B)
}

// InternalExample is an example as the generated main function lists it.
type InternalExample struct {
	Name      string
	F         func()
	Output    string
	Unordered bool
}

// InternalFuzzTarget is a fuzz target as the generated main function lists it.
type InternalFuzzTarget struct {
	Name string
	Fn   func(f *F)
}

// printer writes the verbose output: a line of a test other than the one that wrote last is
// preceded by `=== CONT  name`.
type printer struct {
	mu       sync.Mutex
	lastName string
}

// updatef prints a line that says which test is now current (RUN, PAUSE, CONT, a result).
func (p *printer) updatef(name, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastName = name
	fmt.Printf(format, args...)
}

// printf prints a test's log line.
func (p *printer) printf(name, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.lastName == "" {
		p.lastName = name
	} else if p.lastName != name {
		fmt.Printf("=== CONT  %s\n", name)
		p.lastName = name
	}
	fmt.Printf(format, args...)
}

// testContext is what all tests of a run share: the printer and the parallel tests' limit.
type testContext struct {
	out           *printer
	mu            sync.Mutex
	startParallel chan bool
	running       int
	numWaiting    int
	maxParallel   int
}

// waitParallel waits until a parallel test may run.
func (c *testContext) waitParallel() {
	c.mu.Lock()
	if c.running < c.maxParallel {
		c.running++
		c.mu.Unlock()
		return
	}
	c.numWaiting++
	c.mu.Unlock()
	<-c.startParallel
}

// release hands a finished parallel test's place to one that waits.
func (c *testContext) release() {
	c.mu.Lock()
	if c.numWaiting == 0 {
		c.running--
		c.mu.Unlock()
		return
	}
	c.numWaiting--
	c.mu.Unlock()
	c.startParallel <- true
}

// common is what T and B share.
type common struct {
	mu         sync.RWMutex
	output     []byte // the results of finished subtests, indented, printed after this one's
	failed     bool
	skipped    bool
	finished   bool // the test function returned, or called FailNow or SkipNow
	done       bool // the test reported
	isParallel bool
	helpers    map[string]bool
	cleanups   []func()
	name       string
	parent     *common
	start      time.Time
	duration   time.Duration
	barrier    chan bool // closed when the test's function finished: its parallel subtests go on
	signal     chan bool // the test paused (parallel) or ended
	sub        []*T      // the parallel subtests
	ctx        *testContext
	context    context.Context
	cancel     context.CancelFunc // cancels context, before the cleanups run
	isEnvSet   bool
}

// T is the state of a test, passed to a test function.
type T struct {
	common
}

// B is the state of a benchmark. chanlab does not run benchmarks (`go test` runs them only
// when asked to); a program that declares them compiles.
type B struct {
	common
	N       int
	timerOn bool
}

// F is the state of a fuzz target; chanlab does not fuzz.
type F struct {
	common
}

// M is what TestMain gets: its Run runs the tests.
type M struct {
	tests    []InternalTest
	examples []InternalExample
	exitCode int
}

// PB runs the iterations of B.RunParallel.
type PB struct {
	n int
}

func (c *common) private() {}

// Name returns the test's name (`TestX/sub`).
func (c *common) Name() string { return c.name }

// Fail marks the test as failed and goes on.
func (c *common) Fail() {
	if c.parent != nil {
		c.parent.Fail()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic("Fail in goroutine after " + c.name + " has completed")
	}
	c.failed = true
}

// Failed reports whether the test failed.
func (c *common) Failed() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.failed
}

// FailNow marks the test as failed and stops it (runtime.Goexit: its deferred calls run).
func (c *common) FailNow() {
	c.Fail()
	c.mu.Lock()
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Skipped reports whether the test was skipped.
func (c *common) Skipped() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.skipped
}

// SkipNow marks the test as skipped and stops it.
func (c *common) SkipNow() {
	c.mu.Lock()
	c.skipped = true
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Helper marks the calling function as a helper: a log line names the line of its caller.
func (c *common) Helper() {
	pc, _, _, ok := runtime.Caller(1)
	if !ok {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.helpers == nil {
		c.helpers = make(map[string]bool)
	}
	c.helpers[runtime.FuncForPC(pc).Name()] = true
}

// Cleanup registers f to run when the test and its subtests end, the last registered first.
func (c *common) Cleanup(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cleanups = append(c.cleanups, f)
}

// Context returns a context canceled just before the test's Cleanup functions run.
func (c *common) Context() context.Context { return c.context }

// Setenv sets an environment variable for the rest of the test: a cleanup restores it. A
// parallel test cannot set one.
func (c *common) Setenv(key, value string) {
	if c.isParallel {
		panic("testing: t.Setenv called after t.Parallel; cannot set environment variables in parallel tests")
	}
	c.isEnvSet = true
	prev, ok := os.LookupEnv(key)
	if err := os.Setenv(key, value); err != nil {
		c.Fatalf("cannot set environment variable: %v", err)
	}
	if ok {
		c.Cleanup(func() { os.Setenv(key, prev) })
	} else {
		c.Cleanup(func() { os.Unsetenv(key) })
	}
}

// runCleanup runs the registered cleanups; a panic in one is returned, the others run.
func (c *common) runCleanup() (panicked any) {
	if c.cancel != nil {
		c.cancel()
	}
	defer func() {
		if r := recover(); r != nil {
			panicked = r
			c.runCleanup()
		}
	}()
	for {
		c.mu.Lock()
		n := len(c.cleanups)
		if n == 0 {
			c.mu.Unlock()
			return nil
		}
		f := c.cleanups[n-1]
		c.cleanups = c.cleanups[:n-1]
		c.mu.Unlock()
		f()
	}
}

// Log formats its arguments as Println does and prints them as the test's log line.
func (c *common) Log(args ...any) { c.log(fmt.Sprintln(args...)) }

// Logf formats its arguments as Printf does and prints them as the test's log line.
func (c *common) Logf(format string, args ...any) { c.log(fmt.Sprintf(format, args...)) }

// Error is Log then Fail.
func (c *common) Error(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.Fail()
}

// Errorf is Logf then Fail.
func (c *common) Errorf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.Fail()
}

// Fatal is Log then FailNow.
func (c *common) Fatal(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.FailNow()
}

// Fatalf is Logf then FailNow.
func (c *common) Fatalf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.FailNow()
}

// Skip is Log then SkipNow.
func (c *common) Skip(args ...any) {
	c.log(fmt.Sprintln(args...))
	c.SkipNow()
}

// Skipf is Logf then SkipNow.
func (c *common) Skipf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...))
	c.SkipNow()
}

// log prints s as a line of the test's, named by the file and line that called the testing
// method (past helpers).
func (c *common) log(s string) {
	if c.ctx == nil {
		fmt.Print(c.decorate(s))
		return
	}
	c.ctx.out.printf(c.name, "%s", c.decorate(s))
}

// caller names the first frame outside package testing and the test's helpers.
func (c *common) caller() (file string, line int) {
	pcs := make([]uintptr, 50)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	c.mu.RLock()
	defer c.mu.RUnlock()
	for {
		frame, more := frames.Next()
		if frame.Function == "testing.tRunner" {
			break
		}
		if !strings.HasPrefix(frame.Function, "testing.") && !c.helpers[frame.Function] {
			return frame.File, frame.Line
		}
		if !more {
			break
		}
	}
	return "", 0
}

// decorate gives the log line: four spaces, `file:line: `, s with its later lines indented
// four more.
func (c *common) decorate(s string) string {
	file, line := c.caller()
	if file != "" {
		if i := strings.LastIndex(file, "/"); i >= 0 {
			file = file[i+1:]
		}
	} else {
		file = "???"
	}
	if line == 0 {
		line = 1
	}
	var b strings.Builder
	b.WriteString("    ")
	fmt.Fprintf(&b, "%s:%d: ", file, line)
	lines := strings.Split(s, "\n")
	if l := len(lines); l > 1 && lines[l-1] == "" {
		lines = lines[:l-1]
	}
	for i, line := range lines {
		if i > 0 {
			b.WriteString("\n        ")
		}
		b.WriteString(line)
	}
	b.WriteByte('\n')
	return b.String()
}

// indent gives s with every line indented four spaces, as a parent's output holds its
// subtests' results.
func indent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString("    ")
			b.WriteString(l)
		}
	}
	return b.String()
}

// flushToParent writes the test's result line, then its subtests', to its parent: the
// parent's output (indented), or, for a top-level test, the run's output.
func (c *common) flushToParent(line string) {
	p := c.parent
	p.mu.Lock()
	defer p.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	text := line + string(c.output)
	c.output = c.output[:0]
	if p.parent == nil {
		c.ctx.out.updatef(c.name, "%s", text)
	} else {
		p.output = append(p.output, indent(text)...)
	}
}

func fmtDuration(d time.Duration) string {
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// report writes the test's result.
func (t *T) report() {
	if t.parent == nil {
		return
	}
	status := "PASS"
	if t.Failed() {
		status = "FAIL"
	} else if t.Skipped() {
		status = "SKIP"
	}
	t.flushToParent(fmt.Sprintf("--- %s: %s (%s)\n", status, t.name, fmtDuration(t.duration)))
}

// Parallel says the test runs in parallel with the other parallel tests of its parent: it
// waits until the parent's function has returned, then for a place among the running ones.
func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	if t.isEnvSet {
		panic("testing: t.Parallel called after t.Setenv; cannot set environment variables in parallel tests")
	}
	t.isParallel = true
	if t.parent.barrier == nil {
		return
	}
	t.duration += time.Since(t.start)
	t.parent.sub = append(t.parent.sub, t)
	t.ctx.out.updatef(t.name, "=== PAUSE %s\n", t.name)
	t.signal <- true
	<-t.parent.barrier
	t.ctx.waitParallel()
	t.ctx.out.updatef(t.name, "=== CONT  %s\n", t.name)
	t.start = time.Now()
}

var errNilPanicOrGoexit = errors.New("test executed panic(nil) or runtime.Goexit")

// tRunner runs test function fn on t, then reports, as Go's does.
func tRunner(t *T, fn func(t *T)) {
	defer func() {
		err := recover()
		signal := true
		t.mu.RLock()
		finished := t.finished
		t.mu.RUnlock()
		if !finished && err == nil {
			err = errNilPanicOrGoexit
			for p := t.parent; p != nil; p = p.parent {
				p.mu.RLock()
				finished = p.finished
				p.mu.RUnlock()
				if finished {
					t.Errorf("%v: subtest may have called FailNow on a parent test", err)
					err = nil
					signal = false
					break
				}
			}
		}
		if err != nil {
			// A panic fails the test and every test above it, reported as they stand; then
			// the program panics with it.
			t.Fail()
			if r := t.runCleanup(); r != nil {
				t.Logf("cleanup panicked with %v", r)
			}
			for root := &t.common; root.parent != nil; root = root.parent {
				root.mu.Lock()
				root.duration += time.Since(root.start)
				d := root.duration
				root.mu.Unlock()
				root.flushToParent(fmt.Sprintf("--- FAIL: %s (%s)\n", root.name, fmtDuration(d)))
			}
			panic(err)
		}
		t.duration += time.Since(t.start)
		if len(t.sub) > 0 {
			// Let the parallel subtests go on, and wait for them.
			t.ctx.release()
			close(t.barrier)
			for _, sub := range t.sub {
				<-sub.signal
			}
			start := time.Now()
			if r := t.runCleanup(); r != nil {
				panic(r)
			}
			t.duration += time.Since(start)
			if !t.isParallel {
				t.ctx.waitParallel()
			}
		} else if t.isParallel {
			t.ctx.release()
		}
		t.report()
		t.mu.Lock()
		t.done = true
		t.mu.Unlock()
		t.signal <- signal
	}()
	defer func() {
		if len(t.sub) == 0 {
			if r := t.runCleanup(); r != nil {
				panic(r)
			}
		}
	}()
	t.context, t.cancel = context.WithCancel(context.Background())
	t.start = time.Now()
	fn(t)
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
}

// Run runs f as subtest name of t, on a goroutine of its own, and waits until it ends or
// calls Parallel. It reports whether f succeeded (a parallel one: so far).
func (t *T) Run(name string, f func(t *T)) bool {
	sub := &T{common: common{
		barrier: make(chan bool),
		signal:  make(chan bool, 1),
		name:    subName(t, name),
		parent:  &t.common,
		ctx:     t.ctx,
	}}
	t.ctx.out.updatef(sub.name, "=== RUN   %s\n", sub.name)
	goTest(sub.name, tRunner, sub, f)
	if !<-sub.signal {
		runtime.Goexit()
	}
	return !sub.Failed()
}

// goTest is `go run(t, f)`, the goroutine named after test name (the timeline's lane for
// it).
func goTest(name string, run func(*T, func(*T)), t *T, f func(*T))

// subName gives the full name of t's subtest name, as Go's matcher makes it: white space
// becomes underscores, and a name used before (or an empty one) gets a `#NN` suffix.
func subName(t *T, name string) string {
	if t.parent == nil {
		return name
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return '_'
		}
		return r
	}, name)
	subNamesMu.Lock()
	defer subNamesMu.Unlock()
	full := t.name + "/" + name
	empty := name == ""
	for {
		next, exists := subNames[full]
		if !empty && !exists {
			subNames[full] = 1
			return full
		}
		subNames[full] = next + 1
		full = fmt.Sprintf("%s#%02d", full, next)
		empty = false
	}
}

// subNames counts the uses of each subtest name.
var subNames = map[string]int{}
var subNamesMu sync.Mutex

// Deadline reports the run's deadline: none.
func (t *T) Deadline() (deadline time.Time, ok bool) { return time.Time{}, false }

// MainStart is called by the generated main function: the tests and examples to run.
func MainStart(deps any, tests []InternalTest, benchmarks []InternalBenchmark, fuzzTargets []InternalFuzzTarget, examples []InternalExample) *M {
	initRan = true
	return &M{tests: tests, examples: examples}
}

// initRan: the program is a program of tests, whose flags go test has set (Go's Init).
var initRan bool

// Run runs the tests, then the examples, and returns the exit status: 0 when all passed, 1
// otherwise.
func (m *M) Run() (code int) {
	testOk := runTests(m.tests)
	exampleOk := true
	for _, eg := range m.examples {
		if !runExample(eg) {
			exampleOk = false
		}
	}
	if len(m.tests) == 0 && len(m.examples) == 0 {
		fmt.Fprintln(os.Stderr, "testing: warning: no tests to run")
	}
	if !testOk || !exampleOk {
		fmt.Println("FAIL")
		m.exitCode = 1
		return 1
	}
	fmt.Println("PASS")
	m.exitCode = 0
	return 0
}

// captureStdout starts capturing what the program prints on stdout (on), or stops and
// returns what it captured.
func captureStdout(on bool) string

// runExample runs an example, its output captured, and checks the output against the
// example's `// Output:` comment.
func runExample(eg InternalExample) (ok bool) {
	fmt.Printf("=== RUN   %s\n", eg.Name)
	captureStdout(true)
	finished := false
	start := time.Now()
	defer func() {
		spent := time.Since(start)
		out := captureStdout(false)
		err := recover()
		ok = eg.processRunResult(out, spent, finished, err)
	}()
	eg.F()
	finished = true
	return
}

func sortLines(output string) string {
	lines := strings.Split(output, "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// processRunResult reports the example's result, and panics again with its panic.
func (eg *InternalExample) processRunResult(stdout string, spent time.Duration, finished bool, recovered any) (passed bool) {
	passed = true
	var fail string
	got := strings.TrimSpace(stdout)
	want := strings.TrimSpace(eg.Output)
	if eg.Unordered {
		if sortLines(got) != sortLines(want) && recovered == nil {
			fail = fmt.Sprintf("got:\n%s\nwant (unordered):\n%s\n", stdout, eg.Output)
		}
	} else if got != want && recovered == nil {
		fail = fmt.Sprintf("got:\n%s\nwant:\n%s\n", got, want)
	}
	if fail != "" || !finished || recovered != nil {
		fmt.Printf("--- FAIL: %s (%s)\n%s", eg.Name, fmtDuration(spent), fail)
		passed = false
	} else {
		fmt.Printf("--- PASS: %s (%s)\n", eg.Name, fmtDuration(spent))
	}
	if recovered != nil {
		panic(recovered)
	}
	if !finished {
		panic(errNilPanicOrGoexit)
	}
	return
}

// runTests runs the tests, top-level parallel ones last, and reports whether all passed.
func runTests(tests []InternalTest) bool {
	ctx := &testContext{
		out:           &printer{},
		startParallel: make(chan bool),
		maxParallel:   runtime.GOMAXPROCS(0),
		running:       1,
	}
	t := &T{common: common{
		signal:  make(chan bool, 1),
		barrier: make(chan bool),
		ctx:     ctx,
	}}
	tRunner(t, func(t *T) {
		for _, test := range tests {
			t.Run(test.Name, test.F)
		}
	})
	select {
	case <-t.signal:
	default:
		panic("internal error: tRunner exited without sending on t.signal")
	}
	return !t.Failed()
}

// Short reports whether -test.short is set: no.
func Short() bool {
	if !initRan {
		panic("testing: Short called before Init")
	}
	return false
}

// Verbose reports whether -test.v is set: yes, as the Playground runs tests.
func Verbose() bool {
	if !initRan {
		panic("testing: Verbose called before Init")
	}
	return true
}

// Testing reports whether the program is a test.
func Testing() bool { return initRan }

// CoverMode reports the coverage mode: none.
func CoverMode() string { return "" }

// ResetTimer zeroes the benchmark's time.
func (b *B) ResetTimer() { b.duration = 0 }

// StartTimer starts timing.
func (b *B) StartTimer() {
	if !b.timerOn {
		b.start = time.Now()
		b.timerOn = true
	}
}

// StopTimer stops timing.
func (b *B) StopTimer() {
	if b.timerOn {
		b.duration += time.Since(b.start)
		b.timerOn = false
	}
}

// ReportAllocs asks for allocation figures.
func (b *B) ReportAllocs() {}

// SetBytes records the bytes an iteration processes.
func (b *B) SetBytes(n int64) {}

// ReportMetric records a custom figure.
func (b *B) ReportMetric(n float64, unit string) {}

// Elapsed returns the measured time.
func (b *B) Elapsed() time.Duration { return b.duration }

// Run runs f as a sub-benchmark.
func (b *B) Run(name string, f func(b *B)) bool {
	sub := &B{common: common{name: b.name + "/" + name, parent: &b.common, ctx: b.ctx}, N: 1}
	f(sub)
	return !sub.failed
}

// Loop reports whether the benchmark should run another iteration.
func (b *B) Loop() bool {
	if b.N > 0 {
		b.N--
		return true
	}
	return false
}

// RunParallel runs body on GOMAXPROCS goroutines sharing b.N iterations.
func (b *B) RunParallel(body func(*PB)) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := b.N
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if n == 0 {
					mu.Unlock()
					return
				}
				n--
				mu.Unlock()
				body(&PB{n: 1})
			}
		}()
	}
	wg.Wait()
}

// Next reports whether there is another iteration.
func (pb *PB) Next() bool {
	if pb.n > 0 {
		pb.n--
		return true
	}
	return false
}
