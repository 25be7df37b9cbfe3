package gold

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// entities returns each span's text and label, "text/LABEL".
func entities(d Document) []string {
	var out []string
	for _, s := range d.Spans {
		out = append(out, d.Text[s.Start:s.End]+"/"+s.Label)
	}
	return out
}

func TestReadJSONL(t *testing.T) {
	in := `{"id":"a","text":"À Paris, Gérald Darmanin.","entities":[{"start":10,"end":26,"label":"PER","text":"Gérald Darmanin"},{"start":3,"end":8,"label":"LOC"}]}

{"id":"b","text":"rien","entities":[]}
`
	docs, err := ReadJSONL(strings.NewReader(in), "x.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "b" {
		t.Fatalf("docs %+v", docs)
	}
	if got, want := entities(docs[0]), []string{"Paris/LOC", "Gérald Darmanin/PER"}; !reflect.DeepEqual(got, want) {
		t.Errorf("entities %v, want %v (sorted)", got, want)
	}
}

func TestReadJSONLErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		where    string
	}{
		{"syntax", "{\"id\":\"a\",\"text\":\"x\",\"entities\":[]}\n{oops\n", ErrSyntax, "f.jsonl:2:"},
		{"range", `{"id":"a","text":"abc","entities":[{"start":1,"end":9,"label":"PER"}]}`, ErrSpan, "f.jsonl:1:"},
		{"utf8", `{"id":"a","text":"été","entities":[{"start":1,"end":3,"label":"PER"}]}`, ErrSpan, "f.jsonl:1:"},
		{"text", `{"id":"a","text":"abc","entities":[{"start":0,"end":2,"label":"PER","text":"bc"}]}`, ErrSpan, "f.jsonl:1:"},
		{"overlap", `{"id":"a","text":"abcd","entities":[{"start":0,"end":2,"label":"PER"},{"start":1,"end":3,"label":"LOC"}]}`, ErrSpan, "f.jsonl:1:"},
		{"label", `{"id":"a","text":"abc","entities":[{"start":0,"end":2,"label":"FOO"}]}`, ErrLabel, "f.jsonl:1:"},
	}
	for _, tt := range tests {
		_, err := ReadJSONL(strings.NewReader(tt.in), "f.jsonl", nil)
		if !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), tt.where) {
			t.Errorf("%s: error %v, want %v at %s", tt.name, err, tt.want, tt.where)
		}
	}
}

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opt  CoNLLOptions
		text []string
		ents [][]string
	}{
		{
			name: "IOB2 3 columns, sentences",
			in:   "0\tOn\tO\n1\tla\tO\n2\tvoit\tO\n3\tà\tO\n4\tNew\tB-LOC\n5\tYork\tI-LOC\n\n0\tMarie\tB-PER\n1\tCurie\tI-PER\n2\tet\tO\n3\tPierre\tB-PER\n",
			text: []string{"On la voit à New York\nMarie Curie et Pierre"},
			ents: [][]string{{"New York/LOC", "Marie Curie/PER", "Pierre/PER"}},
		},
		{
			name: "IOB1 2 columns, no sentence breaks, period breaks, docs",
			in:   "Paris I-LOC\nLondres I-LOC\n. O\n# a comment\nM. O\nDupont I-PER\nDurand B-PER\n-DOCSTART- -X-\nLe I-ORG\nTemps I-ORG\n",
			opt:  CoNLLOptions{PeriodBreaks: true},
			text: []string{"Paris Londres .\nM. Dupont Durand", "Le Temps"},
			ents: [][]string{{"Paris Londres/LOC", "Dupont/PER", "Durand/PER"}, {"Le Temps/ORG"}},
		},
		{
			name: "BILOU, label map dropping MISC, sentences per doc, keep",
			in:   "a U-PER\n\nb B-MISC\nc L-MISC\n\nd S-LOC\n\ne O\n",
			opt:  CoNLLOptions{Labels: LabelMap{"per": "PER", "loc": "LOC", "misc": ""}, SentencesPerDoc: 1, Keep: func(i int) bool { return i != 2 }},
			text: []string{"a", "b c", "e"},
			ents: [][]string{{"a/PER"}, nil, nil},
		},
		{
			name: "CoNLL-2003 columns, CRLF, blank runs",
			in:   "EU NNP B-NP B-ORG\r\n\r\n\r\nrejects VBZ B-VP O\r\n",
			text: []string{"EU\nrejects"},
			ents: [][]string{{"EU/ORG"}},
		},
		{name: "empty", in: "\n\n# only a comment\n"},
	}
	for _, tt := range tests {
		docs, err := ReadCoNLL(strings.NewReader(tt.in), "f.conll", tt.opt)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(docs) != len(tt.text) {
			t.Errorf("%s: %d docs, want %d", tt.name, len(docs), len(tt.text))
			continue
		}
		for i, d := range docs {
			if d.Text != tt.text[i] {
				t.Errorf("%s: doc %d text %q, want %q", tt.name, i, d.Text, tt.text[i])
			}
			if got := entities(d); !reflect.DeepEqual(got, tt.ents[i]) {
				t.Errorf("%s: doc %d entities %v, want %v", tt.name, i, got, tt.ents[i])
			}
		}
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		where    string
	}{
		{"missing column", "a O\nlonely\n", ErrSyntax, "f.conll:2:"},
		{"bad tag", "a O\n\nb X-PER\n", ErrTag, "f.conll:3:"},
		{"bad prefix", "a BPER\n", ErrTag, "f.conll:1:"},
		{"unknown label", "a O\nb B-FOO\n", ErrLabel, "f.conll:2:"},
	}
	for _, tt := range tests {
		_, err := ReadCoNLL(strings.NewReader(tt.in), "f.conll", CoNLLOptions{})
		if !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), tt.where) {
			t.Errorf("%s: error %v, want %v at %s", tt.name, err, tt.want, tt.where)
		}
	}
}

