package index

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// An index directory holds generations of one bleve index and a pointer to
// the live one:
//
//	DIR/CURRENT      name of the live generation, e.g. "gen-000007"
//	DIR/LOCK         flock'ed by the writer, holds its pid
//	DIR/gen-000007/  the live bleve (scorch) index
//	DIR/gen-000008/  a writer's generation, until it is published
const (
	currentName = "CURRENT"
	lockName    = "LOCK"
	genPrefix   = "gen-"
)

// readCurrent returns the live generation of dir.
func readCurrent(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, currentName))
	if errors.Is(err, fs.ErrNotExist) {
		return "", notFoundOrCorrupt(dir)
	}
	if err != nil {
		return "", err
	}
	gen := strings.TrimSpace(string(b))
	if _, ok := genNumber(gen); !ok {
		return "", fmt.Errorf("%w: %s: CURRENT names %q, not a generation", ErrCorrupt, dir, gen)
	}
	return gen, nil
}

// notFoundOrCorrupt explains a directory without CURRENT: missing, empty or
// holding only unpublished generations means no index yet; anything else
// is not an index this package wrote.
func notFoundOrCorrupt(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %s does not exist", ErrNotFound, dir)
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, ok := genNumber(e.Name()); !ok && e.Name() != lockName {
			return fmt.Errorf("%w: %s has no %s file: not a veille index", ErrCorrupt, dir, currentName)
		}
	}
	return fmt.Errorf("%w: no index in %s", ErrNotFound, dir)
}

func genNumber(name string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(name, genPrefix))
	return n, err == nil && strings.HasPrefix(name, genPrefix) && n > 0
}

func genName(n int) string { return fmt.Sprintf("%s%06d", genPrefix, n) }

// lockDir takes the writer lock of dir, creating dir if needed.
func lockDir(dir string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	held, err := tryLock(f)
	if err != nil || held {
		b, _ := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("index: lock %s: %w", dir, err)
		}
		return nil, fmt.Errorf("%w: %s is being written by pid %s", ErrLocked, dir, strings.TrimSpace(string(b)))
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return f, nil
}

// sweep removes what interrupted writers left in dir: every generation but
// live, and temporary pointer files. It returns the highest generation
// number seen. Only the lock holder calls it.
func sweep(dir, live string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	highest := 0
	for _, e := range entries {
		name := e.Name()
		if n, ok := genNumber(name); ok {
			highest = max(highest, n)
			if name == live {
				continue
			}
		} else if !strings.HasPrefix(name, currentName+".") {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return 0, err
		}
	}
	return highest, nil
}

// publish makes gen the live generation: the pointer is written aside,
// synced, then renamed over CURRENT, which is atomic.
func publish(dir, gen string) error {
	tmp := filepath.Join(dir, currentName+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.WriteString(gen + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, currentName))
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) {
		return err
	}
	return nil
}

// clone copies the scorch index in src to dst. Segment files (*.zap) are
// never modified once written, so they are hard-linked (copied where links
// fail); the rest, root.bolt above all, is mutable and copied.
func clone(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, ".zap") && os.Link(p, target) == nil {
			return nil
		}
		return copyFile(p, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}
