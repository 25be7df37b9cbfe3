package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/veille/veille/pkg/veille"
)

// Errors returned by Open, Create, OpenOrCreate and Rebuild; they wrap
// these, so test with errors.Is.
var (
	ErrNotFound = errors.New("index: not found")
	ErrCorrupt  = errors.New("index: corrupt or not a veille index")
	ErrLocked   = errors.New("index: locked by another writer")
	ErrExists   = errors.New("index: already exists")
	ErrVersion  = errors.New("index: built with another mapping version, rebuild it")
	ErrReadOnly = errors.New("index: opened read-only")
	ErrClosed   = errors.New("index: closed")
)

// Bleve internal keys: versionKey holds MappingVersion, flushKey the
// generation of the last flush.
var versionKey, flushKey = []byte("veille.mapping"), []byte("veille.flush")

// Index is one veille index: a reader on the live generation (Open), or a
// writer on a new generation that Close publishes. Search and Hash may be
// called from several goroutines; Add, Remove, Close and Abort from one.
type Index struct {
	dir string
	gen string // the generation bi works on
	bi  bleve.Index

	facets facetCache // readers only

	// Writers only.
	lock   *os.File
	old    string // live generation when the writer opened, "" if none
	dirty  bool   // something to publish
	failed error  // first write error: Close then discards
	closed bool
	mu     sync.Mutex
}

// Open opens the live generation of the index in dir for searching. It
// takes no lock and never waits for a writer: writers build a new
// generation beside it. The handle keeps seeing the generation it opened.
func Open(dir string) (*Index, error) {
	var last error
	for range 3 { // a writer may swap and delete the generation under us
		gen, err := readCurrent(dir)
		if err != nil {
			return nil, err
		}
		bi, err := bleve.OpenUsing(filepath.Join(dir, gen), map[string]any{"read_only": true, "bolt_timeout": "5s"})
		if err == nil {
			if err = checkVersion(dir, bi); err != nil {
				bi.Close()
				return nil, err
			}
			return &Index{dir: dir, gen: gen, bi: bi}, nil
		}
		last = err
		if now, _ := readCurrent(dir); now == gen {
			break
		}
	}
	return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, dir, last)
}

func checkVersion(dir string, bi bleve.Index) error {
	v, err := bi.GetInternal(versionKey)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, dir, err)
	}
	if string(v) != MappingVersion {
		return fmt.Errorf("%w: %s has %q, this program writes %q", ErrVersion, dir, v, MappingVersion)
	}
	return nil
}

// Create makes a new, empty index in dir, which must not hold one
// (ErrExists). Close publishes it.
func Create(dir string) (*Index, error) { return openWriter(dir, modeCreate) }

// OpenOrCreate opens the index in dir for writing, creating it if there is
// none. The writer works on a copy of the live generation (segment files
// are hard-linked, so this is cheap); Close publishes it if anything
// changed. Until then, and forever if the process dies, readers see the
// old generation.
func OpenOrCreate(dir string) (*Index, error) { return openWriter(dir, modeUpdate) }

// Rebuild opens a writer on a new, empty generation of the index in dir
// (created if missing). Close replaces the live generation with it; until
// then the old one stays live and searchable.
func Rebuild(dir string) (*Index, error) { return openWriter(dir, modeRebuild) }

type openMode int

const (
	modeCreate openMode = iota
	modeUpdate
	modeRebuild
)

func openWriter(dir string, mode openMode) (x *Index, err error) {
	if _, err := readCurrent(dir); errors.Is(err, ErrCorrupt) {
		return nil, err // not ours: do not even create a lock file in it
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			lock.Close()
		}
	}()
	old, err := readCurrent(dir)
	switch {
	case errors.Is(err, ErrNotFound):
		old = ""
	case err != nil:
		return nil, err
	case mode == modeCreate:
		return nil, fmt.Errorf("%w: %s", ErrExists, dir)
	}
	highest, err := sweep(dir, old)
	if err != nil {
		return nil, err
	}
	gen := genName(highest + 1)
	path := filepath.Join(dir, gen)
	x = &Index{dir: dir, gen: gen, lock: lock, old: old, dirty: old == ""}
	if mode == modeUpdate && old != "" {
		if err := clone(filepath.Join(dir, old), path); err != nil {
			os.RemoveAll(path)
			return nil, fmt.Errorf("index: copy %s: %w", dir, err)
		}
		x.bi, err = bleve.OpenUsing(path, writeConfig())
		if err == nil {
			err = checkVersion(dir, x.bi)
		}
	} else {
		x.dirty = true
		x.bi, err = bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, writeConfig())
		if err == nil {
			err = x.bi.SetInternal(versionKey, []byte(MappingVersion))
		}
	}
	if err != nil {
		if x.bi != nil {
			x.bi.Close()
		}
		os.RemoveAll(path)
		if errors.Is(err, ErrVersion) {
			return nil, err
		}
		return nil, fmt.Errorf("index: open %s for writing: %w", dir, err)
	}
	return x, nil
}

