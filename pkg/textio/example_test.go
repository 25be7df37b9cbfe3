package textio_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/veille/veille/pkg/textio"
)

func ExampleRead() {
	// Standard input holds a dump; the files are any mix of folders, text
	// files and dumps.
	dump := `{"id": 7, "date": "2024-05-02T09:00:00+02:00", "title": "Marché couvert", "heading": "Réouverture à Rennes.", "article": "Les halles rouvrent samedi."}
{"id": 8, "title": "Ligne cassée", "article": 
`
	opt := textio.Options{Stdin: strings.NewReader(dump), StdinFormat: "jsonl"}
	for d := range textio.Read(context.Background(), []string{"-", "../../corpus/fixtures/textio/binary.txt"}, opt) {
		if d.Err != nil {
			fmt.Println("error:", d.Err)
			continue
		}
		fmt.Printf("%s %s %q\n", d.Source, d.Date, d.Text)
	}
	// Output:
	// -#7 2024-05-02 "Marché couvert\n\nRéouverture à Rennes.\n\nLes halles rouvrent samedi."
	// error: -:2: textio: bad dump line: invalid JSON: unexpected end of JSON input
	// error: ../../corpus/fixtures/textio/binary.txt: textio: binary data, not text
}

func ExampleDecode() {
	// "L’été à 30 €" in Windows-1252, with a CRLF line end.
	b := []byte("L\x92\xe9t\xe9 \xe0 30 \x80\r\n")
	text, encoding, err := textio.Decode(b)
	fmt.Printf("%q %s %v\n", text, encoding, err)
	// Output:
	// "L’été à 30 €\n" windows-1252 <nil>
}
