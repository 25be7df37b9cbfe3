package category

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/veille/veille/pkg/stem"
)

// Example is one labelled training text.
type Example struct {
	Text  string
	Label string // class ID, e.g. "politique" or "societe/fait-divers"
}

// TrainOptions tune Train. The zero value gives the settings of the shipped
// model.
type TrainOptions struct {
	// HashBits is log2 of the number of feature buckets (default 18).
	HashBits int
	// Epochs is the number of passes of stochastic gradient descent over
	// the training vectors (default 5; an example with a title layout is
	// two vectors, see Train).
	Epochs int
	// L2 is the weight decay per example (default 2e-6).
	L2 float64
	// LearningRate is the initial step (default 1); it decays as 1/(1+epoch).
	LearningRate float64
	// ClassWeight is the exponent of the inverse class frequency that
	// weighs each example's loss: 0 treats all examples alike (best
	// accuracy), 1 balances the classes (best recall on small classes).
	// Negative means 0; the default is 0.5.
	ClassWeight float64
	// Seed fixes the example order; equal inputs and options give
	// byte-identical models.
	Seed uint64
	// Workers analyse texts in parallel (default GOMAXPROCS). Results do not
	// depend on it.
	Workers int
	// Progress, when set, receives one line per stage and epoch.
	Progress io.Writer
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.HashBits <= 0 {
		o.HashBits = 18
	}
	if o.Epochs <= 0 {
		o.Epochs = 5
	}
	if o.L2 <= 0 {
		o.L2 = 2e-6
	}
	if o.LearningRate <= 0 {
		o.LearningRate = 1
	}
	if o.ClassWeight == 0 {
		o.ClassWeight = 0.5
	}
	o.ClassWeight = max(o.ClassWeight, 0)
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// Train fits a multinomial logistic regression on examples. Classes are the
// distinct labels, sorted. It returns ctx's error if ctx ends first.
//
// Cost: for the 27,120 OrangeSum training articles (54,240 vectors) on two
// busy cores, analysing the texts takes 6–9 s and each epoch 2–3 s.
// Memory: the hashed count vectors of all examples, plus 4 × classes ×
// 2^HashBits bytes of weights.
func Train(ctx context.Context, examples []Example, opt TrainOptions) (*Classifier, error) {
	opt = opt.withDefaults()
	if opt.HashBits > maxBits {
		return nil, fmt.Errorf("category: HashBits %d above %d", opt.HashBits, maxBits)
	}
	if len(examples) == 0 {
		return nil, ErrNoData
	}
	ids := make([]string, 0)
	for _, ex := range examples {
		if ex.Label == "" {
			return nil, fmt.Errorf("category: example with an empty label")
		}
		ids = append(ids, ex.Label)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) < 2 {
		return nil, fmt.Errorf("category: need at least 2 classes, got %q", ids)
	}
	if len(ids) > maxClasses || (1<<opt.HashBits)*len(ids) > maxWeights {
		return nil, fmt.Errorf("category: %d classes × 2^%d buckets is too large a model", len(ids), opt.HashBits)
	}
	start := time.Now()
	progress(opt.Progress, "analysing %d examples with %d workers", len(examples), opt.Workers)
	counts, plain, err := countAll(ctx, examples, uint(opt.HashBits), opt.Workers)
	if err != nil {
		return nil, err
	}
	// An example with a title layout is learned twice, with and without
	// it, so that the title features add to the body's evidence instead of
	// replacing it: plain text without a headline stays well classified.
	var labels []int
	var all [][]bucketCount
	for i, ex := range examples {
		y, _ := slices.BinarySearch(ids, ex.Label)
		all = append(all, counts[i])
		labels = append(labels, y)
		if plain[i] != nil {
			all = append(all, plain[i])
			labels = append(labels, y)
		}
	}
	progress(opt.Progress, "analysed in %s: %d vectors, %d of them without the title layout",
		time.Since(start).Round(time.Millisecond), len(all), len(all)-len(examples))
	return fit(ctx, ids, all, labels, opt)
}

// countAll hashes every example's text, in parallel, into its slot of
// counts; plain gets the vector without the title layout of the examples
// that have one, nil for the others.
func countAll(ctx context.Context, examples []Example, bits uint, workers int) (counts, plain [][]bucketCount, err error) {
	counts = make([][]bucketCount, len(examples))
	plain = make([][]bucketCount, len(examples))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				a := stem.Analyze(examples[i].Text)
				counts[i] = bucketCounts(a, bits)
				if titleEnd, _ := titleAndHeading(a); titleEnd > 0 {
					plain[i] = hashCounts(a, bits, false)
				}
			}
		})
	}
	for i := range examples {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return counts, plain, err
}

