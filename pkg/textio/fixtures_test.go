package textio

import (
	"bytes"
	"compress/gzip"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite the fixture files in corpus/fixtures/textio")

const fixtureDir = "../../corpus/fixtures/textio"

// The French sentences of the fixtures, as Go (UTF-8) strings.
const (
	latin1Text  = "Le marché de Noël de Besançon ouvrira le 27 novembre.\nÀ côté des chalets, une patinoire éphémère accueillera les élèves.\n"
	cp1252Text  = "La mairie a voté une aide de 150 € par foyer ; l’opposition parle d’un « coup d’œil » électoral…\n"
	utf16Text   = "Les pompiers de Quimper sont intervenus à l’aube pour un feu de grange.\n"
	utf8BOMText = "Un nouveau pont reliera les deux rives de la Loire à Orléans d’ici 2029.\n"
	crlfRaw     = "Première ligne du compte rendu.\r\nDeuxième ligne.\rTroisième ligne, après un retour chariot seul.\r\n"
	crlfText    = "Première ligne du compte rendu.\nDeuxième ligne.\nTroisième ligne, après un retour chariot seul.\n"
)

// dumpLines is dump.jsonl: good articles around a truncated line, a line
// without text, a blank line and a line whose text is not a string.
const dumpLines = `{"id": "a1", "date": "2024-03-14", "category": "france", "title": "Grève des cantines à Lille", "heading": "Les parents d'élèves s'organisent.", "article": "Depuis lundi, trois écoles du quartier de Wazemmes servent des repas froids.", "url": "https://exemple.fr/a1", "split": "train"}
{"id": "a2", "title": "Ligne tronquée", "article": "Le texte s'arrête au milieu
{"id": 3, "date": "2024-03-15T08:30:00+01:00", "title": "Crue de la Garonne", "heading": "", "article": "La vigilance orange est levée à Toulouse."}

{"id": "a5", "date": "2024-03-16"}
{"id": "a6", "title": "Score du match", "article": 42}
{"date": "la semaine dernière", "title": "Sans identifiant", "article": "Cet article n'a pas de champ id : son nom est son numéro de ligne."}
`

func mustEncode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gzipBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fixtures(t *testing.T) map[string][]byte {
	return map[string][]byte{
		"latin1.txt":       mustEncode(t, charmap.ISO8859_1, latin1Text),
		"cp1252.txt":       mustEncode(t, charmap.Windows1252, cp1252Text),
		"utf16le.txt":      mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), utf16Text),
		"utf16be.txt":      mustEncode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), utf16Text),
		"utf8bom.txt":      append([]byte{0xEF, 0xBB, 0xBF}, utf8BOMText...),
		"crlf.txt":         []byte(crlfRaw),
		"binary.txt":       []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"),
		"empty.txt":        {},
		"blank.txt":        []byte(" \n\t\r\n  \n"),
		"dump.jsonl":       []byte(dumpLines),
		"dump.jsonl.gz":    gzipBytes(t, []byte(dumpLines)),
		"notes.md":         []byte("Ce fichier Markdown n'est pas lu lors du parcours d'un dossier.\n"),
		".cache/cache.txt": []byte("Un dossier caché n'est jamais parcouru.\n"),
	}
}

// TestFixtures checks that the committed fixture files are what this file
// says; run with -update to rewrite them.
func TestFixtures(t *testing.T) {
	for name, want := range fixtures(t) {
		path := filepath.Join(fixtureDir, name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(name) == ".gz" { // compressed bytes vary with the Go version
			got, want = gunzip(t, got), gunzip(t, want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go test -run TestFixtures -update", path)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
