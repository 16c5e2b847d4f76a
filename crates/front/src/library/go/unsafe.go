// Package unsafe declares chanlab's unsafe package: its Sizeof, Alignof and Offsetof, which
// the checker declares (they are builtins: constants computed with gc's 64-bit layout).
// unsafe.Pointer and the functions on it are not provided.
package unsafe
