package eval

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestNERReport(t *testing.T) {
	var r NERReport
	goldSpans := []Span{{Start: 0, End: 5, Label: "PER"}, {Start: 10, End: 16, Label: "LOC"}, {Start: 20, End: 23, Label: "ORG"}, {Start: 30, End: 40, Label: "MISC"}}
	pred := []Span{{Start: 0, End: 5, Label: "PER"}, {Start: 10, End: 16, Label: "ORG"}, {Start: 20, End: 23, Label: "ORG"}, {Start: 20, End: 23, Label: "ORG"}, {Start: 50, End: 52, Label: "OPERATION"}}
	fp, fn := r.Add(goldSpans, pred)
	if want := []Span{{Start: 10, End: 16, Label: "ORG"}, {Start: 50, End: 52, Label: "OPERATION"}}; !reflect.DeepEqual(fp, want) {
		t.Errorf("fp %v, want %v", fp, want)
	}
	if want := []Span{{Start: 10, End: 16, Label: "LOC"}, {Start: 30, End: 40, Label: "MISC"}}; !reflect.DeepEqual(fn, want) {
		t.Errorf("fn %v, want %v", fn, want)
	}
	tests := []struct {
		name string
		got  Counts
		want Counts
	}{
		{"core", r.Core, Counts{TP: 2, FP: 1, FN: 1}},
		{"micro", r.Micro, Counts{TP: 2, FP: 2, FN: 2}},
		{"PER", r.Labels["PER"], Counts{TP: 1}},
		{"LOC", r.Labels["LOC"], Counts{FN: 1}},
		{"ORG", r.Labels["ORG"], Counts{TP: 1, FP: 1}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
	if f := r.Core.F1(); math.Abs(f-2.0/3) > 1e-9 {
		t.Errorf("core F1 %v", f)
	}
	if (Counts{}).F1() != 0 || (Counts{}).Precision() != 0 {
		t.Error("empty counts must score 0")
	}
	b, err := json.Marshal(r)
	if err != nil || !strings.Contains(string(b), `"core":{"tp":2,"fp":1,"fn":1,"precision":0.6666666666666666,"recall":0.6666666666666666,"f1":0.6666666666666666}`) {
		t.Errorf("json %s %v", b, err)
	}
}
