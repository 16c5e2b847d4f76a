// Package ioutil implements the I/O functions Go keeps for compatibility, as package io's
// and os's of the same names.
package ioutil

import (
	"io"
	"os"
)

// ReadAll reads from r until an error or EOF and returns the data it read.
func ReadAll(r io.Reader) ([]byte, error) { return io.ReadAll(r) }

// ReadFile reads the file named by filename (a run has no files: see os.ReadFile).
func ReadFile(filename string) ([]byte, error) { return os.ReadFile(filename) }

// NopCloser returns a ReadCloser with a no-op Close method wrapping r.
func NopCloser(r io.Reader) io.ReadCloser { return io.NopCloser(r) }

// Discard is an io.Writer on which all Write calls succeed without doing anything.
var Discard io.Writer = io.Discard
