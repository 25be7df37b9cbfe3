package entity

import (
	"math"
	"sort"
	"strings"

	"github.com/veille/veille/pkg/tokenize"
)

// Salience weights; they sum to 1, so scores lie in [0, 1].
const (
	wHeadline = 0.30 // a mention in the headline (first line or sentence)
	wLead     = 0.15 // a mention in the lead (the next three units)
	wFreq     = 0.25 // log-scaled count, relative to the document's most frequent entity
	wSpread   = 0.15 // distinct units mentioning it, relative to the most spread entity
	wFirst    = 0.15 // how early the first mention comes
)

// leadUnits is the number of units after the headline that form the lead.
const leadUnits = 3

// salience scores entities of one document. A unit is a sentence, further
// cut at line breaks, so a headline without a full stop is a unit of its own.
type salience struct {
	size   int
	starts []int // sorted unit starts
	// maxCount and maxUnits are the document's largest count and spread.
	maxCount, maxUnits int
}

func newSalience(text string, sentences []tokenize.Sentence) *salience {
	s := &salience{size: len(text), starts: []int{0}}
	for _, st := range sentences {
		if 0 < st.Start && st.Start <= len(text) {
			s.starts = append(s.starts, st.Start)
		}
	}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		s.starts = append(s.starts, i)
	}
	sort.Ints(s.starts)
	// Drop duplicates and units holding only spaces (blank lines).
	out := s.starts[:1]
	for _, p := range s.starts[1:] {
		if p > out[len(out)-1] && strings.TrimSpace(text[out[len(out)-1]:p]) != "" {
			out = append(out, p)
		} else if p > out[len(out)-1] {
			out[len(out)-1] = p
		}
	}
	s.starts = out
	return s
}

// unit returns the index of the unit holding byte pos.
func (s *salience) unit(pos int) int {
	return sort.SearchInts(s.starts, pos+1) - 1
}

// score returns
//
//	0.30·H + 0.15·L + 0.25·log(1+n)/log(1+nmax) + 0.15·u/umax + 0.15·(1 − first/len)
//
// where H (L) is 1 when a mention lies in the headline (lead), n the
// entity's mention count, u the number of distinct units it appears in,
// nmax and umax the largest n and u of the document, and first the byte
// offset of its first mention.
func (s *salience) score(spans []span, all []built) float64 {
	if s.maxCount == 0 {
		for _, b := range all {
			s.maxCount = max(s.maxCount, len(b.spans))
			s.maxUnits = max(s.maxUnits, s.units(b.spans))
		}
	}
	head, lead, first := 0.0, 0.0, s.size
	for _, sp := range spans {
		switch u := s.unit(sp.start); {
		case u == 0:
			head = 1
		case u <= leadUnits:
			lead = 1
		}
		first = min(first, sp.start)
	}
	freq := math.Log1p(float64(len(spans))) / math.Log1p(float64(s.maxCount))
	spread := float64(s.units(spans)) / float64(s.maxUnits)
	early := 1.0
	if s.size > 0 {
		early = 1 - float64(first)/float64(s.size)
	}
	v := wHeadline*head + wLead*lead + wFreq*freq + wSpread*spread + wFirst*early
	return math.Round(max(0, min(1, v))*1e4) / 1e4
}

// units counts the distinct units the spans fall in.
func (s *salience) units(spans []span) int {
	n, last := 0, -1
	for _, sp := range spans { // spans are sorted by start
		if u := s.unit(sp.start); u != last {
			n, last = n+1, u
		}
	}
	return n
}
