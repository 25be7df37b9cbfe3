package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// outputDoc is the part of extract's JSON output the tests read.
type outputDoc struct {
	Source    string `json:"source"`
	Encoding  string `json:"encoding"`
	Lang      string `json:"lang"`
	Date      string `json:"date"`
	Tokens    int    `json:"tokens"`
	Sentences []struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"sentences"`
	Mentions []struct {
		Start, End  int
		Text, Label string
	} `json:"mentions"`
	Entities []struct {
		Name, Label string
		Count       int
	} `json:"entities"`
	Topics     []json.RawMessage `json:"topics"`
	Keyphrases []json.RawMessage `json:"keyphrases"`
}

func decodeLines(t *testing.T, out string) []outputDoc {
	t.Helper()
	var docs []outputDoc
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var d outputDoc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestExtractCommand(t *testing.T) {
	tmp := t.TempDir()
	good := filepath.Join(tmp, "a.txt")
	write(t, good, "Le préfet du Nord a rencontré Martine Aubry à Lille. La police nationale a renforcé ses patrouilles.")
	latin1 := filepath.Join(tmp, "b.txt")
	if err := os.WriteFile(latin1, []byte("La gendarmerie de Besan\xe7on enqu\xeate sur un vol \xe0 Dole."), 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(tmp, "c.txt")
	if err := os.WriteFile(binary, []byte("\x00\x01\x02PK\x03\x04"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(tmp, "absent.txt")

	tests := []struct {
		name     string
		args     []string
		code     int
		docs     int
		stderrIn []string
	}{
		{"one file", []string{good}, exitOK, 1, nil},
		{"subcommand name", []string{"extract", good}, exitOK, 1, nil},
		{"folder", []string{tmp}, exitFail, 2, []string{binary}},
		{"missing and bad files go on", []string{missing, good, binary, latin1}, exitFail, 2, []string{missing, binary}},
		{"no path", nil, exitUsage, 0, []string{"usage"}},
		{"bad flag", []string{"--nope", good}, exitUsage, 0, nil},
		{"bad format", []string{"--format", "xml", good}, exitUsage, 0, []string{"xml"}},
		{"bad model", []string{"--model", "nope", good}, exitUsage, 0, []string{"nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := extract(t, tt.args...)
			if code != tt.code {
				t.Errorf("status %d, want %d; stderr: %s", code, tt.code, errs)
			}
			if n := len(decodeLines(t, out)); n != tt.docs {
				t.Errorf("%d documents out, want %d", n, tt.docs)
			}
			for _, s := range tt.stderrIn {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr does not name %q: %s", s, errs)
				}
			}
		})
	}
}

func TestExtractOutput(t *testing.T) {
	tmp := t.TempDir()
	latin1 := filepath.Join(tmp, "b.txt")
	text := "La gendarmerie de Besan\xe7on enqu\xeate sur un vol \xe0 Dole, dans le Jura."
	if err := os.WriteFile(latin1, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := extract(t, latin1)
	if code != exitOK {
		t.Fatalf("status %d: %s", code, errs)
	}
	d := decodeLines(t, out)[0]
	if d.Source != latin1 || d.Encoding != "iso-8859-1" || d.Lang != "fr" || d.Tokens == 0 || len(d.Sentences) != 1 {
		t.Errorf("got %+v", d)
	}
	decoded := "La gendarmerie de Besançon enquête sur un vol à Dole, dans le Jura."
	found := false
	for _, m := range d.Mentions {
		if decoded[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: offsets do not match the decoded text", m)
		}
		found = found || strings.Contains(m.Text, "Besançon")
	}
	if !found {
		t.Errorf("Besançon not found in %+v", d.Mentions)
	}
	// Every list is present, even when empty.
	for _, key := range []string{`"mentions":`, `"entities":`, `"topics":`, `"keyphrases":`, `"sentences":`} {
		if !strings.Contains(out, key) {
			t.Errorf("output lacks %s", key)
		}
	}
	if strings.Contains(out, "null") {
		t.Errorf("output has a null list: %s", out)
	}
}

func TestExtractStdinAndText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	in := strings.NewReader("Anne Hidalgo, maire de Paris, a inauguré une école dans le 20e arrondissement.")
	code := run(context.Background(), []string{"--format", "text", "-"}, in, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("status %d: %s", code, stderr.String())
	}
	out := stdout.String()
	if !strings.HasPrefix(out, "== -") || !strings.Contains(out, "Anne Hidalgo") || !strings.Contains(out, "PER") {
		t.Errorf("text view:\n%s", out)
	}
}

func TestExtractDump(t *testing.T) {
	tmp := t.TempDir()
	lines := strings.Join([]string{
		`{"id": 1, "date": "2024-03-21", "title": "Saisie record au Havre", "article": "Les douaniers du Havre ont saisi deux tonnes de cocaïne."}`,
		`{"id": 2, "title": "broken`,
		`{"id": 3, "title": "Lyon", "article": 42}`,
		`{"id": 4, "title": "Conseil municipal à Rennes", "article": "La maire de Rennes a présenté le budget."}`,
	}, "\n") + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(lines))
	zw.Close()
	dump := filepath.Join(tmp, "dump.jsonl.gz")
	if err := os.WriteFile(dump, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := extract(t, "--workers", "2", dump)
	if code != exitFail {
		t.Errorf("status %d, want %d (one broken line)", code, exitFail)
	}
	docs := decodeLines(t, out)
	if len(docs) != 2 || docs[0].Source != dump+"#1" || docs[1].Source != dump+"#4" || docs[0].Date != "2024-03-21" {
		t.Fatalf("documents: %+v", docs)
	}
	for _, s := range []string{dump + ":2", dump + ":3"} {
		if !strings.Contains(errs, s) {
			t.Errorf("stderr does not name %s: %s", s, errs)
		}
	}
	// --text-fields picks the fields: the title alone has no article text.
	code, out, _ = extract(t, "--text-fields", "title", dump)
	if code != exitFail {
		t.Errorf("status %d, want %d", code, exitFail)
	}
	if docs := decodeLines(t, out); len(docs) != 3 || docs[0].Tokens != 4 {
		t.Errorf("--text-fields title: %+v", docs)
	}
}
