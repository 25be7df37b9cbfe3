package wordcluster

import (
	"bytes"
	"context"
	"math/rand/v2"
	"testing"
)

// groups are words that occur in the same slots of the synthetic corpus.
var groups = [][]string{
	{"chat", "chien", "lapin", "cheval"},
	{"mange", "voit", "aime", "cherche"},
	{"pomme", "poire", "tarte", "fromage"},
	{"paris", "lyon", "nantes", "lille"},
}

// synthetic returns n sentences « le ANIMAL VERB la FOOD à CITY . »,
// each slot drawn at random.
func synthetic(n int) [][]string {
	rng := rand.New(rand.NewPCG(7, 7))
	seqs := make([][]string, n)
	pick := func(g int) string { return groups[g][rng.IntN(len(groups[g]))] }
	for i := range seqs {
		seqs[i] = []string{"le", pick(0), pick(1), "la", pick(2), "à", pick(3), "."}
	}
	return seqs
}

func TestVectorsSeparateSlots(t *testing.T) {
	seqs := synthetic(2000)
	opt := Options{MinCount: 1, Dims: 64}.withDefaults()
	words, _, contexts := vocabulary(seqs, opt)
	vecs, err := vectors(context.Background(), seqs, words, contexts, opt)
	if err != nil {
		t.Fatal(err)
	}
	index := make(map[string]int)
	for i, w := range words {
		index[w] = i
	}
	for gi, g := range groups {
		for _, a := range g {
			for hi, h := range groups {
				for _, b := range h {
					s := dot(vecs[index[a]], vecs[index[b]])
					if gi == hi && s < 0.8 {
						t.Errorf("cos(%s, %s) = %.2f, want ≥ 0.8 within a slot", a, b, s)
					}
					if gi != hi && s > 0.5 {
						t.Errorf("cos(%s, %s) = %.2f, want ≤ 0.5 across slots", a, b, s)
					}
				}
			}
		}
	}
}

func TestKmeansRecoversGroups(t *testing.T) {
	seqs := synthetic(2000)
	opt := Options{MinCount: 1, Dims: 64}.withDefaults()
	words, freq, contexts := vocabulary(seqs, opt)
	vecs, err := vectors(context.Background(), seqs, words, contexts, opt)
	if err != nil {
		t.Fatal(err)
	}
	index := make(map[string]int32)
	var members []int32
	for i, w := range words {
		index[w] = int32(i)
	}
	for _, g := range groups {
		for _, w := range g {
			members = append(members, index[w])
		}
	}
	sp := space{vecs: vecs, weight: weights(freq)}
	labels := kmeans(sp, members, len(groups), opt, rand.New(rand.NewPCG(1, 1)))
	for gi, g := range groups {
		for j := range g {
			a, b := labels[gi*len(g)], labels[gi*len(g)+j]
			if a != b {
				t.Errorf("%s and %s in clusters %d and %d, want one", g[0], g[j], a, b)
			}
		}
		if gi > 0 && labels[gi*len(g)] == labels[(gi-1)*len(g)] {
			t.Errorf("groups %v and %v share cluster %d", groups[gi-1], g, labels[gi*len(g)])
		}
	}
}

func TestLearnIsDeterministic(t *testing.T) {
	seqs := synthetic(3000)
	var outs [][]byte
	for _, workers := range []int{1, 2, 3} {
		c, err := Learn(context.Background(), seqs, Options{MinCount: 1, Dims: 32, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if c.Len() != 16+3 { // content words + le, la, à; "." has no letter
			t.Errorf("Len() = %d, want 19", c.Len())
		}
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.Bytes())
	}
	for i := range outs[1:] {
		if !bytes.Equal(outs[0], outs[i+1]) {
			t.Fatalf("Workers=1 and Workers=%d give different clusters:\n%s\n%s", i+2, outs[0], outs[i+1])
		}
	}
	c, err := Read(bytes.NewReader(outs[0]), "test")
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if _, err := c.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), outs[0]) {
		t.Errorf("Read then WriteTo changed the file:\n%s\n%s", outs[0], again.Bytes())
	}
}

func TestLearnNoWords(t *testing.T) {
	_, err := Learn(context.Background(), [][]string{{"a", "0"}}, Options{})
	if err != ErrNoWords {
		t.Errorf("err = %v, want ErrNoWords", err)
	}
}

func TestLearnCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Learn(ctx, synthetic(100), Options{MinCount: 1}); err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
