package textio

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxBytes is the size limit of one document when Options.MaxBytes
// is zero.
const DefaultMaxBytes = 10 << 20

// Options tune Read and ReadFile. The zero value works.
type Options struct {
	// MaxBytes limits one document: a plain file, standard input, or one
	// line of a dump (a dump file itself may be any size). 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// TextFields are the dump fields joined, in order, with "\n\n" to make
	// Doc.Text. Missing or null fields are skipped, empty ones too. Empty means
	// the default rule (see the package documentation).
	TextFields []string
	// IDField is the dump field naming each article ("id" when empty). A
	// line without it is named by its 1-based line number.
	IDField string
	// DateField is the dump field read for Doc.Date. Empty means the first
	// present of "date", "published", "pubdate".
	DateField string
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// StdinFormat says what "-" holds: "" or "text" for one plain-text
	// document, "jsonl" for a dump (gzipped or not).
	StdinFormat string
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Read returns the documents found in paths, in order. Each path is a file,
// a directory (walked recursively in lexical order for *.txt, *.jsonl and
// *.jsonl.gz files, skipping hidden files and directories), or "-" for
// Options.Stdin. A file named *.jsonl or *.jsonl.gz is a dump and yields one
// Doc per line; any other file yields one Doc.
//
// An input that fails yields a Doc with Source and Err set, and reading goes
// on with the next one. When ctx is cancelled the sequence stops; the
// caller checks ctx.Err(). Dumps are streamed line by line.
func Read(ctx context.Context, paths []string, opt Options) iter.Seq[Doc] {
	return func(yield func(Doc) bool) {
		r := &reader{ctx: ctx, opt: opt, yield: yield}
		for _, p := range paths {
			if !r.path(p) {
				return
			}
		}
	}
}

// ReadFile reads path as one plain-text document, whatever its name (use
// Read for dumps). Errors are in Doc.Err and name the file.
func ReadFile(path string, opt Options) Doc {
	f, err := os.Open(path)
	if err != nil {
		return Doc{Source: path, Err: err}
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return Doc{Source: path, Err: err}
	} else if fi.IsDir() {
		return Doc{Source: path, Err: fmt.Errorf("%s: %w", path, ErrDir)}
	} else if max := opt.maxBytes(); fi.Mode().IsRegular() && fi.Size() > max {
		return Doc{Source: path, Err: fmt.Errorf("%s: %w (%d bytes, limit %d)", path, ErrTooLarge, fi.Size(), max)}
	}
	return readText(path, f, opt)
}

// readText reads r whole, up to the size limit, as one plain-text document.
func readText(name string, r io.Reader, opt Options) Doc {
	max := opt.maxBytes()
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return Doc{Source: name, Err: fmt.Errorf("%s: %w", name, err)}
	}
	if int64(len(b)) > max {
		return Doc{Source: name, Err: fmt.Errorf("%s: %w (over %d bytes)", name, ErrTooLarge, max)}
	}
	text, enc, err := Decode(b)
	if err != nil {
		return Doc{Source: name, Err: fmt.Errorf("%s: %w", name, err)}
	}
	return Doc{Source: name, Encoding: enc, Text: text}
}

// reader is the state of one Read iteration. Its methods return false when
// iteration must stop (the consumer broke out or ctx was cancelled).
type reader struct {
	ctx   context.Context
	opt   Options
	yield func(Doc) bool
}

func (r *reader) emit(d Doc) bool {
	return r.ctx.Err() == nil && r.yield(d)
}

func (r *reader) path(p string) bool {
	if r.ctx.Err() != nil {
		return false
	}
	if p == "-" {
		return r.stdin()
	}
	fi, err := os.Stat(p)
	if err != nil {
		return r.emit(Doc{Source: p, Err: err})
	}
	if fi.IsDir() {
		return r.walk(p)
	}
	return r.file(p)
}

func (r *reader) stdin() bool {
	in := r.opt.Stdin
	if in == nil {
		in = os.Stdin
	}
	switch r.opt.StdinFormat {
	case "", "text":
		return r.emit(readText("-", in, r.opt))
	case "jsonl":
		return r.dump("-", in)
	default:
		return r.emit(Doc{Source: "-", Err: fmt.Errorf("-: textio: unknown StdinFormat %q (want text or jsonl)", r.opt.StdinFormat)})
	}
}

func (r *reader) file(p string) bool {
	if !isDump(p) {
		return r.emit(ReadFile(p, r.opt))
	}
	f, err := os.Open(p)
	if err != nil {
		return r.emit(Doc{Source: p, Err: err})
	}
	defer f.Close()
	return r.dump(p, f)
}

// walk yields the documents under root. filepath.WalkDir visits entries in
// lexical order and does not follow symbolic links to directories (no
// cycles); symbolic links to files are read.
func (r *reader) walk(root string) bool {
	// WalkDir does not follow a root that is itself a link; a trailing
	// separator makes it resolve the link and walk the folder.
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator)
	}
	more := true
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			more = r.emit(Doc{Source: p, Err: err})
		} else if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
		} else if !d.IsDir() && isInput(p) && isFile(p, d) {
			more = r.file(p)
		}
		if !more {
			return filepath.SkipAll
		}
		return nil
	})
	return more
}

// isFile reports whether the walked entry d at p is a regular file or a
// symbolic link to one.
func isFile(p string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// isInput reports whether a walk reads the file named p.
func isInput(p string) bool {
	return isDump(p) || strings.HasSuffix(strings.ToLower(p), ".txt")
}

func isDump(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".jsonl.gz")
}
