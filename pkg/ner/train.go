package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"slices"
	"strings"
	"time"

	"github.com/veille/veille/pkg/gold"
	"github.com/veille/veille/pkg/stem"
)

// TrainOptions control Train. The zero value is usable.
type TrainOptions struct {
	Epochs   int       // passes over the data; 0 means 10
	Seed     int64     // shuffling seed; the same seed gives the same model
	Weights  []float64 // per-document update weight (parallel to docs); nil means 1 each
	MinCount int       // features seen fewer times are dropped; 0 means 2
	OnePass  bool      // skip the document-consistency second pass
	// NoGazetteer and NoClusters train without gazetteer.Default and
	// wordcluster.Default features.
	NoGazetteer, NoClusters bool
	// Folds is the number of jackknife folds for second-pass training; 0 means 4.
	Folds int
	// UpperTitles adds, for this fraction of the documents (drawn with
	// Seed), their first line written in capitals as a document of its own,
	// so that the tagger sees headlines and bylines in capitals.
	UpperTitles float64
	Info        string    // free text stored in the model (data, options)
	Progress    io.Writer // progress lines, or nil
	// Seeds, when above 1, trains with Seed, Seed+1, ... and averages the
	// models' weights: Seeds times the training time, less variance.
	Seeds int
	// Stats, when set, receives how the gold spans met the tokenizer.
	Stats *TrainStats
}

// TrainStats says how the gold spans met the tokenizer.
type TrainStats struct {
	Docs, Tokens, Spans int
	// Misaligned spans do not start and end on token boundaries; a token is
	// in the span when more than half its bytes are. Dropped spans covered no
	// token that way, or overlapped an earlier one after alignment.
	Misaligned, Dropped int
	Features            int // feature keys kept
}

// trainDoc is one document as training sees it.
type trainDoc struct {
	toks   []token
	gold   []int8
	rows   []int32 // numStatic per token
	drows  []int32 // numDoc per token, second pass only
	chunks []int   // chunk boundaries: 0, ..., len(toks)
	weight float32
}

