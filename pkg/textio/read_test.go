package textio

import (
	"context"
	"errors"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadFileErrors(t *testing.T) {
	tests := []struct {
		file string
		opt  Options
		err  error
	}{
		{"binary.txt", Options{}, ErrBinary},
		{"empty.txt", Options{}, ErrEmpty},
		{"blank.txt", Options{}, ErrEmpty},
		{"latin1.txt", Options{MaxBytes: 50}, ErrTooLarge},
		{"absent.txt", Options{}, fs.ErrNotExist},
		{".", Options{}, ErrDir},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(fixtureDir, tt.file)
			d := ReadFile(path, tt.opt)
			if !errors.Is(d.Err, tt.err) {
				t.Fatalf("err = %v, want %v", d.Err, tt.err)
			}
			if d.Source != path || !strings.Contains(d.Err.Error(), path) {
				t.Errorf("Source %q, error %q: want both to name %s", d.Source, d.Err, path)
			}
			if d.Text != "" {
				t.Errorf("Text = %q on error", d.Text)
			}
		})
	}
}

// The size limit holds for inputs whose size is unknown beforehand.
func TestReadStdinTooLarge(t *testing.T) {
	opt := Options{MaxBytes: 10, Stdin: strings.NewReader("onze octets")}
	docs := collect(t, Read(context.Background(), []string{"-"}, opt))
	if len(docs) != 1 || !errors.Is(docs[0].Err, ErrTooLarge) {
		t.Fatalf("got %+v, want one ErrTooLarge", docs)
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestReadWalk(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"b.txt":               "deux",
		"a.txt":               "un",
		"a/z.TXT":             "sous-dossier",
		"c.jsonl":             `{"id": "x", "text": "article"}` + "\n",
		"notes.md":            "ignoré",
		"image.png":           "ignoré",
		".hidden/secret.txt":  "ignoré",
		".brouillon.txt":      "ignoré",
		"d/e/f.txt":           "profond",
		"d/vide.txt":          "",
		"d/e/archive.json.gz": "ignoré",
	})
	if err := os.Symlink(filepath.Join(root, "a.txt"), filepath.Join(root, "lien.txt")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "lien")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{root, link} {
		got := walkSources(t, dir)
		want := []string{"a/z.TXT=sous-dossier", "a.txt=un", "b.txt=deux", "c.jsonl#x=article", "d/e/f.txt=profond", "d/vide.txt error", "lien.txt=un"}
		if !slices.Equal(got, want) {
			t.Errorf("%s:\ngot  %q\nwant %q", dir, got, want)
		}
	}
}

// walkSources reads dir and names each Doc by its path inside dir, and its
// text or "error".
func walkSources(t *testing.T, dir string) []string {
	t.Helper()
	docs := collect(t, Read(context.Background(), []string{dir}, Options{}))
	var got []string
	for _, d := range docs {
		s := strings.TrimPrefix(filepath.ToSlash(d.Source), filepath.ToSlash(dir)+"/")
		if d.Err != nil {
			s += " error"
		} else {
			s += "=" + d.Text
		}
		got = append(got, s)
	}
	return got
}

// Paths come out in the order given; a failed one does not stop the rest.
func TestReadPathsOrder(t *testing.T) {
	paths := []string{
		filepath.Join(fixtureDir, "utf8bom.txt"),
		filepath.Join(fixtureDir, "absent.txt"),
		"-",
		filepath.Join(fixtureDir, "latin1.txt"),
	}
	opt := Options{Stdin: strings.NewReader("Texte lu sur l'entrée standard.")}
	docs := collect(t, Read(context.Background(), paths, opt))
	var got []string
	for _, d := range docs {
		got = append(got, d.Source)
	}
	if !slices.Equal(got, paths) {
		t.Fatalf("sources %q, want %q", got, paths)
	}
	if docs[1].Err == nil || docs[0].Err != nil || docs[2].Err != nil || docs[3].Err != nil {
		t.Errorf("want an error for the absent file only: %v %v %v %v", docs[0].Err, docs[1].Err, docs[2].Err, docs[3].Err)
	}
	if docs[2].Text != "Texte lu sur l'entrée standard." {
		t.Errorf("stdin text %q", docs[2].Text)
	}
}

func TestReadStdinFormat(t *testing.T) {
	opt := Options{StdinFormat: "xml", Stdin: strings.NewReader("<a/>")}
	docs := collect(t, Read(context.Background(), []string{"-"}, opt))
	if len(docs) != 1 || docs[0].Err == nil || docs[0].Source != "-" {
		t.Errorf("got %+v, want one error for the unknown format", docs)
	}
}

func TestReadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	paths := []string{fixtureDir, fixtureDir}
	n := 0
	for range Read(ctx, paths, Options{}) {
		n++
		if n == 3 {
			cancel()
		}
	}
	if n != 3 {
		t.Errorf("read %d docs, want 3: cancellation must stop the sequence", n)
	}
}

func TestReadBreak(t *testing.T) {
	n := 0
	for range Read(context.Background(), []string{fixtureDir, fixtureDir}, Options{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("read %d docs after break", n)
	}
}

// collect gathers a sequence, failing when it yields a Doc without Source.
func collect(t *testing.T, seq iter.Seq[Doc]) []Doc {
	t.Helper()
	var docs []Doc
	for d := range seq {
		if d.Source == "" {
			t.Errorf("doc without Source: %+v", d)
		}
		docs = append(docs, d)
	}
	return docs
}

// Walking the fixture folder reads its text files and dumps, in lexical
// order, and skips notes.md and the hidden .cache folder.
func TestReadFixtureDir(t *testing.T) {
	seen := map[string]int{}
	var order []string
	for _, d := range collect(t, Read(context.Background(), []string{fixtureDir}, Options{})) {
		file, _, _ := strings.Cut(strings.TrimPrefix(filepath.ToSlash(d.Source), fixtureDir+"/"), "#")
		file, _, _ = strings.Cut(file, ":")
		if seen[file] == 0 {
			order = append(order, file)
		}
		seen[file]++
	}
	want := []string{"binary.txt", "blank.txt", "cp1252.txt", "crlf.txt", "dump.jsonl", "dump.jsonl.gz", "empty.txt", "latin1.txt", "utf16be.txt", "utf16le.txt", "utf8bom.txt"}
	if !slices.Equal(order, want) {
		t.Errorf("files %q\nwant  %q", order, want)
	}
	if seen["dump.jsonl"] != 6 || seen["dump.jsonl.gz"] != 6 {
		t.Errorf("dump docs: %d and %d, want 6 each", seen["dump.jsonl"], seen["dump.jsonl.gz"])
	}
}

func TestReadFileUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their permissions")
	}
	path := filepath.Join(t.TempDir(), "fermé.txt")
	if err := os.WriteFile(path, []byte("secret"), 0o000); err != nil {
		t.Fatal(err)
	}
	d := ReadFile(path, Options{})
	if !errors.Is(d.Err, fs.ErrPermission) || !strings.Contains(d.Err.Error(), path) {
		t.Errorf("err = %v, want a permission error naming %s", d.Err, path)
	}
}
