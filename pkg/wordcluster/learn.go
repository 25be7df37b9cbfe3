package wordcluster

import (
	"cmp"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"unicode"
)

// Options tune [Learn]. Zero fields take the defaults in brackets.
type Options struct {
	MinCount   int    // a word seen fewer times is left out [5]
	MaxWords   int    // vocabulary size, most frequent words first [50000]
	Contexts   int    // context words, most frequent first [1000]
	Window     int    // context positions on each side of a word [2]
	Dims       int    // dimensions of the projected word vectors [300]
	Iterations int    // k-means iterations per run, at most [30]
	Restarts   int    // k-means runs per split, the best kept [3]
	Seed       uint64 // seed of the projection and the k-means starts [1]
	Workers    int    // goroutines [GOMAXPROCS]
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MinCount, 5)
	def(&o.MaxWords, 50000)
	def(&o.Contexts, 1000)
	def(&o.Window, 2)
	def(&o.Dims, 300)
	def(&o.Iterations, 30)
	def(&o.Restarts, 3)
	def(&o.Workers, runtime.GOMAXPROCS(0))
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

// ErrNoWords is returned by Learn when no word reaches MinCount.
var ErrNoWords = errors.New("wordcluster: no word reaches the minimum count")

// Learn clusters the words of seqs, sequences of tokens already in [Key]
// form (sentences or whole texts; a sequence's edges count as a context of
// their own). A word is a token with a letter seen at least MinCount
// times; the MaxWords most frequent get a path.
//
// Each word is described by the counts of the Contexts most frequent tokens
// (punctuation included) at each of the Window positions before it and
// after it, one block of counts per position. The counts are weighted by
// positive pointwise mutual information (context counts smoothed to the
// power 0.75), projected to Dims dimensions by a fixed random ±1 matrix and
// normalised to unit length. Spherical k-means, where each word weighs the
// square root of its count, then splits the words in Branching clusters,
// each of those in Branching, and so on for Levels levels; each split keeps
// the best of Restarts runs. Everything is seeded and sums run in a fixed
// order, so a given input and Options give the same clusters whatever the
// number of workers.
//
// Cost: the counts take 8·Window·MaxWords·Contexts bytes (0.8 GB with the
// defaults); about a minute for 12 M tokens on 2 busy cores, mostly the
// projection and the k-means.
func Learn(ctx context.Context, seqs [][]string, opt Options) (*Clusters, error) {
	opt = opt.withDefaults()
	words, freq, contexts := vocabulary(seqs, opt)
	if len(words) == 0 {
		return nil, ErrNoWords
	}
	vecs, err := vectors(ctx, seqs, words, contexts, opt)
	if err != nil {
		return nil, err
	}
	paths := make([]uint32, len(vecs))
	all := make([]int32, len(vecs))
	for i := range all {
		all[i] = int32(i)
	}
	sp := space{vecs: vecs, weight: weights(freq)}
	if err := split(ctx, sp, all, 1, 0, paths, opt); err != nil {
		return nil, err
	}
	m := make(map[string]uint32, len(words))
	for i, w := range words {
		m[w] = paths[i]
	}
	return New(m), nil
}

// parallel runs f(w) for w in [0, workers) and waits.
func parallel(workers int, f func(w int)) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { f(w) })
	}
	wg.Wait()
}

