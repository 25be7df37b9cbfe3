package tokenize

import (
	"fmt"
	"os"
	"sort"
	"testing"
)

func TestDbgGlue(t *testing.T) {
	if os.Getenv("DBG") == "" {
		t.Skip()
	}
	arts := orangesum(t, 8000)
	split := map[string]int{}
	kept := map[string]int{}
	for _, text := range arts {
		toks := Tokenize(text)
		for i, tk := range toks {
			if i > 0 && toks[i-1].End == tk.Start && tk.Kind == Word && (toks[i-1].Kind == Word || toks[i-1].Kind == Number) && endsAlnum(toks[i-1].Text) && startsUpper(tk.Text) {
				split[toks[i-1].Text+"|"+tk.Text]++
			}
			if tk.Kind == Word {
				prev := rune(-1)
				for _, r := range tk.Text {
					if isUpper(r) && isLower(prev) {
						kept[tk.Text]++
						break
					}
					prev = r
				}
			}
		}
	}
	dump := func(name string, m map[string]int) {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		fmt.Println(name, len(l))
		for i, e := range l {
			if i > 150 {
				break
			}
			fmt.Printf("%s:%d  ", e.k, e.v)
		}
		fmt.Println()
	}
	dump("SPLIT", split)
	dump("KEPT", kept)
}
