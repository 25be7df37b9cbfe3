// Package ner finds named entities in French text: people (PER), places
// (LOC), organisations (ORG), named operations (OPERATION) and other named
// things (MISC), as byte spans over the text.
//
//	t, err := ner.Default()
//	if err != nil { ... }
//	for _, m := range t.Tag(stem.Analyze(text)) {
//		fmt.Println(m.Label, m.Text) // text[m.Start:m.End] == m.Text
//	}
//
// # Model
//
// A Tagger is an averaged structured perceptron decoded by first-order
// Viterbi over BILOU tags, with invalid transitions (I after O, B without L)
// impossible by construction, and no entity running across a line break.
// Features are hashed to uint64 keys while the token is read (word,
// lower-case and accent-folded forms, affixes, shape, case against sentence
// starts and capital-letter lines, a ±2 window, gazetteer classes from
// package gazetteer, word clusters from package wordcluster), so tagging
// allocates little beyond its pooled scratch and the result.
//
// Tagging runs two passes. The second sees what the first found in the whole
// document: a form tagged PER in one sentence is evidence for its other
// occurrences, including headlines and bylines in capitals. Train fits the
// second pass on first-pass output from models that did not see the
// document (k-fold jackknife), so it learns how far to trust it.
//
// # Cost and concurrency
//
// A Tagger is immutable and safe for concurrent use. Default and Named load
// the embedded model (3.6 MB) once per process, with the gazetteer and the
// word clusters it reads: about 0.25–0.3 s on first use. Tagging is linear
// in the text, about 0.3 million tokens a second on one core, tokenizing
// included. models/ner/MODEL.md has the data, scores and build command.
//
// English text goes to English, which wraps prose v3's English model.
package ner

import (
	"errors"
	"sync"

	"github.com/veille/veille/pkg/stem"
)

// Sentinel errors.
var (
	ErrUnknownModel = errors.New("ner: unknown model name")
	ErrModelFormat  = errors.New("ner: not a veille NER model file")
	ErrModelVersion = errors.New("ner: model file from another version of the feature extractor")
	ErrNoData       = errors.New("ner: no training data")
)

// Tagger tags entities with a trained model.
type Tagger struct {
	keys []uint64 // row r's feature key
	tab  table
	// Row r's non-zero weights are cells[start[r]:start[r+1]]. Averaged
	// perceptron rows are sparse (about two non-zero weights a row), so
	// summing cells costs a tenth of summing dense rows.
	start []uint32
	cells []cell
	// runs is cells with a terminator after each row, and the table maps a
	// key straight to its row's run: one cache miss for the slot, one for
	// the weights.
	runs    []cell
	twoPass bool // a document-consistency pass follows the first
	scale   [2]float32
	trans   [2][(numTags + 1) * numTags]float32
	lex     lexicons
	info    string
	pool    sync.Pool
}

// cell is one non-zero weight: slot is the tag for the first pass and
// numTags+tag for the second; the value is w × the pass's scale.
type cell struct {
	w    int16
	slot uint8
}

// scratch is one Tag call's working memory, pooled.
type scratch struct {
	toks   []token
	lower  []uint64
	keys   [numStatic]uint64
	rows   []int32
	drows  []int32
	scores []float32
	score2 []float32 // second-pass scores
	back   []int8
	tags1  []int8
	tags2  []int8
	masks  []uint8
	spans  []tokSpan
}

// newTagger builds a tagger from dense passes (one or two), keeping only
// the rows that have a non-zero weight.
func newTagger(keys []uint64, passes []pass, lex lexicons, info string) *Tagger {
	t := &Tagger{twoPass: len(passes) == 2, lex: lex, info: info}
	t.start = append(t.start, 0)
	for r, k := range keys {
		n := len(t.cells)
		for p, ps := range passes {
			for tag, w := range ps.weights[r*numTags:][:numTags] {
				if w != 0 {
					t.cells = append(t.cells, cell{w: w, slot: uint8(p*numTags + tag)})
				}
			}
		}
		if len(t.cells) > n {
			t.keys = append(t.keys, k)
			t.start = append(t.start, uint32(len(t.cells)))
		}
	}
	for p, ps := range passes {
		t.scale[p], t.trans[p] = ps.scale, ps.trans
	}
	t.init()
	return t
}