// vocabulary returns the words to cluster with their counts, and the
// context tokens, each ordered by count (descending), then bytes.
func vocabulary(seqs [][]string, opt Options) (words []string, freq []int, contexts []string) {
	local := make([]map[string]int, opt.Workers)
	parallel(opt.Workers, func(w int) {
		m := make(map[string]int)
		for i := w; i < len(seqs); i += opt.Workers {
			for _, t := range seqs[i] {
				m[t]++
			}
		}
		local[w] = m
	})
	counts := local[0]
	for _, m := range local[1:] {
		for t, n := range m {
			counts[t] += n
		}
	}
	all := make([]string, 0, len(counts))
	for t := range counts {
		all = append(all, t)
	}
	slices.SortFunc(all, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	contexts = all[:min(opt.Contexts, len(all))]
	for _, t := range all {
		if len(words) == opt.MaxWords || counts[t] < opt.MinCount {
			break
		}
		if hasLetter(t) {
			words = append(words, t)
			freq = append(freq, counts[t])
		}
	}
	return words, freq, contexts
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// vectors returns one unit vector of opt.Dims per word: the PPMI-weighted
// left and right context counts, randomly projected.
func vectors(ctx context.Context, seqs [][]string, words, contexts []string, opt Options) ([][]float32, error) {
	wordID := make(map[string]int32, len(words))
	for i, w := range words {
		wordID[w] = int32(i)
	}
	// Context 0 is a sequence edge; contexts[i] is i+1.
	nctx := len(contexts) + 1
	ctxID := make(map[string]int32, len(contexts))
	for i, c := range contexts {
		ctxID[c] = int32(i + 1)
	}
	// One block of nctx columns per position: -Window … -1, +1 … +Window.
	cols := 2 * opt.Window * nctx
	var offsets []int
	for off := -opt.Window; off <= opt.Window; off++ {
		if off != 0 {
			offsets = append(offsets, off)
		}
	}
	counts := make([]uint32, len(words)*cols)
	// Worker w owns the rows of words with id%Workers == w, so no two
	// goroutines write the same cell and the counts need no merge.
	parallel(opt.Workers, func(w int) {
		for _, seq := range seqs {
			for i, t := range seq {
				id, ok := wordID[t]
				if !ok || int(id)%opt.Workers != w {
					continue
				}
				row := counts[int(id)*cols : (int(id)+1)*cols]
				for block, off := range offsets {
					c := int32(0)
					if j := i + off; j >= 0 && j < len(seq) {
						c = ctxID[seq[j]]
					}
					row[block*nctx+int(c)]++
				}
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	rowSum := make([]float64, len(words))
	colSum := make([]float64, cols)
	total := 0.0
	for r := range words {
		for c, n := range counts[r*cols : (r+1)*cols] {
			rowSum[r] += float64(n)
			colSum[c] += float64(n)
		}
		total += rowSum[r]
	}
	// Smoothed context probabilities: rare contexts get less PMI.
	smoothed := 0.0
	for c := range colSum {
		colSum[c] = math.Pow(colSum[c], 0.75)
		smoothed += colSum[c]
	}

	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	proj := make([]float32, cols*opt.Dims)
	for i := range proj {
		proj[i] = float32(rng.IntN(2)*2 - 1)
	}

	vecs := make([][]float32, len(words))
	parallel(opt.Workers, func(w int) {
		for r := w; r < len(words); r += opt.Workers {
			v := make([]float32, opt.Dims)
			for c, n := range counts[r*cols : (r+1)*cols] {
				if n == 0 {
					continue
				}
				pmi := math.Log(float64(n) * smoothed / (rowSum[r] * colSum[c]))
				if pmi <= 0 {
					continue
				}
				p := float32(pmi)
				for d, s := range proj[c*opt.Dims : (c+1)*opt.Dims] {
					v[d] += p * s
				}
			}
			normalise(v)
			vecs[r] = v
		}
	})
	return vecs, ctx.Err()
}

func normalise(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

func dot(a, b []float32) float32 {
	var s float32
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

// split clusters the words members (indexes into vecs) at level, writing
// each one's cluster number into its path at prefix, and recurses.
func split(ctx context.Context, sp space, members []int32, level int, prefix uint32, paths []uint32, opt Options) error {
	if level > Levels {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// Each split has its own seed, so the result does not depend on the
	// order in which splits run.
	rng := rand.New(rand.NewPCG(opt.Seed, uint64(level)<<32|uint64(prefix)))
	labels := kmeans(sp, members, Branching, opt, rng)
	groups := make([][]int32, Branching)
	for i, m := range members {
		groups[labels[i]] = append(groups[labels[i]], m)
	}
	shift := levelBits * (Levels - level)
	for c, g := range groups {
		for _, m := range g {
			paths[m] |= uint32(c) << shift
		}
		if err := split(ctx, sp, g, level+1, prefix<<levelBits|uint32(c), paths, opt); err != nil {
			return err
		}
	}
	return nil
}

// space is the word vectors and the weight of each word in the centroids.
type space struct {
	vecs   [][]float32
	weight []float64
}

// weights gives each word the square root of its count: frequent words,
// whose vectors are reliable, steer the centroids more, without the
// commonest few taking them over.
func weights(freq []int) []float64 {
	w := make([]float64, len(freq))
	for i, f := range freq {
		w[i] = math.Sqrt(float64(f))
	}
	return w
}

// kmeans runs weighted spherical k-means (cosine similarity, unit
// centroids) on the members opt.Restarts times, each seeded by k-means++,
// and keeps the run of highest weighted similarity. It returns a cluster
// number per member in [0, k), numbered by decreasing cluster size. With k
// or fewer members, each gets its own cluster.
func kmeans(sp space, members []int32, k int, opt Options, rng *rand.Rand) []int {
	n := len(members)
	if n <= k {
		labels := make([]int, n)
		for i := range labels {
			labels[i] = i
		}
		return labels
	}
	var best []int
	bestFit := math.Inf(-1)
	for range opt.Restarts {
		if labels, fit := lloyd(sp, members, k, opt.Iterations, opt.Workers, rng); fit > bestFit {
			best, bestFit = labels, fit
		}
	}
	return renumber(best, k)
}

// lloyd runs one k-means from a k-means++ start and returns the labels
// and their fit: the weighted sum of each member's similarity to its
// centroid.
func lloyd(sp space, members []int32, k, iterations, workers int, rng *rand.Rand) ([]int, float64) {
	n := len(members)
	labels := make([]int, n)
	dims := len(sp.vecs[members[0]])
	cents := seedPlusPlus(sp, members, k, rng)
	best := make([]float32, n)
	for it := 0; it < iterations; it++ {
		changed := make([]bool, workers)
		parallel(workers, func(w int) {
			lo, hi := w*n/workers, (w+1)*n/workers
			for i := lo; i < hi; i++ {
				v := sp.vecs[members[i]]
				bi, bs := 0, float32(math.Inf(-1))
				for c, cent := range cents {
					if s := dot(v, cent); s > bs {
						bi, bs = c, s
					}
				}
				if bi != labels[i] || it == 0 {
					changed[w] = true
				}
				labels[i], best[i] = bi, bs
			}
		})
		if !slices.Contains(changed, true) {
			break
		}
		sums := make([][]float64, k)
		sizes := make([]int, k)
		for c := range sums {
			sums[c] = make([]float64, dims)
		}
		for i, m := range members {
			c, wt := labels[i], sp.weight[m]
			sizes[c]++
			for d, x := range sp.vecs[m] {
				sums[c][d] += wt * float64(x)
			}
		}
		for c := range cents {
			if sizes[c] == 0 {
				// Restart an empty cluster on the worst-fitted member.
				worst := 0
				for i := range best {
					if best[i] < best[worst] {
						worst = i
					}
				}
				copy(cents[c], sp.vecs[members[worst]])
				best[worst] = math.MaxFloat32
				continue
			}
			for d, s := range sums[c] {
				cents[c][d] = float32(s)
			}
			normalise(cents[c])
		}
	}
	fit := 0.0
	for i, m := range members {
		fit += sp.weight[m] * float64(dot(sp.vecs[m], cents[labels[i]]))
	}
	return labels, fit
}

// seedPlusPlus picks k starting centroids among the members, each drawn
// with probability proportional to its weight times its squared distance
// to the nearest centroid already picked.
func seedPlusPlus(sp space, members []int32, k int, rng *rand.Rand) [][]float32 {
	n := len(members)
	cents := make([][]float32, 0, k)
	dist := make([]float64, n)
	for i := range dist {
		dist[i] = 4 // above any squared distance between unit vectors
	}
	pick := rng.IntN(n)
	for {
		c := slices.Clone(sp.vecs[members[pick]])
		cents = append(cents, c)
		if len(cents) == k {
			return cents
		}
		total := 0.0
		for i, m := range members {
			dist[i] = min(dist[i], max(2-2*float64(dot(sp.vecs[m], c)), 0))
			total += sp.weight[m] * dist[i]
		}
		pick = rng.IntN(n)
		if total > 0 {
			x := rng.Float64() * total
			for i, m := range members {
				if x -= sp.weight[m] * dist[i]; x <= 0 {
					pick = i
					break
				}
			}
		}
	}
}

// renumber relabels clusters by decreasing size (ties: the cluster whose
// first member comes first), so cluster 0 is the largest.
func renumber(labels []int, k int) []int {
	size := make([]int, k)
	first := make([]int, k)
	for c := range first {
		first[c] = len(labels)
	}
	for i, c := range labels {
		size[c]++
		first[c] = min(first[c], i)
	}
	order := make([]int, k)
	for c := range order {
		order[c] = c
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(size[b], size[a]), cmp.Compare(first[a], first[b]))
	})
	newID := make([]int, k)
	for rank, c := range order {
		newID[c] = rank
	}
	for i, c := range labels {
		labels[i] = newID[c]
	}
	return labels
}