// writeConfig lets batches return once in memory; Close waits for
// everything to be on disk before publishing. It is a new map each time:
// bleve writes into it.
func writeConfig() map[string]any { return map[string]any{"unsafe_batch": true} }

// Dir returns the index directory.
func (x *Index) Dir() string { return x.dir }

// Count returns the number of documents.
func (x *Index) Count() (uint64, error) { return x.bi.DocCount() }

func (x *Index) writable() error {
	switch {
	case x.closed:
		return ErrClosed
	case x.lock == nil:
		return ErrReadOnly
	}
	return x.failed
}

// Add indexes docs, replacing documents with the same source, in one bleve
// batch: call it with a few hundred documents at a time.
func (x *Index) Add(ctx context.Context, docs ...*veille.Document) error {
	if err := x.writable(); err != nil {
		return err
	}
	b := x.bi.NewBatch()
	for _, d := range docs {
		if err := b.Index(d.Source, fields(d)); err != nil {
			return fmt.Errorf("index: %s: %w", d.Source, err)
		}
	}
	return x.apply(ctx, b)
}

// Remove deletes the documents with these ids (sources); unknown ids are
// ignored.
func (x *Index) Remove(ctx context.Context, ids ...string) error {
	b := x.bi.NewBatch()
	for _, id := range ids {
		b.Delete(id)
	}
	return x.apply(ctx, b)
}

func (x *Index) apply(ctx context.Context, b *bleve.Batch) error {
	if err := x.writable(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if b.Size() == 0 {
		return nil
	}
	if err := x.bi.Batch(b); err != nil {
		x.failed = fmt.Errorf("index: write %s: %w", x.dir, err)
		return x.failed
	}
	x.dirty = true
	return nil
}

// Hash returns the ContentHash recorded for the document id.
func (x *Index) Hash(id string) (string, bool) {
	d, err := x.bi.Document(id)
	if err != nil || d == nil {
		return "", false
	}
	var h string
	d.VisitFields(func(f bindex.Field) {
		if f.Name() == fieldHash {
			h = string(f.Value())
		}
	})
	return h, h != ""
}

// Close releases the index. A writer first waits for its writes to reach
// the disk, then publishes its generation with an atomic rename of the
// CURRENT pointer and deletes the previous one; if a write failed, or
// nothing changed, the new generation is discarded instead and the live
// one is kept. Close returns the first write error.
func (x *Index) Close() error { return x.close(true) }

// Abort discards a writer's generation; the live one stays as it was. On a
// reader it is Close.
func (x *Index) Abort() error { return x.close(false) }

func (x *Index) close(publishing bool) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return nil
	}
	x.closed = true
	if x.lock == nil {
		return x.bi.Close()
	}
	defer x.lock.Close()
	err := x.failed
	publishing = publishing && err == nil && x.dirty
	if publishing {
		err = x.flush()
	}
	if cerr := x.bi.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("index: close %s: %w", x.dir, cerr)
	}
	path := filepath.Join(x.dir, x.gen)
	if err == nil && publishing {
		if err = syncDir(path); err == nil {
			err = publish(x.dir, x.gen)
		}
		if err != nil {
			err = fmt.Errorf("index: publish %s: %w", x.dir, err)
		}
	}
	if err != nil || !publishing {
		os.RemoveAll(path)
		return err
	}
	if x.old != "" {
		os.RemoveAll(filepath.Join(x.dir, x.old))
	}
	return nil
}

// flush waits until every batch so far is persisted: batches are persisted
// in order, so waiting for a last, empty one is enough.
func (x *Index) flush() error {
	done := make(chan error, 1)
	b := x.bi.NewBatch()
	b.SetInternal(flushKey, []byte(x.gen))
	b.SetPersistedCallback(func(err error) { done <- err })
	if err := x.bi.Batch(b); err != nil {
		return fmt.Errorf("index: write %s: %w", x.dir, err)
	}
	if err := <-done; err != nil {
		return fmt.Errorf("index: persist %s: %w", x.dir, err)
	}
	return nil
}
