package topic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/veille/veille/models"
)

// ErrResource reports a damaged embedded resource (a bad build of models/).
var ErrResource = errors.New("topic: bad embedded resource")

// docFreq holds how many reference articles each stem occurs in.
type docFreq struct {
	docs int
	df   map[string]int32
	// floor is the smallest df kept: stems absent from the table are rarer.
	floor int32
}

func loadDocFreq(gz []byte) (*docFreq, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("%w: df table: %v", ErrResource, err)
	}
	d := &docFreq{df: make(map[string]int32, 40000), floor: math.MaxInt32}
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		key, val, ok := strings.Cut(sc.Text(), "\t")
		n, err := strconv.Atoi(val)
		if !ok || err != nil {
			return nil, fmt.Errorf("%w: df table line %d: want stem<TAB>count", ErrResource, line)
		}
		if line == 1 {
			if key != "#docs" {
				return nil, fmt.Errorf("%w: df table line 1: want #docs header", ErrResource)
			}
			d.docs = n
			continue
		}
		d.df[key] = int32(n)
		d.floor = min(d.floor, int32(n))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: df table: %v", ErrResource, err)
	}
	if d.docs == 0 || len(d.df) == 0 {
		return nil, fmt.Errorf("%w: df table is empty", ErrResource)
	}
	return d, nil
}

// idf is log(N / df), with unseen stems as rare as the rarest kept ones.
func (d *docFreq) idf(stem string) float64 {
	n, ok := d.df[stem]
	if !ok {
		n = d.floor
	}
	return math.Log(float64(d.docs) / float64(n))
}

// DefaultExtractor returns the keyphrase extractor built from the embedded
// part-of-speech lexicon and document-frequency table. It is built once and
// safe for concurrent use.
var DefaultExtractor = sync.OnceValues(func() (*Extractor, error) {
	t, err := loadTagger(models.TopicPOS)
	if err != nil {
		return nil, err
	}
	d, err := loadDocFreq(models.TopicDF)
	if err != nil {
		return nil, err
	}
	return &Extractor{tagger: t, df: d}, nil
})
