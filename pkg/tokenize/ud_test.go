package tokenize

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/veille/veille/pkg/internal/sharedtest"
)

// udSentence is a sentence of a Universal Dependencies file: its text, the
// byte spans of its surface tokens (a multiword token such as "du" counts
// once) and the document it belongs to.
type udSentence struct {
	doc, text string
	spans     [][2]int
}

// readUD reads a CoNLL-U file. Documents are "# newdoc" blocks, or runs of
// sentence ids with the same prefix before "_" (Sequoia: "annodis.er_00012").
func readUD(tb testing.TB, path string) []udSentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var (
		out     []udSentence
		cur     udSentence
		doc     string
		pos     int
		skipTo  int
		newdocs bool
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# newdoc"):
			newdocs = true
			doc = l
		case strings.HasPrefix(l, "# sent_id = "):
			id := strings.TrimPrefix(l, "# sent_id = ")
			if !newdocs {
				doc, _, _ = strings.Cut(id, "_")
			}
			cur = udSentence{doc: doc}
			pos, skipTo = 0, 0
		case strings.HasPrefix(l, "# text = "):
			cur.text = strings.TrimPrefix(l, "# text = ")
		case l == "":
			if cur.text != "" {
				out = append(out, cur)
			}
			cur = udSentence{}
		case l[0] >= '0' && l[0] <= '9':
			cols := strings.Split(l, "\t")
			if len(cols) < 2 || strings.Contains(cols[0], ".") {
				continue
			}
			id, form := cols[0], cols[1]
			var a, b int
			if n, _ := fmt.Sscanf(id, "%d-%d", &a, &b); n == 2 {
				skipTo = b
			} else if fmt.Sscanf(id, "%d", &a); a <= skipTo {
				continue // a word inside a multiword token
			}
			k := strings.Index(cur.text[pos:], form)
			if k < 0 {
				tb.Fatalf("%s:%d: form %q not in text after byte %d", path, line, form, pos)
			}
			cur.spans = append(cur.spans, [2]int{pos + k, pos + k + len(form)})
			pos += k + len(form)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestUniversalDependencies measures agreement with the hand-made
// tokenization and sentence splits of three French UD treebanks (which
// differ from this package on purpose in places: "1 000" is one token here,
// two in UD). It logs the figures and fails only below floors set a few
// points under what was measured, to catch regressions.
func TestUniversalDependencies(t *testing.T) {
	for _, c := range []struct {
		dir, file             string
		minTokenF, minBoundF1 float64
	}{
		// Sequoia mixes medical leaflets and Europarl with news: its headings
		// lose their line breaks when sentences are joined by a space, and some
		// sentences start in lower case, which this package does not split.
		{"ud-french-sequoia", "fr_sequoia-ud-test.conllu", 0.99, 0.84},
		// GSD sentences are not in document order: they are joined as one text.
		{"ud-french-gsd", "fr_gsd-ud-test.conllu", 0.99, 0.94},
		{"ud-french-pud", "fr_pud-ud-test.conllu", 0.99, 0.97},
	} {
		sents := readUD(t, sharedtest.Path(t, "corpus", c.dir, c.file))
		// Tokens, sentence by sentence.
		var gold, got, match int
		for _, s := range sents {
			want := map[[2]int]bool{}
			for _, sp := range s.spans {
				want[sp] = true
			}
			toks := Tokenize(s.text)
			for _, tok := range toks {
				if want[[2]int{tok.Start, tok.End}] {
					match++
				}
			}
			gold += len(s.spans)
			got += len(toks)
		}
		tokF := f1(match, got, gold)
		// Sentence boundaries, document by document (sentences joined by a space).
		var goldB, gotB, matchB int
		for i := 0; i < len(sents); {
			j := i
			var b strings.Builder
			ends := map[int]bool{}
			for ; j < len(sents) && sents[j].doc == sents[i].doc; j++ {
				if j > i {
					ends[b.Len()] = true
					b.WriteByte(' ')
				}
				b.WriteString(sents[j].text)
			}
			text := b.String()
			toks := Tokenize(text)
			ss := Segment(text, toks)
			for _, s := range ss[:len(ss)-1] {
				if ends[s.End] {
					matchB++
				}
			}
			goldB += len(ends)
			gotB += len(ss) - 1
			i = j
		}
		boundF := f1(matchB, gotB, goldB)
		t.Logf("%s: tokens F1 %.4f (%d gold, %d ours); sentence boundaries F1 %.4f (P %d/%d, R %d/%d)",
			c.file, tokF, gold, got, boundF, matchB, gotB, matchB, goldB)
		if tokF < c.minTokenF {
			t.Errorf("%s: token F1 %.4f < %.2f", c.file, tokF, c.minTokenF)
		}
		if goldB > 0 && boundF < c.minBoundF1 {
			t.Errorf("%s: sentence boundary F1 %.4f < %.2f", c.file, boundF, c.minBoundF1)
		}
	}
}

func f1(match, got, gold int) float64 {
	if match == 0 {
		return 0
	}
	p, r := float64(match)/float64(got), float64(match)/float64(gold)
	return 2 * p * r / (p + r)
}