// fit learns the weights from hashed counts by SGD on the weighted log
// loss with L2 decay, then quantises them to int8 per class.
func fit(ctx context.Context, ids []string, counts [][]bucketCount, labels []int, opt TrainOptions) (*Classifier, error) {
	n, k, buckets := len(counts), len(ids), 1<<opt.HashBits
	c := &Classifier{bits: uint(opt.HashBits), ids: ids, labels: make([]string, k)}
	for j, id := range ids {
		c.labels[j] = Label(id)
	}

	// Inverse document frequency, quantised as the model stores it.
	df := make([]int, buckets)
	for _, cs := range counts {
		for _, bc := range cs {
			df[bc.idx]++
		}
	}
	idf := make([]float32, buckets)
	for b, d := range df {
		idf[b] = float32(math.Log(float64(n+1)/float64(d+1)) + 1)
	}
	c.idfScale = slices.Max(idf) / 255
	c.idf = dequantizeIDF(quantizeIDF(idf, c.idfScale), c.idfScale)
	xs := make([][]feature, n)
	for i, cs := range counts {
		xs[i] = weigh(cs, c.idf)
	}

	// Class weights (N / (K n_k))^ClassWeight, normalised to mean 1 over
	// the examples so the learning rate means the same for any power.
	freq := make([]float64, k)
	for _, y := range labels {
		freq[y]++
	}
	cw := make([]float64, k)
	var mean float64
	for j := range cw {
		if freq[j] > 0 {
			cw[j] = math.Pow(float64(n)/(float64(k)*freq[j]), opt.ClassWeight)
		}
		mean += cw[j] * freq[j] / float64(n)
	}
	for j := range cw {
		cw[j] /= mean
	}

	// W = s·V: decaying all weights is one multiplication of s.
	v := make([]float32, buckets*k)
	bias := make([]float64, k)
	s := 1.0
	z := make([]float64, k)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7665696c6c65)) // "veille"
	for epoch := range opt.Epochs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
		eta := opt.LearningRate / float64(1+epoch)
		var loss float64
		for _, i := range order {
			x, y := xs[i], labels[i]
			for j := range z {
				z[j] = 0
			}
			for _, f := range x {
				row := v[int(f.idx)*k : int(f.idx)*k+k]
				for j, w := range row {
					z[j] += float64(f.val * w)
				}
			}
			for j := range z {
				z[j] = z[j]*s + bias[j]
			}
			softmax(z)
			loss -= cw[y] * math.Log(max(z[y], 1e-300))
			s *= 1 - eta*opt.L2
			for j := range z {
				g := z[j]
				if j == y {
					g--
				}
				g *= cw[y] * eta
				bias[j] -= g
				gs := float32(g / s)
				for _, f := range x {
					v[int(f.idx)*k+j] -= gs * f.val
				}
			}
			if s < 1e-6 {
				for b := range v {
					v[b] *= float32(s)
				}
				s = 1
			}
		}
		progress(opt.Progress, "epoch %d/%d: mean weighted log loss %.4f", epoch+1, opt.Epochs, loss/float64(n))
	}

	c.bias = make([]float32, k)
	c.scale = make([]float32, k)
	c.weights = make([]int8, buckets*k)
	for j := range k {
		c.bias[j] = float32(bias[j])
		var m float64
		for b := range buckets {
			m = max(m, math.Abs(float64(v[b*k+j])*s))
		}
		if m == 0 {
			continue
		}
		c.scale[j] = float32(m / 127)
		for b := range buckets {
			c.weights[b*k+j] = int8(math.Round(float64(v[b*k+j]) * s / float64(c.scale[j])))
		}
	}
	return c, nil
}

func quantizeIDF(idf []float32, scale float32) []uint8 {
	q := make([]uint8, len(idf))
	if scale > 0 {
		for i, v := range idf {
			q[i] = uint8(min(255, math.Round(float64(v/scale))))
		}
	}
	return q
}

func dequantizeIDF(q []uint8, scale float32) []float32 {
	idf := make([]float32, len(q))
	for i, v := range q {
		idf[i] = scale * float32(v)
	}
	return idf
}

func progress(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, "category: "+format+"\n", args...)
	}
}
