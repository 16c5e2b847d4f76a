// Package signals connects the sending of a signal to the program (syscall.Kill and
// os.Process.Signal) with package os/signal, which passes it to the channels that asked for
// it. In chanlab no signal comes from outside the program.
package signals

// Notify passes signal sig to the channels os/signal registered for it, and reports whether
// the program handles sig (a channel asked for it, or it is ignored); nil until os/signal is
// imported.
var Notify func(sig int) bool