// Train fits a tagger on docs. Documents are tokenized with stem.Analyze and
// gold spans aligned to its tokens (see TrainStats). Training is
// deterministic for a given Seed and input.
func Train(ctx context.Context, docs []gold.Document, opt TrainOptions) (*Tagger, error) {
	var st TrainStats
	if opt.Stats == nil {
		opt.Stats = &st
	}
	if opt.Seeds <= 1 {
		return train(ctx, docs, opt, opt.Stats)
	}
	var ts []*Tagger
	for k := 0; k < opt.Seeds; k++ {
		o := opt
		o.Seed = opt.Seed + int64(k)
		stats := opt.Stats
		if k > 0 {
			stats = new(TrainStats)
		}
		t, err := train(ctx, docs, o, stats)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	t := average(ts)
	opt.Stats.Features = len(t.keys)
	return checkSize(t)
}

// average returns the tagger whose weights are the mean of ts's, feature by
// feature: averaging perceptrons trained in different orders lowers the
// variance a single shuffle leaves.
func average(ts []*Tagger) *Tagger {
	sums := map[uint64]*[2 * numTags]float32{}
	var keys []uint64
	var trans [2][(numTags + 1) * numTags]float32
	for _, t := range ts {
		for r, k := range t.keys {
			row := sums[k]
			if row == nil {
				row = new([2 * numTags]float32)
				sums[k] = row
				keys = append(keys, k)
			}
			for _, c := range t.cells[t.start[r]:t.start[r+1]] {
				row[c.slot] += float32(c.w) * t.scale[int(c.slot)/numTags]
			}
		}
		for p := range trans {
			for i, v := range t.trans[p] {
				trans[p][i] += v
			}
		}
	}
	slices.Sort(keys)
	n := float32(len(ts))
	passes := 1
	if ts[0].twoPass {
		passes = 2
	}
	var out []pass
	for p := 0; p < passes; p++ {
		w := make([]float32, len(keys)*numTags)
		for r, k := range keys {
			for tag := 0; tag < numTags; tag++ {
				w[r*numTags+tag] = sums[k][p*numTags+tag] / n
			}
		}
		for i := range trans[p] {
			trans[p][i] /= n
		}
		out = append(out, quantize(w, trans[p][:]))
	}
	return newTagger(keys, out, ts[0].lex, ts[0].info)
}

func train(ctx context.Context, docs []gold.Document, opt TrainOptions, st *TrainStats) (*Tagger, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 2
	}
	if opt.Folds < 2 {
		opt.Folds = 4
	}
	if opt.Weights != nil && len(opt.Weights) != len(docs) {
		return nil, fmt.Errorf("ner: %d weights for %d documents", len(opt.Weights), len(docs))
	}
	progress := func(format string, args ...any) {
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, format+"\n", args...)
		}
	}
	began := time.Now()
	origin := make([]int, len(docs)) // the document each one copies
	for i := range origin {
		origin[i] = i
	}
	if opt.UpperTitles > 0 {
		docs, origin, opt.Weights = upperTitles(docs, opt)
	}
	var flags uint32
	if !opt.NoGazetteer {
		flags |= flagGazetteer
	}
	if !opt.NoClusters {
		flags |= flagClusters
	}
	lex, err := loadLexicons(flags)
	if err != nil {
		return nil, err
	}
	var tds []*trainDoc
	var tdOrigin []int
	counts := map[uint64]int32{}
	var keys [numStatic]uint64
	var staticKeys []uint64 // all docs' keys, numStatic per token
	for di, d := range docs {
		if di%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		a := stem.Analyze(d.Text)
		toks, _ := view(a, lex, nil, nil)
		td := &trainDoc{toks: toks, weight: 1}
		if opt.Weights != nil {
			td.weight = float32(opt.Weights[di])
		}
		if len(td.toks) == 0 || td.weight <= 0 {
			continue
		}
		spans := align(td.toks, d.Spans, st)
		td.gold = make([]int8, len(td.toks))
		spansToTags(spans, td.gold)
		td.chunks = append(td.chunks, 0)
		for i := 1; i < len(td.toks); i++ {
			if td.toks[i].sentStart && !opens(int(td.gold[i-1])) {
				td.chunks = append(td.chunks, i)
			}
		}
		td.chunks = append(td.chunks, len(td.toks))
		for i := range td.toks {
			staticFeatures(td.toks, i, keys[:])
			for _, k := range keys {
				if k != 0 {
					counts[k]++
				}
			}
			staticKeys = append(staticKeys, keys[:]...)
		}
		tds = append(tds, td)
		tdOrigin = append(tdOrigin, origin[di])
		st.Docs++
		st.Tokens += len(td.toks)
	}
	if len(tds) == 0 {
		return nil, ErrNoData
	}
	// Rows for the kept keys, in first-seen order so the model is deterministic.
	rowOf := map[uint64]int32{}
	var rowKeys []uint64
	off := 0
	for _, td := range tds {
		td.rows = make([]int32, len(td.toks)*numStatic)
		for j := range td.rows {
			k := staticKeys[off+j]
			td.rows[j] = -1
			if k == 0 || counts[k] < int32(opt.MinCount) {
				continue
			}
			r, ok := rowOf[k]
			if !ok {
				r = int32(len(rowKeys))
				rowOf[k] = r
				rowKeys = append(rowKeys, k)
			}
			td.rows[j] = r
		}
		off += len(td.rows)
	}
	staticKeys, counts = nil, nil
	progress("ner: %d docs, %d tokens, %d spans (%d misaligned, %d dropped), %d features, %s",
		st.Docs, st.Tokens, st.Spans, st.Misaligned, st.Dropped, len(rowKeys), time.Since(began).Round(time.Millisecond))

	first, err := fit(ctx, tds, len(rowKeys), false, opt, "pass 1", progress)
	if err != nil {
		return nil, err
	}
	if opt.OnePass {
		st.Features = len(rowKeys)
		return checkSize(newTagger(rowKeys, []pass{first.pass()}, lex, opt.Info))
	}

	// Jackknife: each document's first-pass tags come from a model that did
	// not train on it (nor on a copy of it), as they will at tagging time.
	order := rand.New(rand.NewSource(opt.Seed)).Perm(len(docs))
	foldOf := make([]int, len(docs))
	for i, di := range order {
		foldOf[di] = i % opt.Folds
	}
	fold := make([]int, len(tds))
	for di := range tds {
		fold[di] = foldOf[tdOrigin[di]]
	}
	tags1 := make([][]int8, len(tds))
	for f := 0; f < opt.Folds; f++ {
		var in []*trainDoc
		for di, td := range tds {
			if fold[di] != f {
				in = append(in, td)
			}
		}
		m, err := fit(ctx, in, len(rowKeys), false, opt, fmt.Sprintf("fold %d/%d", f+1, opt.Folds), progress)
		if err != nil {
			return nil, err
		}
		for di, td := range tds {
			if fold[di] == f {
				tags1[di] = m.decode(td, false)
			}
		}
	}
	var dk [numDoc]uint64
	for di, td := range tds {
		masks := make([]uint8, len(td.toks))
		docMasks(td.toks, tags1[di], masks)
		td.drows = make([]int32, len(td.toks)*numDoc)
		for i := range td.toks {
			docFeatures(td.toks, tags1[di], masks, i, dk[:])
			for f, k := range dk {
				r, ok := rowOf[k]
				if !ok {
					r = int32(len(rowKeys))
					rowOf[k] = r
					rowKeys = append(rowKeys, k)
				}
				td.drows[i*numDoc+f] = r
			}
		}
	}
	second, err := fit(ctx, tds, len(rowKeys), true, opt, "pass 2", progress)
	if err != nil {
		return nil, err
	}
	p1 := first.pass()
	p1.weights = append(p1.weights, make([]int16, (len(rowKeys)-len(first.w)/numTags)*numTags)...)
	p2 := second.pass()
	st.Features = len(rowKeys)
	progress("ner: trained in %s", time.Since(began).Round(time.Millisecond))
	return checkSize(newTagger(rowKeys, []pass{p1, p2}, lex, opt.Info))
}

