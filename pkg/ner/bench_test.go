package ner

import (
	"bytes"
	"os"
	"runtime"
	"testing"

	"github.com/veille/veille/models"
	"github.com/veille/veille/pkg/gold"
	"github.com/veille/veille/pkg/internal/sharedtest"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

// benchTexts are news-fr-gold dev texts when ../shared is there, else the
// tiny corpus.
func benchTexts(b *testing.B) []string {
	var docs []gold.Document
	if sharedtest.Dir() != "" {
		path := sharedtest.Path(b, "corpus", "news-fr-gold", "dev.jsonl")
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		docs, err = gold.ReadJSONL(f, path, nil)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	} else {
		docs = readTiny(b)
	}
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
	}
	return texts
}

// BenchmarkTag measures tokenizing and tagging (stem.Analyze is outside the
// timer only for its stemming, which tagging does not use).
func BenchmarkTag(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	texts := benchTexts(b)
	as := make([]*stem.Analysis, len(texts))
	ntok := 0
	for i, text := range texts {
		as[i] = stem.Analyze(text)
		ntok += len(as[i].Tokens)
	}
	b.ReportAllocs()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	b.ResetTimer()
	for b.Loop() {
		for i, a := range as {
			toks := tokenize.Tokenize(texts[i])
			tg.Tag(&stem.Analysis{Text: a.Text, Tokens: toks, Sentences: tokenize.Segment(a.Text, toks)})
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&m1)
	b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/float64(ntok*b.N), "allocs/token")
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(ntok)*float64(b.N)/sec, "tokens/s")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(bytes.NewReader(models.NERFrench)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(models.NERFrench)), "bytes")
}
