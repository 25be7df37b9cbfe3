package gold

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"
)

// CoNLLOptions says how to read a CoNLL-style file.
type CoNLLOptions struct {
	// Labels maps the file's labels; nil is DefaultLabels.
	Labels LabelMap
	// PeriodBreaks ends a sentence after a ".", "!" or "?" token tagged O,
	// for files without blank lines between sentences (Europeana).
	PeriodBreaks bool
	// SentencesPerDoc groups sentences into documents of at most this many
	// sentences; 0 makes documents only at -DOCSTART- lines (or one for the
	// whole file).
	SentencesPerDoc int
	// Keep, when set, keeps only the sentences whose 0-based index in the
	// file it accepts: a deterministic split of a corpus that ships none.
	Keep func(sentence int) bool
}

type conllToken struct {
	tok, tag string
	line     int
}

// ReadCoNLL reads one token a line: "TOKEN TAG" (2 columns),
// "INDEX TOKEN TAG" (3 columns, a leading integer index) or longer CoNLL-2003
// lines (token first, tag last), separated by tabs or spaces. Tags may be IOB1,
// IOB2, BIOES or BILOU. Blank lines end sentences, "-DOCSTART-" lines end
// documents, lines starting with "#" are comments. Text is rebuilt with one
// space between tokens and a newline between sentences.
func ReadCoNLL(r io.Reader, file string, opt CoNLLOptions) ([]Document, error) {
	b := &docBuilder{file: file, labels: opt.Labels, prefix: filepath.Base(file)}
	if b.labels == nil {
		b.labels = DefaultLabels
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	var sent []conllToken
	nsent, docSents := 0, 0
	flush := func() error {
		if len(sent) == 0 {
			return nil
		}
		keep := opt.Keep == nil || opt.Keep(nsent)
		nsent++
		if keep {
			for _, t := range sent {
				if err := b.token(t.tok, t.tag, t.line); err != nil {
					return err
				}
			}
			b.sentence()
			docSents++
			if opt.SentencesPerDoc > 0 && docSents >= opt.SentencesPerDoc {
				b.document()
				docSents = 0
			}
		}
		sent = sent[:0]
		return nil
	}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Fields(s)
		if f[0] == "-DOCSTART-" {
			if err := flush(); err != nil {
				return nil, err
			}
			b.document()
			docSents = 0
			continue
		}
		if len(f) < 2 {
			return nil, posError(file, line, ErrSyntax, "want TOKEN TAG, got %d column", len(f))
		}
		tok, tag := f[0], f[len(f)-1]
		if len(f) >= 3 && isDigits(f[0]) {
			tok = f[1]
		}
		if _, _, ok := splitTag(tag); !ok {
			return nil, posError(file, line, ErrTag, "%q", tag)
		}
		sent = append(sent, conllToken{tok, tag, line})
		if opt.PeriodBreaks && tag == "O" && (tok == "." || tok == "!" || tok == "?") {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, posError(file, line+1, ErrSyntax, "%v", err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	b.document()
	return b.docs, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
