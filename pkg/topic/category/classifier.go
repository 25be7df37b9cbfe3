package category

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/topic"
)

// Kind is the topic.Topic Kind of every category.
const Kind = "category"

// What Classify returns: the best class always, then the next ones while
// their probability is at least MinScore, at most MaxTopics in all.
const (
	MinScore  = 0.10
	MaxTopics = 3
)

// Errors.
var (
	ErrBadModel = errors.New("category: bad model file")
	ErrNoData   = errors.New("category: no training examples")
)

// Classifier assigns OrangeSum categories to French text. It is read-only
// once built, so one Classifier serves any number of goroutines.
type Classifier struct {
	bits     uint
	ids      []string
	labels   []string
	idf      []float32 // per bucket: idfScale * a uint8
	idfScale float32
	bias     []float32 // per class
	scale    []float32 // per class: weight = scale * int8
	// weights[b*len(ids)+k] is bucket b's weight for class k, so a
	// document's features read contiguous rows.
	weights []int8
}

var defaultClassifier = sync.OnceValues(func() (*Classifier, error) {
	return Load(bytes.NewReader(models.Category))
})

// Default returns the classifier shipped in models/category, loaded on
// first use and shared afterwards.
func Default() (*Classifier, error) { return defaultClassifier() }

// Classes returns the class IDs the classifier knows, in model order.
func (c *Classifier) Classes() []string { return slices.Clone(c.ids) }

// Probabilities returns, for each class in Classes order, its probability
// for a (a softmax over the linear scores).
func (c *Classifier) Probabilities(a *stem.Analysis) []float64 {
	return c.probabilities(bucketCounts(a, c.bits))
}

func (c *Classifier) probabilities(counts []bucketCount) []float64 {
	k := len(c.ids)
	acc := make([]float32, k)
	for _, f := range weigh(counts, c.idf) {
		row := c.weights[int(f.idx)*k : int(f.idx)*k+k]
		for j, w := range row {
			acc[j] += f.val * float32(w)
		}
	}
	p := make([]float64, k)
	for j := range p {
		p[j] = float64(c.bias[j] + c.scale[j]*acc[j])
	}
	softmax(p)
	return p
}

// Classify returns the likely categories of a, best first, with Score the
// probability: the best class always, then others with probability at
// least MinScore, at most MaxTopics in all. It never fails: text without a
// word gets the prior of the training data.
func (c *Classifier) Classify(a *stem.Analysis) []topic.Topic {
	p := c.Probabilities(a)
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		switch {
		case p[x] > p[y]:
			return -1
		case p[x] < p[y]:
			return 1
		}
		return 0
	})
	var out []topic.Topic
	for n, j := range order {
		if n == MaxTopics || (n > 0 && p[j] < MinScore) {
			break
		}
		out = append(out, topic.Topic{ID: c.ids[j], Label: c.labels[j], Score: p[j], Kind: Kind})
	}
	return out
}

func softmax(z []float64) {
	m := math.Inf(-1)
	for _, v := range z {
		m = max(m, v)
	}
	var sum float64
	for i, v := range z {
		z[i] = math.Exp(v - m)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}

// The model file is gzip-compressed, little-endian:
//
//	magic "veille-category\x00", version uint16 = 2 (2: title and heading
//	features; a version 1 file was trained without them)
//	bits uint8, classes uint16, then per class: id, label (uint16 length + UTF-8)
//	idf: scale float32, then 1<<bits uint8 (idf = scale * q)
//	bias, scale: classes × float32 each
//	weights: (1<<bits) × classes int8, bucket-major
const (
	magic         = "veille-category\x00"
	formatVersion = 2
	maxBits       = 24
	maxClasses    = 1024
	maxWeights    = 1 << 28 // buckets × classes: bounds what a bad file can make Load allocate
)

// Save writes the model to w.
func (c *Classifier) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, binary.LittleEndian, v)
		}
	}
	putString := func(s string) {
		put(uint16(len(s)))
		put([]byte(s))
	}
	put([]byte(magic))
	put(uint16(formatVersion))
	put(uint8(c.bits))
	put(uint16(len(c.ids)))
	for i := range c.ids {
		putString(c.ids[i])
		putString(c.labels[i])
	}
	put(c.idfScale)
	put(quantizeIDF(c.idf, c.idfScale))
	put(c.bias)
	put(c.scale)
	put(c.weights)
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Classifier, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	br := bufio.NewReader(zr)
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	getString := func() string {
		var n uint16
		get(&n)
		if err != nil {
			return ""
		}
		b := make([]byte, n)
		get(b)
		return string(b)
	}
	head := make([]byte, len(magic))
	get(head)
	var version uint16
	get(&version)
	if err == nil && (string(head) != magic || version != formatVersion) {
		return nil, fmt.Errorf("%w: not a version %d category model", ErrBadModel, formatVersion)
	}
	var bits uint8
	var k uint16
	get(&bits)
	get(&k)
	if err == nil && (bits == 0 || bits > maxBits || k < 2 || k > maxClasses || (1<<bits)*int(k) > maxWeights) {
		return nil, fmt.Errorf("%w: %d hash bits, %d classes", ErrBadModel, bits, k)
	}
	c := &Classifier{bits: uint(bits)}
	for i := 0; i < int(k) && err == nil; i++ {
		c.ids = append(c.ids, getString())
		c.labels = append(c.labels, getString())
	}
	get(&c.idfScale)
	q := make([]uint8, 1<<bits)
	get(q)
	c.idf = dequantizeIDF(q, c.idfScale)
	c.bias = make([]float32, k)
	c.scale = make([]float32, k)
	c.weights = make([]int8, len(q)*int(k))
	get(c.bias)
	get(c.scale)
	get(c.weights)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	return c, nil
}
