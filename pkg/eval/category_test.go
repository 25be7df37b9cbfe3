package eval_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille/pkg/eval"
	"github.com/veille/veille/pkg/topic/category"
)

// categoryLines are original texts in OrangeSum's JSON Lines shape; line 3
// is broken on purpose.
var categoryLines = []string{
	`{"id":"t1","category":"auto","subcategory":null,"title":"Essai de la nouvelle citadine électrique","heading":"","article":"Le constructeur annonce une autonomie de 300 kilomètres, une recharge rapide et un moteur de 130 chevaux. La boîte automatique et le coffre séduisent.","split":"test"}`,
	`{"id":"t2","category":"politique","subcategory":null,"title":"Motion de censure à l'Assemblée","heading":"Les députés de l'opposition attaquent le gouvernement.","article":"Le Premier ministre a engagé la responsabilité du gouvernement sur le budget. Le Sénat et les groupes parlementaires dénoncent un passage en force.","split":"test"}`,
	`{"id":"t3","category":`,
	`{"id":"t4","category":"societe","subcategory":"fait-divers","title":"Un conducteur ivre percute un piéton","heading":"","article":"Le suspect a été placé en garde à vue par les gendarmes. Le parquet a ouvert une enquête pour homicide involontaire.","split":"test"}`,
	`{"id":"t5","category":"monde","subcategory":null,"title":"Sommet à Washington","heading":"","article":"Le président américain a reçu son homologue brésilien.","split":"dev"}`,
}

func writeCategoryDump(t *testing.T, lines []string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "articles.jsonl.gz")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEvalCategories(t *testing.T) {
	clf, err := category.Default()
	if err != nil {
		t.Fatal(err)
	}
	path := writeCategoryDump(t, categoryLines)
	rep, err := eval.EvalCategories(context.Background(), clf, path, "test")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Docs != 3 || rep.BadLines != 1 {
		t.Fatalf("docs %d bad lines %d, want 3 and 1", rep.Docs, rep.BadLines)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0], path) || !strings.Contains(rep.Errors[0], "line 3") {
		t.Errorf("errors %q should name %s and line 3", rep.Errors, path)
	}
	if len(rep.Classes) != 12 || len(rep.Confusion) != 12 {
		t.Fatalf("%d classes, %d confusion rows, want 12", len(rep.Classes), len(rep.Confusion))
	}
	total, diag := 0, 0
	for i, row := range rep.Confusion {
		for j, n := range row {
			total += n
			if i == j {
				diag += n
			}
		}
	}
	if total != rep.Docs || rep.Accuracy != float64(diag)/float64(total) {
		t.Errorf("confusion total %d diagonal %d inconsistent with docs %d accuracy %v", total, diag, rep.Docs, rep.Accuracy)
	}
	support := map[string]int{}
	for _, c := range rep.Classes {
		support[c.ID] = c.Support
		if c.F1 < 0 || c.F1 > 1 || c.Precision > 1 || c.Recall > 1 {
			t.Errorf("class %+v out of range", c)
		}
	}
	for _, id := range []string{"auto", "politique", "societe/fait-divers"} {
		if support[id] != 1 {
			t.Errorf("support of %s = %d, want 1", id, support[id])
		}
	}
	if support["monde"] != 0 {
		t.Errorf("the dev article was counted")
	}

	var text, js bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "accuracy=") || !strings.Contains(text.String(), "societe/fait-divers") {
		t.Errorf("text report lacks totals or classes:\n%s", text.String())
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back eval.CategoryReport
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Docs != rep.Docs || back.MacroF1 != rep.MacroF1 {
		t.Errorf("JSON round trip: %v, %+v", err, back)
	}
}

func TestEvalCategoriesMissingFile(t *testing.T) {
	clf, err := category.Default()
	if err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "absent.jsonl.gz")
	if _, err := eval.EvalCategories(context.Background(), clf, missing, "test"); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("error %v should name %s", err, missing)
	}
}
