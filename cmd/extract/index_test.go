package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/pkg/index"
)

// extract runs the command line and returns its status, stdout and stderr.
func extract(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

type searchJSON struct {
	Total uint64 `json:"total"`
	Hits  []struct {
		ID   string `json:"id"`
		Date string `json:"date"`
	} `json:"hits"`
	Facets map[string][]index.FacetValue `json:"facets"`
}

func search(t *testing.T, dir string, args ...string) searchJSON {
	t.Helper()
	code, out, errs := extract(t, append([]string{"search", "--index", dir, "--json"}, args...)...)
	if code != exitOK {
		t.Fatalf("search %q: status %d: %s", args, code, errs)
	}
	var r searchJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("search %q: %v: %s", args, err, out)
	}
	return r
}

func TestIndexCommand(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	dir := filepath.Join(tmp, "idx")
	write(t, filepath.Join(src, "port.txt"), "Au Havre, les douaniers ont saisi deux tonnes de cocaïne cachées dans un conteneur de bananes.")
	write(t, filepath.Join(src, "velo.txt"), "La mairie de Grenoble ouvre trois nouvelles pistes cyclables le long de l’Isère.")
	write(t, filepath.Join(src, "dep", "depeches.jsonl"),
		`{"id": "a1", "date": "2024-03-05", "title": "Marché de Noël", "text": "Strasbourg prépare son marché de Noël sous haute surveillance."}`+"\n"+
			`{"id": "a2", "date": "2023-11-20", "title": "Vendanges", "text": "En Bourgogne, les vendanges tardives inquiètent les viticulteurs."}`+"\n")

	code, _, errs := extract(t, "index", "--index", dir, src)
	if code != exitOK || !strings.Contains(errs, "4 added, 0 replaced, 0 unchanged, 0 failed") {
		t.Fatalf("first index: status %d: %s", code, errs)
	}
	if r := search(t, dir, "cocaine"); r.Total != 1 || r.Hits[0].ID != filepath.Join(src, "port.txt") {
		t.Errorf("cocaine: %+v", r)
	}
	if r := search(t, dir, "--since", "2024-01-01"); r.Total != 1 || r.Hits[0].ID != filepath.Join(src, "dep", "depeches.jsonl")+"#a1" || r.Hits[0].Date != "2024-03-05" {
		t.Errorf("since: %+v", r)
	}

	r := search(t, dir, "--facets", "--limit", "1")
	if r.Total != 4 || len(r.Hits) != 1 {
		t.Errorf("facets query: %+v", r)
	}
	for _, k := range []string{"PER", "LOC", "ORG", "OPERATION", "TOPIC"} {
		if _, ok := r.Facets[k]; !ok {
			t.Errorf("facet %s missing: %v", k, r.Facets)
		}
	}

	// One changed, one deleted, one unreadable, the rest unchanged.
	write(t, filepath.Join(src, "port.txt"), "Au Havre, les douaniers ont saisi trois tonnes d’héroïne.")
	os.Remove(filepath.Join(src, "velo.txt"))
	write(t, filepath.Join(src, "bad.txt"), "\x00\x01\x02binaire\x00\x00\x00\x00")
	code, _, errs = extract(t, "index", "--index", dir, "--prune", src)
	if code != exitFail || !strings.Contains(errs, "0 added, 1 replaced, 2 unchanged, 1 failed, 1 removed") || !strings.Contains(errs, "bad.txt") {
		t.Fatalf("update: status %d: %s", code, errs)
	}
	if r := search(t, dir, "héroïne"); r.Total != 1 {
		t.Errorf("changed file not reindexed: %+v", r)
	}
	if r := search(t, dir, "cyclables"); r.Total != 0 {
		t.Errorf("pruned file still found: %+v", r)
	}

	code, _, errs = extract(t, "reindex", "--index", dir, filepath.Join(src, "dep"))
	if code != exitOK || !strings.Contains(errs, "2 added") {
		t.Fatalf("reindex: status %d: %s", code, errs)
	}
	if r := search(t, dir); r.Total != 2 {
		t.Errorf("after reindex of the dump only: %+v", r)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "gen-*")); len(m) != 1 {
		t.Errorf("generations left: %q", m)
	}
}

func TestSearchCommandErrors(t *testing.T) {
	tmp := t.TempDir()
	if code, _, errs := extract(t, "search", "--index", filepath.Join(tmp, "none"), "x"); code != exitFail || !strings.Contains(errs, "not found") {
		t.Errorf("missing index: status %d: %s", code, errs)
	}
	if code, _, _ := extract(t, "search", "--index", tmp, "--since", "mars"); code != exitUsage {
		t.Errorf("bad date: status %d", code)
	}
	if code, _, _ := extract(t, "index", "--index", tmp); code != exitUsage {
		t.Errorf("no PATH: status %d", code)
	}
}