const hipeSample = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tMISC\n" +
	"# hipe2022:document_id = doc1\n" +
	"# hipe2022:date = 1923-01-15\n" +
	"M\tB-pers\tO\tNoSpaceAfter\n" +
	".\tI-pers\tO\t_\n" +
	"Hagenbeck\tI-pers\tO\tNoSpaceAfter|EndOfLine\n" +
	",\tO\tO\t_\n" +
	"de\tO\tO\t_\n" +
	"Hambourg\tB-loc\tO\tNoSpaceAfter\n" +
	".\tO\tO\tEndOfSentence\n" +
	"Le\tB-time\tO\t_\n" +
	"15\tI-time\tO\t_\n" +
	"l\tO\tO\tNoSpaceAfter\n" +
	"'\tO\tO\tNoSpaceAfter\n" +
	"Oeuvre\tB-HumanProd\tO\t_\n" +
	"# document_id = doc2\n" +
	"Genève\tB-LOC\t_\t_\n"

func TestReadHIPE(t *testing.T) {
	docs, err := ReadHIPE(strings.NewReader(hipeSample), "f.tsv", HIPEOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "doc1" || docs[1].ID != "doc2" {
		t.Fatalf("docs %+v", docs)
	}
	if want := "M. Hagenbeck, de Hambourg.\nLe 15 l'Oeuvre"; docs[0].Text != want {
		t.Errorf("text %q, want %q", docs[0].Text, want)
	}
	if got, want := entities(docs[0]), []string{"M. Hagenbeck/PER", "Hambourg/LOC", "Oeuvre/MISC"}; !reflect.DeepEqual(got, want) {
		t.Errorf("entities %v, want %v", got, want)
	}
	if got := entities(docs[1]); !reflect.DeepEqual(got, []string{"Genève/LOC"}) {
		t.Errorf("doc2 entities %v", got)
	}
}

func TestReadHIPEErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		where    string
	}{
		{"no header", "Paris\tB-loc\t_\n", ErrSyntax, "f.tsv:1:"},
		{"no column", "TOKEN\tMISC\n", ErrSyntax, "f.tsv:1:"},
		{"short line", "TOKEN\tNE-COARSE-LIT\tMISC\nParis\tB-loc\n", ErrSyntax, "f.tsv:2:"},
		{"bad tag", "TOKEN\tNE-COARSE-LIT\tMISC\n# x\nParis\tZ-loc\t_\n", ErrTag, "f.tsv:3:"},
	}
	for _, tt := range tests {
		_, err := ReadHIPE(strings.NewReader(tt.in), "f.tsv", HIPEOptions{})
		if !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), tt.where) {
			t.Errorf("%s: error %v, want %v at %s", tt.name, err, tt.want, tt.where)
		}
	}
}
