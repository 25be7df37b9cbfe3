package eval

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/veille/veille/pkg/topic"
)

// KeyphraseGold is one document's reference keyphrases, as in a gold.tsv
// line « id<TAB>kp1;kp2;… ».
type KeyphraseGold struct {
	ID         string
	Keyphrases []string
}

// ReadKeyphraseGold reads a gold.tsv file; name is used in errors.
func ReadKeyphraseGold(r io.Reader, name string) ([]KeyphraseGold, error) {
	var out []KeyphraseGold
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			continue
		}
		id, kps, ok := strings.Cut(text, "\t")
		if !ok || id == "" {
			return nil, fmt.Errorf("%s:%d: want id<TAB>kp1;kp2;…", name, line)
		}
		g := KeyphraseGold{ID: id}
		for _, kp := range strings.Split(kps, ";") {
			if kp = strings.TrimSpace(kp); kp != "" {
				g.Keyphrases = append(g.Keyphrases, kp)
			}
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// KeyphraseReport accumulates keyphrase precision, recall and F1 at cut-offs
// k under the standard protocol of the French keyphrase sets: both sides in
// normal form (topic.NormalizeKeyphrase), predictions deduplicated (first
// kept) and cut at k, gold deduplicated; per document P = matches/k,
// R = matches/|gold| (gold absent from the text counts), F = 2PR/(P+R);
// averaged over documents.
type KeyphraseReport struct {
	Docs int              `json:"docs"`
	At   []KeyphraseScore `json:"at"`
	// Missing counts documents whose text could not be read; each is
	// scored as no prediction.
	Missing int `json:"missing,omitempty"`
}

// KeyphraseScore is the average P, R and F1 at one cut-off, in percent.
type KeyphraseScore struct {
	K int     `json:"k"`
	P float64 `json:"p"`
	R float64 `json:"r"`
	F float64 `json:"f"`
	// sums before averaging
	p, r, f float64
}

// NewKeyphraseReport returns an empty report for the cut-offs ks (e.g. 5, 10).
func NewKeyphraseReport(ks ...int) *KeyphraseReport {
	r := &KeyphraseReport{}
	for _, k := range ks {
		r.At = append(r.At, KeyphraseScore{K: k})
	}
	return r
}

// Add scores one document's predictions, best first, against its gold, and
// returns the normalised predictions that matched at the last cut-off.
func (r *KeyphraseReport) Add(gold, pred []string) (matched []string) {
	g := keyphraseSet(gold)
	p := keyphraseSet(pred)
	r.Docs++
	for i := range r.At {
		s := &r.At[i]
		matched = nil
		for _, kp := range p[:min(len(p), s.K)] {
			if slices.Contains(g, kp) {
				matched = append(matched, kp)
			}
		}
		var prec, rec, f float64
		prec = float64(len(matched)) / float64(s.K)
		if len(g) > 0 {
			rec = float64(len(matched)) / float64(len(g))
		}
		if prec+rec > 0 {
			f = 2 * prec * rec / (prec + rec)
		}
		s.p, s.r, s.f = s.p+prec, s.r+rec, s.f+f
		s.P, s.R, s.F = 100*s.p/float64(r.Docs), 100*s.r/float64(r.Docs), 100*s.f/float64(r.Docs)
	}
	return matched
}

// keyphraseSet normalises phrases and drops repeats, keeping the first.
func keyphraseSet(phrases []string) []string {
	out := make([]string, 0, len(phrases))
	for _, s := range phrases {
		n := topic.NormalizeKeyphrase(s)
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