// upperTitles returns docs followed by the first lines of a UpperTitles
// fraction of them in capitals (when that keeps their byte length, so spans
// stay put), each copy's origin, and the weights extended.
func upperTitles(docs []gold.Document, opt TrainOptions) ([]gold.Document, []int, []float64) {
	rng := rand.New(rand.NewSource(opt.Seed + 1))
	out := append([]gold.Document(nil), docs...)
	origin := make([]int, len(docs))
	for i := range origin {
		origin[i] = i
	}
	weights := opt.Weights
	if weights != nil {
		weights = append([]float64(nil), weights...)
	}
	for i, d := range docs {
		if rng.Float64() >= opt.UpperTitles {
			continue
		}
		line := strings.IndexByte(d.Text, '\n')
		if line < 0 {
			continue
		}
		up := strings.ToUpper(d.Text[:line])
		if len(up) != line {
			continue
		}
		var spans []gold.Span
		for _, sp := range d.Spans {
			if sp.End <= line {
				spans = append(spans, sp)
			}
		}
		out = append(out, gold.Document{ID: d.ID + "#upper", Text: up, Spans: spans})
		origin = append(origin, i)
		if weights != nil {
			weights = append(weights, weights[i])
		}
	}
	return out, origin, weights
}

// checkSize refuses a model whose weight runs overflow the key table's values.
func checkSize(t *Tagger) (*Tagger, error) {
	if len(t.runs) > maxValue {
		return nil, fmt.Errorf("ner: %d weights, more than %d: raise MinCount", len(t.runs), maxValue)
	}
	return t, nil
}

// align maps byte spans to tokens: a token belongs to a span when more than
// half of its bytes are inside it.
func align(toks []token, spans []gold.Span, st *TrainStats) []tokSpan {
	var out []tokSpan
	i := 0
	for _, s := range spans {
		l := labelIndex(s.Label)
		if l < 0 {
			continue
		}
		st.Spans++
		for i > 0 && toks[i-1].end > s.Start {
			i--
		}
		for i < len(toks) && toks[i].end <= s.Start {
			i++
		}
		first, last := -1, -1
		exact := false
		for j := i; j < len(toks) && toks[j].start < s.End; j++ {
			in := min(toks[j].end, s.End) - max(toks[j].start, s.Start)
			if 2*in > toks[j].end-toks[j].start {
				if first < 0 {
					first = j
					exact = toks[j].start == s.Start
				}
				last = j
			}
		}
		if first < 0 || !exact || toks[last].end != s.End {
			st.Misaligned++
		}
		if first < 0 || (len(out) > 0 && out[len(out)-1].last >= first) {
			st.Dropped++
			continue
		}
		out = append(out, tokSpan{first, last, l})
	}
	return out
}

// perceptron is an averaged perceptron's state: weights w and, for the
// average, u = Σ c·Δw, so that the average is w − u/c.
type perceptron struct {
	w, u          []float32
	trans, transU [(numTags + 1) * numTags]float32
	c             float32
}

