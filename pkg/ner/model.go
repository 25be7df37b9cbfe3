package ner

import (
	"math"
)

// table maps feature keys to uint32 values (below 2^24-1) by open
// addressing with linear probing. A slot holds the key's high 40 bits and
// its value+1 in the low 24 bits, so a probe reads one word; two keys
// agreeing on 40 hash bits would share a value, which at a few hundred
// thousand keys is vanishingly rare.
type table struct {
	slots []uint64
	mask  uint64
}

const (
	valueBits = 24
	valueMask = 1<<valueBits - 1
	maxValue  = valueMask - 1 // bounds the values a table holds
)

func newTable(keys []uint64, vals []uint32) table {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	t := table{slots: make([]uint64, size), mask: uint64(size - 1)}
	for row, k := range keys {
		hi := k &^ valueMask
		for i := k & t.mask; ; i = (i + 1) & t.mask {
			if t.slots[i] == 0 {
				t.slots[i] = hi | uint64(vals[row]+1)
				break
			}
		}
	}
	return t
}

// get returns key's value, -1 when the key is absent.
func (t *table) get(key uint64) int32 {
	if key == 0 {
		return -1
	}
	hi := key &^ valueMask
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if s&^valueMask == hi {
			return int32(s&valueMask) - 1
		}
	}
}

// pass is one decoding pass as trained and stored: quantized emission
// weights (numTags per row, value = int16 × scale) and transition scores.
type pass struct {
	weights []int16
	scale   float32
	// trans[(prev+1)*numTags+cur], prev = -1 the start; invalid pairs are
	// never read because the decoder only visits prevTags.
	trans [(numTags + 1) * numTags]float32
}

// quantize turns float weights into a pass.
func quantize(w []float32, trans []float32) pass {
	var maxAbs float32
	for _, v := range w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	p := pass{weights: make([]int16, len(w)), scale: 1}
	if maxAbs > 0 {
		p.scale = maxAbs / 32767
	}
	for i, v := range w {
		p.weights[i] = int16(math.Round(float64(v / p.scale)))
	}
	copy(trans[:], trans)
	return p
}

// viterbi finds the best valid BILOU sequence for scores (n×numTags) under
// transition scores trans and writes it to tags. back is n×numTags scratch.
func viterbi(trans *[(numTags + 1) * numTags]float32, scores []float32, tags []int8, back []int8) {
	n := len(tags)
	if n == 0 {
		return
	}
	var cur, prev [numTags]float32
	negInf := float32(math.Inf(-1))
	for t := 0; t < numTags; t++ {
		if allowed(-1, t) {
			prev[t] = trans[t] + scores[t]
		} else {
			prev[t] = negInf
		}
	}
	for i := 1; i < n; i++ {
		e := scores[i*numTags : i*numTags+numTags]
		b := back[i*numTags : i*numTags+numTags]
		for t := 0; t < numTags; t++ {
			best, arg := negInf, int8(0)
			for _, q := range prevTags[t] {
				if v := prev[q] + trans[(int(q)+1)*numTags+t]; v > best {
					best, arg = v, q
				}
			}
			cur[t], b[t] = best+e[t], arg
		}
		prev = cur
	}
	// The sequence must end closed: O, L or U.
	best, arg := negInf, 0
	for t := 0; t < numTags; t++ {
		if !opens(t) && prev[t] > best {
			best, arg = prev[t], t
		}
	}
	tags[n-1] = int8(arg)
	for i := n - 1; i > 0; i-- {
		tags[i-1] = back[i*numTags+int(tags[i])]
	}
}
