package exclude

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          []string
		err           string
	}{
		{"two ids", `{"id": "orangesum_00002", "text": "a"}` + "\n\n" + `{"id": "cyber", "entities": []}` + "\n",
			[]string{"orangesum_00002", "cyber"}, ""},
		{"no trailing newline", `{"id": "orangesum_00004"}`, []string{"orangesum_00004"}, ""},
		{"empty file", "", nil, "no document id"},
		{"line without id", `{"id": "a"}` + "\n" + `{"text": "b"}` + "\n", nil, "line 2: no \"id\" field"},
		{"bad JSON", `{"id": "a"` + "\n", nil, "line 1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "dev.jsonl")
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			ids, err := Load(path)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), path) {
					t.Fatalf("Load error = %v, want one naming %s and containing %q", err, path, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != len(tc.want) {
				t.Errorf("got %d ids, want %d", len(ids), len(tc.want))
			}
			for _, id := range tc.want {
				if !ids[id] {
					t.Errorf("id %q missing", id)
				}
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "absent.jsonl")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(absent) error = %v, want fs.ErrNotExist", err)
	}
	if _, err := Load(""); err == nil {
		t.Error("Load(\"\") succeeded, want an error")
	}
}