// endOfRun is the slot of the cell that ends a run.
const endOfRun = 0xFF

// init builds what the stored fields imply: runs, the key table, the pool.
func (t *Tagger) init() {
	t.runs = make([]cell, 0, len(t.cells)+len(t.keys))
	at := make([]uint32, len(t.keys))
	for r := range t.keys {
		at[r] = uint32(len(t.runs))
		t.runs = append(t.runs, t.cells[t.start[r]:t.start[r+1]]...)
		t.runs = append(t.runs, cell{slot: endOfRun})
	}
	t.tab = newTable(t.keys, at)
	t.pool.New = func() any { return new(scratch) }
}

// emissions sums the weights of each token's feature runs (width a token,
// -1 = none) into scores: s1 for the first pass and, when s2 is not nil,
// s2 for the second. With add set, it adds the second pass's sums to s2
// and leaves s1 alone.
func (t *Tagger) emissions(rows []int32, width int, s1, s2 []float32, add bool) {
	var acc [2 * numTags]int32
	n := len(rows) / width
	for i := 0; i < n; i++ {
		acc = [2 * numTags]int32{}
		for _, r := range rows[i*width : (i+1)*width] {
			if r < 0 {
				continue
			}
			for _, c := range t.runs[r:] {
				if c.slot == endOfRun {
					break
				}
				acc[c.slot] += int32(c.w)
			}
		}
		if !add {
			out := s1[i*numTags:][:numTags]
			for k := range out {
				out[k] = float32(acc[k]) * t.scale[0]
			}
		}
		if s2 != nil {
			out := s2[i*numTags:][:numTags]
			for k := range out {
				v := float32(acc[numTags+k]) * t.scale[1]
				if add {
					out[k] += v
				} else {
					out[k] = v
				}
			}
		}
	}
}

// Info describes how the model was trained.
func (t *Tagger) Info() string { return t.info }

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// Tag returns the entities of an analysed text, in text order, with Source
// "model" and Entity -1.
func (t *Tagger) Tag(a *stem.Analysis) []Mention {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	tags := t.tag(a, s)
	s.spans = tagsToSpans(tags, s.spans[:0])
	out := make([]Mention, len(s.spans))
	for i, sp := range s.spans {
		start, end := s.toks[sp.first].start, s.toks[sp.last].end
		out[i] = Mention{Start: start, End: end, Text: a.Text[start:end], Label: labelNames[sp.label], Source: "model", Entity: -1}
	}
	return out
}

// tag runs both passes and returns the final tags, one per s.toks.
func (t *Tagger) tag(a *stem.Analysis, s *scratch) []int8 {
	s.toks, s.lower = view(a, t.lex, s.toks, s.lower)
	n := len(s.toks)
	s.rows = grow(s.rows, n*numStatic)
	for i := 0; i < n; i++ {
		staticFeatures(s.toks, i, s.keys[:])
		r := s.rows[i*numStatic : (i+1)*numStatic]
		for f, k := range s.keys {
			r[f] = t.tab.get(k)
		}
	}
	s.scores = grow(s.scores, n*numTags)
	s.back = grow(s.back, n*numTags)
	s.tags1 = grow(s.tags1, n)
	var score2 []float32
	if t.twoPass {
		s.score2 = grow(s.score2, n*numTags)
		score2 = s.score2
	}
	t.emissions(s.rows, numStatic, s.scores, score2, false)
	breakLines(s.toks, s.scores)
	viterbi(&t.trans[0], s.scores, s.tags1, s.back)
	if !t.twoPass {
		return s.tags1
	}
	s.masks = grow(s.masks, n)
	docMasks(s.toks, s.tags1, s.masks)
	s.drows = grow(s.drows, n*numDoc)
	var dk [numDoc]uint64
	for i := 0; i < n; i++ {
		docFeatures(s.toks, s.tags1, s.masks, i, dk[:])
		for f, k := range dk {
			s.drows[i*numDoc+f] = t.tab.get(k)
		}
	}
	s.tags2 = grow(s.tags2, n)
	t.emissions(s.drows, numDoc, nil, score2, true)
	breakLines(s.toks, score2)
	viterbi(&t.trans[1], score2, s.tags2, s.back)
	return s.tags2
}
