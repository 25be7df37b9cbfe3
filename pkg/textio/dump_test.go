package textio

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// summary is a comparable digest of a Doc.
func summary(d Doc) string {
	if d.Err != nil {
		return fmt.Sprintf("%s ERR %v", d.Source, d.Err)
	}
	return fmt.Sprintf("%s %s [%s] %q %q", d.Source, d.Date, d.Encoding, d.Title, d.Text)
}

func TestReadDump(t *testing.T) {
	for _, name := range []string{"dump.jsonl", "dump.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(fixtureDir, name)
			docs := collect(t, Read(context.Background(), []string{path}, Options{}))
			want := []string{
				path + "#a1 2024-03-14 [utf-8] \"Grève des cantines à Lille\" \"Grève des cantines à Lille\\n\\nLes parents d'élèves s'organisent.\\n\\nDepuis lundi, trois écoles du quartier de Wazemmes servent des repas froids.\"",
				path + ":2 ERR " + path + ":2: textio: bad dump line: invalid JSON: unexpected end of JSON input",
				path + "#3 2024-03-15 [utf-8] \"Crue de la Garonne\" \"Crue de la Garonne\\n\\nLa vigilance orange est levée à Toulouse.\"",
				path + ":5 ERR " + path + ":5: textio: bad dump line: no text field (want title, one of heading, summary, chapo, description, or one of text, body, article, content)",
				path + ":6 ERR " + path + ":6: textio: bad dump line: field \"article\": not a string",
				path + "#7  [utf-8] \"Sans identifiant\" \"Sans identifiant\\n\\nCet article n'a pas de champ id : son nom est son numéro de ligne.\"",
			}
			if len(docs) != len(want) {
				t.Fatalf("got %d docs, want %d", len(docs), len(want))
			}
			for i, d := range docs {
				if got := summary(d); got != want[i] {
					t.Errorf("doc %d:\n got  %s\n want %s", i, got, want[i])
				}
				if d.Err != nil && !errors.Is(d.Err, ErrBadLine) {
					t.Errorf("doc %d: %v does not wrap ErrBadLine", i, d.Err)
				}
			}
		})
	}
}