// fit trains one pass over tds for opt.Epochs epochs.
func fit(ctx context.Context, tds []*trainDoc, nrows int, second bool, opt TrainOptions, name string, progress func(string, ...any)) (*perceptron, error) {
	p := &perceptron{w: make([]float32, nrows*numTags), u: make([]float32, nrows*numTags), c: 1}
	type chunk struct {
		doc        *trainDoc
		start, end int
	}
	var chunks []chunk
	for _, td := range tds {
		for k := 1; k < len(td.chunks); k++ {
			chunks = append(chunks, chunk{td, td.chunks[k-1], td.chunks[k]})
		}
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	var scores []float32
	var back, pred []int8
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		began := time.Now()
		rng.Shuffle(len(chunks), func(i, j int) { chunks[i], chunks[j] = chunks[j], chunks[i] })
		wrong, total := 0, 0
		for ci, ch := range chunks {
			if ci%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			n := ch.end - ch.start
			scores = grow(scores, n*numTags)
			back = grow(back, n*numTags)
			pred = grow(pred, n)
			p.scoreRange(ch.doc, ch.start, ch.end, second, p.w, scores)
			viterbi(&p.trans, scores, pred, back)
			g := ch.doc.gold[ch.start:ch.end]
			for i := range pred {
				total++
				if pred[i] != g[i] {
					wrong++
				}
			}
			p.update(ch.doc, ch.start, g, pred, second)
			p.c++
		}
		progress("ner: %s epoch %d: %.2f%% tokens wrong, %s", name, epoch, 100*float64(wrong)/float64(max(total, 1)), time.Since(began).Round(time.Millisecond))
	}
	// Average in place.
	for i := range p.w {
		p.w[i] -= p.u[i] / p.c
	}
	for i := range p.trans {
		p.trans[i] -= p.transU[i] / p.c
	}
	return p, nil
}

// scoreRange writes emission scores of tokens [start, end) of td.
func (p *perceptron) scoreRange(td *trainDoc, start, end int, second bool, w []float32, scores []float32) {
	for i := start; i < end; i++ {
		s := scores[(i-start)*numTags : (i-start+1)*numTags]
		clear(s)
		add := func(rows []int32) {
			for _, r := range rows {
				if r >= 0 {
					row := w[int(r)*numTags : int(r)*numTags+numTags]
					for t := range s {
						s[t] += row[t]
					}
				}
			}
		}
		add(td.rows[i*numStatic : (i+1)*numStatic])
		if second {
			add(td.drows[i*numDoc : (i+1)*numDoc])
		}
	}
	breakLines(td.toks[start:end], scores)
}

// update moves weights towards gold and away from pred where they differ.
func (p *perceptron) update(td *trainDoc, start int, g, pred []int8, second bool) {
	d := td.weight
	bump := func(rows []int32, tag int8, delta float32) {
		for _, r := range rows {
			if r >= 0 {
				j := int(r)*numTags + int(tag)
				p.w[j] += delta
				p.u[j] += p.c * delta
			}
		}
	}
	for i := range pred {
		if pred[i] == g[i] {
			continue
		}
		k := start + i
		bump(td.rows[k*numStatic:(k+1)*numStatic], g[i], d)
		bump(td.rows[k*numStatic:(k+1)*numStatic], pred[i], -d)
		if second {
			bump(td.drows[k*numDoc:(k+1)*numDoc], g[i], d)
			bump(td.drows[k*numDoc:(k+1)*numDoc], pred[i], -d)
		}
	}
	for i := range pred {
		gp, pp := -1, -1
		if i > 0 {
			gp, pp = int(g[i-1]), int(pred[i-1])
		}
		if gp == pp && g[i] == pred[i] {
			continue
		}
		gj, pj := (gp+1)*numTags+int(g[i]), (pp+1)*numTags+int(pred[i])
		p.trans[gj] += d
		p.transU[gj] += p.c * d
		p.trans[pj] -= d
		p.transU[pj] -= p.c * d
	}
}

// decode tags a whole training document with the perceptron's current weights.
func (p *perceptron) decode(td *trainDoc, second bool) []int8 {
	n := len(td.toks)
	scores := make([]float32, n*numTags)
	p.scoreRange(td, 0, n, second, p.w, scores)
	tags := make([]int8, n)
	viterbi(&p.trans, scores, tags, make([]int8, n*numTags))
	return tags
}

func (p *perceptron) pass() pass { return quantize(p.w, p.trans[:]) }
