// Command topicdf builds the two resources that package topic embeds:
//
//   - models/topic/df.tsv.gz: the document frequency of Snowball stems over
//     the OrangeSum train split (split == "train" only) minus the articles
//     of the NER dev set (-exclude; the command fails if that file is
//     missing), top -top stems;
//   - models/topic/pos.tsv.gz: each word form of the French Universal
//     Dependencies treebanks (Sequoia, GSD, PUD) with its most frequent UPOS.
//
// Usage, from the repository root:
//
//	go run ./models/gen/topicdf -shared ../shared \
//	    -exclude ../shared/corpus/news-fr-gold/dev.jsonl -out models/topic
//
// The output is deterministic: rerunning it on the same corpora gives the
// same bytes (gzip header without name or time, sorted lines).
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/veille/veille/models/gen/internal/exclude"
	"github.com/veille/veille/pkg/stem"
	"github.com/veille/veille/pkg/tokenize"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data folder")
	out := flag.String("out", "models/topic", "output folder")
	top := flag.Int("top", 50000, "number of stems kept in the document-frequency table")
	excl := exclude.Flag()
	flag.Parse()
	skip, err := exclude.Load(*excl)
	if err != nil {
		fmt.Fprintln(os.Stderr, "topicdf:", err)
		os.Exit(1)
	}
	if err := buildPOS(filepath.Join(*shared, "corpus"), filepath.Join(*out, "pos.tsv.gz")); err != nil {
		fmt.Fprintln(os.Stderr, "topicdf:", err)
		os.Exit(1)
	}
	if err := buildDF(filepath.Join(*shared, "corpus", "orangesum", "articles.jsonl.gz"), filepath.Join(*out, "df.tsv.gz"), *top, skip); err != nil {
		fmt.Fprintln(os.Stderr, "topicdf:", err)
		os.Exit(1)
	}
}

// treebanks are the CoNLL-U files read for the part-of-speech lexicon.
var treebanks = []string{
	"ud-french-sequoia/fr_sequoia-ud-train.conllu",
	"ud-french-sequoia/fr_sequoia-ud-dev.conllu",
	"ud-french-sequoia/fr_sequoia-ud-test.conllu",
	"ud-french-gsd/fr_gsd-ud-dev.conllu",
	"ud-french-gsd/fr_gsd-ud-test.conllu",
	"ud-french-pud/fr_pud-ud-test.conllu",
}

// buildPOS counts (lower-cased surface form, UPOS) pairs and writes each
// form with its most frequent tag. A multiword token such as « du » (de + le)
// takes the tag of its first syntactic word.
func buildPOS(corpus, out string) error {
	counts := map[string]map[string]int{}
	add := func(form, tag string) {
		form = strings.ToLower(form)
		m := counts[form]
		if m == nil {
			m = map[string]int{}
			counts[form] = m
		}
		m[tag]++
	}
	for _, tb := range treebanks {
		f, err := os.Open(filepath.Join(corpus, tb))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		rangeEnd := 0 // last word id covered by the current multiword token
		pending := ""
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			col := strings.Split(line, "\t")
			if len(col) < 4 {
				continue
			}
			id := col[0]
			if strings.Contains(id, ".") {
				continue // empty node
			}
			if _, b, ok := strings.Cut(id, "-"); ok {
				fmt.Sscan(b, &rangeEnd)
				pending = col[1]
				continue
			}
			var n int
			fmt.Sscan(id, &n)
			if pending != "" {
				add(pending, col[3])
				pending = ""
				continue
			}
			if n <= rangeEnd {
				continue
			}
			add(col[1], col[3])
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", tb, err)
		}
	}
	forms := make([]string, 0, len(counts))
	for f := range counts {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	return writeGz(out, func(w io.Writer) error {
		for _, f := range forms {
			best, bn := "", -1
			for tag, n := range counts[f] {
				if n > bn || n == bn && tag < best {
					best, bn = tag, n
				}
			}
			if strings.ContainsAny(f, "\t\n") {
				continue
			}
			fmt.Fprintf(w, "%s\t%s\n", f, best)
		}
		return nil
	})
}

// buildDF counts, for every stem, the train articles not in skip it occurs
// in.
func buildDF(path, out string, top int, skip exclude.IDs) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	df := map[string]int{}
	docs, skipped := 0, 0
	dec := json.NewDecoder(zr)
	seen := map[string]bool{}
	for {
		var art struct {
			ID, Title, Heading, Article, Split string
		}
		if err := dec.Decode(&art); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("%s: article %d: %w", path, docs+1, err)
		}
		if art.Split != "train" {
			continue
		}
		if skip[art.ID] {
			skipped++
			continue
		}
		docs++
		clear(seen)
		for _, t := range tokenize.Tokenize(art.Title + "\n" + art.Heading + "\n" + art.Article) {
			if t.Kind != tokenize.Word {
				continue
			}
			s := stem.Stem(t.Text)
			if !seen[s] {
				seen[s] = true
				df[s]++
			}
		}
	}
	fmt.Fprintf(os.Stderr, "df: %d OrangeSum train articles counted, %d excluded (of %d ids listed)\n", docs, skipped, len(skip))
	stems := make([]string, 0, len(df))
	for s, n := range df {
		if n >= 2 && !strings.ContainsAny(s, "\t\n") {
			stems = append(stems, s)
		}
	}
	sort.Slice(stems, func(i, j int) bool {
		if df[stems[i]] != df[stems[j]] {
			return df[stems[i]] > df[stems[j]]
		}
		return stems[i] < stems[j]
	})
	if len(stems) > top {
		stems = stems[:top]
	}
	return writeGz(out, func(w io.Writer) error {
		fmt.Fprintf(w, "#docs\t%d\n", docs)
		for _, s := range stems {
			fmt.Fprintf(w, "%s\t%d\n", s, df[s])
		}
		return nil
	})
}

func writeGz(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	if err := write(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
