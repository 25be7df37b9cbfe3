package category

import (
	"math"
	"slices"
	"strings"

	"github.com/veille/veille/pkg/stem"
)

// A document becomes a sparse vector of hashed stem unigrams and bigrams.
// Hashing keeps the model a fixed size without a vocabulary: a stem the
// training data never saw lands in some bucket and only adds a little noise.

// feature is one non-zero coordinate of a document vector.
type feature struct {
	idx uint32
	val float32
}

// bucketCount is how often a document hits one hash bucket.
type bucketCount struct {
	idx uint32
	n   uint32
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// finalize spreads FNV's weak high bits (splitmix64's finaliser) so that
// the top bits can index the buckets.
func finalize(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// leadWords is how many words open a document for the lead features: about
// an OrangeSum title and chapô.
const leadWords = 80

// A text whose first paragraph is a short line followed by a blank line is
// read as title, then heading (chapô), then body: the layout of
// ReadOrangeSum's texts. The title (at most titleWords words; OrangeSum's
// have at most 31) and the heading (its first headingWords words; 99% of
// OrangeSum's have at most 70) get features of their own. A text without
// that layout (one block, or a long first paragraph) has no title: its
// first sentences are not mistaken for a headline. Each title stem counts
// titleRepeat times, as the headline says most about the section: on
// OrangeSum dev, 3 to 16 repeats gave the same accuracy and 5 was kept.
const (
	titleWords   = 32
	headingWords = 100
	titleRepeat  = 5
)

// bucketCounts hashes the stems of a into 1<<bits buckets: every word stem,
// every pair of stems of adjacent words (punctuation between two words
// breaks the pair), the stems of the first leadWords words, and the stems
// of the title and heading paragraphs, each group in its own namespace.
// The result is sorted by bucket.
func bucketCounts(a *stem.Analysis, bits uint) []bucketCount {
	return hashCounts(a, bits, true)
}

// hashCounts is bucketCounts, ignoring any title layout when layout is
// false: the vector of the same words given as plain text.
func hashCounts(a *stem.Analysis, bits uint, layout bool) []bucketCount {
	shift := 64 - bits
	hash := func(ns, s string) uint32 { return uint32(finalize(fnvAdd(fnvAdd(fnvOffset, ns), s)) >> shift) }
	titleEnd, headingEnd := 0, 0
	if layout {
		titleEnd, headingEnd = titleAndHeading(a)
	}
	idx := make([]uint32, 0, 2*len(a.Stems)+leadWords+titleRepeat*titleWords+headingWords)
	prev := ""
	words, headed := 0, 0
	for i, s := range a.Stems {
		if s == "" {
			prev = ""
			continue
		}
		idx = append(idx, hash("u\x00", s))
		if words < leadWords {
			idx = append(idx, hash("l\x00", s))
		}
		words++
		switch start := a.Tokens[i].Start; {
		case start < titleEnd:
			t := hash("t\x00", s)
			for range titleRepeat {
				idx = append(idx, t)
			}
		case start >= titleEnd && start < headingEnd && headed < headingWords:
			idx = append(idx, hash("h\x00", s))
			headed++
		}
		if prev != "" {
			h := fnvAdd(fnvAdd(fnvAdd(fnvOffset, "b\x00"), prev), "\x00")
			idx = append(idx, uint32(finalize(fnvAdd(h, s))>>shift))
		}
		prev = s
	}
	slices.Sort(idx)
	var out []bucketCount
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && idx[j] == idx[i] {
			j++
		}
		out = append(out, bucketCount{idx[i], uint32(j - i)})
		i = j
	}
	return out
}

// titleAndHeading returns the byte offsets where a's title and heading
// end, both 0 when a has no title.
func titleAndHeading(a *stem.Analysis) (titleEnd, headingEnd int) {
	titleEnd = paragraphEnd(a.Text, 0)
	if titleEnd == len(a.Text) {
		return 0, 0
	}
	words := 0
	for i, s := range a.Stems {
		if a.Tokens[i].Start >= titleEnd {
			break
		}
		if s != "" {
			words++
		}
	}
	if words == 0 || words > titleWords {
		return 0, 0
	}
	return titleEnd, paragraphEnd(a.Text, titleEnd+2)
}

// paragraphEnd returns the offset of the first blank line ("\n\n") at or
// after from, or len(text) when there is none.
func paragraphEnd(text string, from int) int {
	if from >= len(text) {
		return len(text)
	}
	if i := strings.Index(text[from:], "\n\n"); i >= 0 {
		return from + i
	}
	return len(text)
}

// weigh turns counts into a unit-length vector of log counts, each scaled by
// its bucket's inverse document frequency: long articles then weigh as much
// as short ones, and words every article has count for little.
func weigh(counts []bucketCount, idf []float32) []feature {
	fs := make([]feature, len(counts))
	var norm float64
	for i, c := range counts {
		v := (1 + math.Log(float64(c.n))) * float64(idf[c.idx])
		fs[i] = feature{c.idx, float32(v)}
		norm += v * v
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range fs {
			fs[i].val *= inv
		}
	}
	return fs
}
