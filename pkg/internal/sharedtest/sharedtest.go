// Package sharedtest finds the read-only corpora in ../shared for tests and
// benchmarks, and skips them with a clear message on a fresh clone without it.
package sharedtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the shared folder: $VEILLE_SHARED, or ../shared beside the
// repository root. It returns "" when neither exists.
func Dir() string {
	if d := os.Getenv("VEILLE_SHARED"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <root>/pkg/internal/sharedtest/sharedtest.go.
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return filepath.Clean(d)
}

// Path returns the path of rel inside the shared folder, or skips tb with a
// message naming what is missing.
func Path(tb testing.TB, rel ...string) string {
	tb.Helper()
	d := Dir()
	if d == "" {
		tb.Skip("../shared is absent (a fresh clone): skipping a test that needs the shared corpora")
	}
	p := filepath.Join(append([]string{d}, rel...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent: skipping", p)
	}
	return p
}
