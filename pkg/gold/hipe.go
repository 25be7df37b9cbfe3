package gold

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"
)

// HIPEOptions says how to read a HIPE TSV file.
type HIPEOptions struct {
	// Labels maps the file's labels; nil is DefaultLabels.
	Labels LabelMap
	// Column is the tag column; "" is NE-COARSE-LIT.
	Column string
}

// ReadHIPE reads the CLEF-HIPE 2020/2022 TSV format: a header line naming
// the columns (TOKEN, NE-COARSE-LIT, ..., MISC), one token a line, "# "
// comment lines. A "document_id" comment starts a new document with that ID.
// The MISC column drives the text: NoSpaceAfter joins a token to the next,
// EndOfSentence puts the next token on a new line; EndOfLine (a line of the
// printed column, not of the text) is a space. Tags are IOB2; "_" is O.
func ReadHIPE(r io.Reader, file string, opt HIPEOptions) ([]Document, error) {
	b := &docBuilder{file: file, labels: opt.Labels, prefix: filepath.Base(file)}
	if b.labels == nil {
		b.labels = DefaultLabels
	}
	column := opt.Column
	if column == "" {
		column = "NE-COARSE-LIT"
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	tokCol, tagCol, miscCol := -1, -1, -1
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(s) == "":
			b.sentence()
			continue
		case strings.HasPrefix(s, "#"):
			if k, v, ok := strings.Cut(strings.TrimSpace(s[1:]), "="); ok && strings.HasSuffix(strings.TrimSpace(k), "document_id") {
				b.document()
				b.nextID = strings.TrimSpace(v)
			}
			continue
		}
		f := strings.Split(s, "\t")
		if tokCol < 0 {
			if f[0] != "TOKEN" {
				return nil, posError(file, line, ErrSyntax, "want a TOKEN header line first")
			}
			for i, name := range f {
				switch name {
				case "TOKEN":
					tokCol = i
				case column:
					tagCol = i
				case "MISC":
					miscCol = i
				}
			}
			if tagCol < 0 {
				return nil, posError(file, line, ErrSyntax, "no %s column in the header", column)
			}
			continue
		}
		if len(f) <= tagCol || len(f) <= miscCol {
			return nil, posError(file, line, ErrSyntax, "%d columns, the header has more", len(f))
		}
		if err := b.token(f[tokCol], f[tagCol], line); err != nil {
			return nil, err
		}
		if miscCol >= 0 {
			for _, m := range strings.Split(f[miscCol], "|") {
				switch m {
				case "NoSpaceAfter":
					b.sep = ""
				case "EndOfSentence":
					if b.sep != "" {
						b.sep = "\n"
					}
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, posError(file, line+1, ErrSyntax, "%v", err)
	}
	b.document()
	return b.docs, nil
}