func TestDumpFields(t *testing.T) {
	tests := []struct {
		name, line string
		opt        Options
		want       string
	}{
		{"custom text and id fields", `{"uid": 12, "headline": "Titre", "body": "Corps", "text": "ignoré"}`,
			Options{TextFields: []string{"headline", "body"}, IDField: "uid"}, `-#12  [utf-8] "" "Titre\n\nCorps"`},
		{"custom field missing is skipped", `{"id": "k", "body": "Corps seul"}`,
			Options{TextFields: []string{"headline", "body"}}, `-#k  [utf-8] "" "Corps seul"`},
		{"custom fields all missing", `{"id": "k", "text": "x"}`,
			Options{TextFields: []string{"headline", "body"}}, `-:1 ERR -:1: textio: bad dump line: no text field (want one of headline, body)`},
		{"empty TextFields means the default", `{"id": "k", "title": "Titre", "text": "Corps"}`,
			Options{TextFields: []string{}}, `-#k  [utf-8] "Titre" "Titre\n\nCorps"`},
		{"lead and body fallbacks", `{"id": "f", "summary": "Chapô", "content": "Texte", "body": null}`,
			Options{}, `-#f  [utf-8] "" "Chapô\n\nTexte"`},
		{"empty fields skipped", `{"id": "e", "title": "Titre", "heading": " ", "article": "Corps"}`,
			Options{}, `-#e  [utf-8] "Titre" "Titre\n\nCorps"`},
		{"all fields empty", `{"id": "e", "title": "", "article": ""}`,
			Options{}, `-:1 ERR -:1: textio: empty document`},
		{"float id as written", `{"id": 1.5e3, "text": "x"}`, Options{}, `-#1.5e3  [utf-8] "" "x"`},
		{"null id", `{"id": null, "text": "x"}`, Options{}, `-#1  [utf-8] "" "x"`},
		{"object id", `{"id": {"n": 1}, "text": "x"}`, Options{}, `-:1 ERR -:1: textio: bad dump line: field "id": not a string or number`},
		{"not an object", `["text", "x"]`, Options{}, `-:1 ERR -:1: textio: bad dump line: not a JSON object`},
		{"CRLF and NFD in text", `{"id": "n", "text": "e\u0301te\u0301\r\nhiver"}`, Options{}, `-#n  [utf-8] "" "été\nhiver"`},
		{"BOM before the first line", "\ufeff" + `{"id": "b", "text": "x"}`, Options{}, `-#b  [utf-8] "" "x"`},
		{"date RFC 3339 keeps its day", `{"id": "d", "text": "x", "date": "2020-07-02T23:30:00-05:00"}`, Options{}, `-#d 2020-07-02 [utf-8] "" "x"`},
		{"date with seconds", `{"id": "d", "text": "x", "published": "2019-01-31 08:00:00"}`, Options{}, `-#d 2019-01-31 [utf-8] "" "x"`},
		{"pubdate", `{"id": "d", "text": "x", "pubdate": "2018-05-04"}`, Options{}, `-#d 2018-05-04 [utf-8] "" "x"`},
		{"unparsable date", `{"id": "d", "text": "x", "date": "04/05/2018"}`, Options{}, `-#d  [utf-8] "" "x"`},
		{"numeric date", `{"id": "d", "text": "x", "date": 20180504}`, Options{}, `-#d  [utf-8] "" "x"`},
		{"custom date field", `{"id": "d", "text": "x", "date": "2001-01-01", "jour": "2002-02-02"}`, Options{DateField: "jour"}, `-#d 2002-02-02 [utf-8] "" "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Stdin, tt.opt.StdinFormat = strings.NewReader(tt.line+"\n"), "jsonl"
			docs := collect(t, Read(context.Background(), []string{"-"}, tt.opt))
			if len(docs) != 1 {
				t.Fatalf("got %d docs, want 1", len(docs))
			}
			if got := summary(docs[0]); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// A line over MaxBytes is an error; the lines around it are read, and the
// last line needs no line end.
func TestDumpLongLine(t *testing.T) {
	long := `{"id": "long", "text": "` + strings.Repeat("mot ", 40_000) + `"}`
	in := `{"id": "a", "text": "avant"}` + "\r\n" + long + "\n" + `{"id": "b", "text": "après"}`
	opt := Options{MaxBytes: 100_000, StdinFormat: "jsonl", Stdin: strings.NewReader(in)}
	docs := collect(t, Read(context.Background(), []string{"-"}, opt))
	var got []string
	for _, d := range docs {
		got = append(got, d.Source)
	}
	if strings.Join(got, " ") != "-#a -:2 -#b" || !errors.Is(docs[1].Err, ErrTooLarge) {
		t.Fatalf("got %q, %v", got, docs[1].Err)
	}
	opt.MaxBytes, opt.Stdin = 200_000, strings.NewReader(in)
	docs = collect(t, Read(context.Background(), []string{"-"}, opt))
	if len(docs) != 3 || docs[1].Err != nil || len(docs[1].Text) != 160_000 {
		t.Errorf("under the limit: %d docs, err %v", len(docs), docs[1].Err)
	}
}

func TestDumpCorruptGzip(t *testing.T) {
	gz := gzipBytes(t, []byte(dumpLines))
	gz = gz[:len(gz)-20] // cut the stream short
	opt := Options{StdinFormat: "jsonl", Stdin: strings.NewReader(string(gz))}
	docs := collect(t, Read(context.Background(), []string{"-"}, opt))
	last := docs[len(docs)-1]
	if last.Source != "-" || !errors.Is(last.Err, io.ErrUnexpectedEOF) || !strings.HasPrefix(last.Err.Error(), "-:") {
		t.Errorf("last doc %s: want a read error naming -:LINE", summary(last))
	}
	for _, d := range docs[:len(docs)-1] {
		if d.Err != nil && !errors.Is(d.Err, ErrBadLine) {
			t.Errorf("%s: only the read error may end the dump", summary(d))
		}
	}
}
