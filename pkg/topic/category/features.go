package category

import (
	"math"
	"slices"

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

// bucketCounts hashes the stems of a into 1<<bits buckets: every word stem,
// every pair of stems of adjacent words (punctuation between two words
// breaks the pair), and again the stems of the first leadWords words, in
// their own namespace. The result is sorted by bucket.
func bucketCounts(a *stem.Analysis, bits uint) []bucketCount {
	shift := 64 - bits
	idx := make([]uint32, 0, 2*len(a.Stems)+leadWords)
	prev := ""
	words := 0
	for _, s := range a.Stems {
		if s == "" {
			prev = ""
			continue
		}
		idx = append(idx, uint32(finalize(fnvAdd(fnvAdd(fnvOffset, "u\x00"), s))>>shift))
		if words < leadWords {
			idx = append(idx, uint32(finalize(fnvAdd(fnvAdd(fnvOffset, "l\x00"), s))>>shift))
		}
		words++
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
