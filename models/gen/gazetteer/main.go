// Command gazetteer builds the gazetteer lists of models/gazetteer from npm
// packages installed outside the repository and the hand-written lists in
// models/gen/gazetteer/lists:
//
//	(mkdir -p /tmp/gaz && cd /tmp/gaz && npm install --no-save \
//	    @etalab/decoupage-administratif@6.0.0 i18n-iso-countries@7.14.0 \
//	    gender-detection-from-name@1.11.5)
//	go run ./models/gen/gazetteer -npm /tmp/gaz/node_modules \
//	    -exclude ../shared/corpus/news-fr-gold/dev.jsonl -out models/gazetteer
//
// It writes one <class>.txt per class (entries NFC-normalised, apostrophes
// as ', sorted by bytes, unique) and SOURCES.md, which records every
// source with its version, licence and counts, followed by the licence
// texts.
//
// One-word first names and small communes that news writes mostly in
// lower case (« Avant », « Santé », « Aucun ») are dropped: the casing
// counts come from the train split of OrangeSum (-orangesum, read with
// package tokenize) minus the articles of the NER dev set (-exclude; the
// command fails if that file is missing), and are not shipped. The output
// depends only on these inputs, so a rerun with the same package versions
// and tokenizer reproduces the files byte for byte.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/veille/veille/models/gen/internal/exclude"
)

// largeCommune is the population from which a commune also goes to
// largecommune.txt.
const largeCommune = 10000

func main() {
	npm := flag.String("npm", "/tmp/gaz/node_modules", "node_modules folder holding the npm packages")
	lists := flag.String("lists", "models/gen/gazetteer/lists", "folder of the hand-written lists")
	orangesum := flag.String("orangesum", "../shared/corpus/orangesum/articles.jsonl.gz", "OrangeSum articles, whose train split the casing filter reads")
	excl := exclude.Flag()
	out := flag.String("out", "models/gazetteer", "output folder")
	flag.Parse()
	if err := run(*npm, *lists, *orangesum, *excl, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
}

// source is one origin of entries, as SOURCES.md reports it.
type source struct {
	name    string // npm package name, or "hand-written"
	version string
	licence string
	note    string
	licText string              // licence text shipped with the package
	counts  map[string]int      // output file → entries contributed
	entries map[string][]string // output file → entries
}

func (s *source) add(file, entry string) {
	entry = normalise(entry)
	if entry == "" {
		return
	}
	if s.entries == nil {
		s.entries = make(map[string][]string)
		s.counts = make(map[string]int)
	}
	s.entries[file] = append(s.entries[file], entry)
	s.counts[file]++
}

func run(npm, lists, orangesum, excludeFile, out string) error {
	skip, err := exclude.Load(excludeFile)
	if err != nil {
		return err
	}
	keep, err := newFilter(filepath.Join(lists, "stopwords.txt"), orangesum, skip)
	if err != nil {
		return err
	}
	var sources []*source
	for _, build := range []func(string, *filter) (*source, error){cog, countries, firstNames} {
		s, err := build(npm, keep)
		if err != nil {
			return err
		}
		sources = append(sources, s)
	}
	hand, err := handLists(lists)
	if err != nil {
		return err
	}
	sources = append(sources, hand)

	files := make(map[string][]string)
	for _, s := range sources {
		for f, es := range s.entries {
			files[f] = append(files[f], es...)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	totals := make(map[string]int)
	for f, es := range files {
		slices.Sort(es)
		es = slices.Compact(es)
		totals[f] = len(es)
		if err := os.WriteFile(filepath.Join(out, f), []byte(strings.Join(es, "\n")+"\n"), 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(out, "SOURCES.md"), sourcesMD(sources, totals, keep.report()), 0o644)
}

// normalise puts an entry in NFC with ASCII apostrophes and single spaces.
func normalise(s string) string {
	s = norm.NFC.String(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// pkgInfo reads an npm package's version, licence and licence text.
func pkgInfo(npm, name string) (*source, error) {
	dir := filepath.Join(npm, filepath.FromSlash(name))
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("%w (run the npm install in this command's doc)", err)
	}
	var meta struct{ Version, License string }
	if err := json.Unmarshal(raw, &meta); err != nil {
		return nil, fmt.Errorf("%s/package.json: %w", name, err)
	}
	lic, err := os.ReadFile(filepath.Join(dir, "LICENSE"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &source{name: name, version: meta.Version, licence: meta.License, licText: string(lic)}, nil
}

func readJSON(path string, v any) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// withoutArticle returns name without a leading article (Le Havre →
// Havre, L'Haÿ-les-Roses → Haÿ-les-Roses), since « au Havre », « du Havre »
// name the town without it; "" when name has none.
func withoutArticle(name string) string {
	for _, a := range []string{"Le ", "La ", "Les ", "L'"} {
		if rest, ok := strings.CutPrefix(name, a); ok {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				return rest
			}
		}
	}
	return ""
}

// placeNames adds name and its article-less form to file, unless keep
// drops them; large names are exempt from the casing test.
func placeNames(s *source, file, name string, keep *filter, large bool) {
	for _, n := range []string{name, withoutArticle(name)} {
		if n != "" && keep.keep(file, n, large) {
			s.add(file, n)
		}
	}
}

// cog reads communes, départements and régions from the INSEE Code
// officiel géographique as packaged by Etalab.
func cog(npm string, keep *filter) (*source, error) {
	const pkg = "@etalab/decoupage-administratif"
	s, err := pkgInfo(npm, pkg)
	if err != nil {
		return nil, err
	}
	s.licence = "code " + s.licence + "; data Licence Ouverte / Open Licence 2.0 (Etalab)"
	s.note = "INSEE Code officiel géographique (communes actuelles, déléguées and associées; départements; régions), populations légales INSEE"
	data := filepath.Join(npm, pkg, "data")
	var communes []struct {
		Nom        string
		Type       string
		Population int
	}
	if err := readJSON(filepath.Join(data, "communes.json"), &communes); err != nil {
		return nil, err
	}
	for _, c := range communes {
		if c.Type == "arrondissement-municipal" { // « Paris 1er Arrondissement »
			continue
		}
		large := c.Type == "commune-actuelle" && c.Population >= largeCommune
		placeNames(s, "commune.txt", c.Nom, keep, large)
		if large {
			placeNames(s, "largecommune.txt", c.Nom, keep, true)
		}
	}
	for file, json := range map[string]string{"department.txt": "departements.json", "region.txt": "regions.json"} {
		var areas []struct{ Nom string }
		if err := readJSON(filepath.Join(data, json), &areas); err != nil {
			return nil, err
		}
		for _, a := range areas {
			placeNames(s, file, a.Nom, keep, true)
		}
	}
	return s, nil
}

// countries reads the French country names of ISO 3166-1.
func countries(npm string, _ *filter) (*source, error) {
	const pkg = "i18n-iso-countries"
	s, err := pkgInfo(npm, pkg)
	if err != nil {
		return nil, err
	}
	s.note = "ISO 3166-1 country names, French locale (langs/fr.json)"
	var fr struct {
		Countries map[string]json.RawMessage
	}
	if err := readJSON(filepath.Join(npm, pkg, "langs", "fr.json"), &fr); err != nil {
		return nil, err
	}
	paren := regexp.MustCompile(`\s*\(.*\)`)
	for code, raw := range fr.Countries {
		var names []string
		if err := json.Unmarshal(raw, &names); err != nil { // one name, or several
			var one string
			if err := json.Unmarshal(raw, &one); err != nil {
				return nil, fmt.Errorf("fr.json %s: %w", code, err)
			}
			names = []string{one}
		}
		for _, n := range names {
			// « Saint-Siège (Vatican) » → « Saint-Siège »
			s.add("country.txt", paren.ReplaceAllString(n, ""))
		}
	}
	return s, nil
}

// firstNames reads the given names of every language in
// gender-detection-from-name (JavaScript Maps of lower-case names).
func firstNames(npm string, keep *filter) (*source, error) {
	const pkg = "gender-detection-from-name"
	s, err := pkgInfo(npm, pkg)
	if err != nil {
		return nil, err
	}
	s.note = "given names with gender, names/{de,en,es,fr,it,tr}.js"
	files, err := filepath.Glob(filepath.Join(npm, pkg, "names", "*.js"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%s: no names/*.js (%v)", pkg, err)
	}
	slices.Sort(files)
	pair := regexp.MustCompile(`\[\s*'([^']+)'\s*,\s*'(?:male|female|unisex)'\s*\]`)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ms := pair.FindAllSubmatch(raw, -1)
		if len(ms) == 0 {
			return nil, fmt.Errorf("%s: no name found", f)
		}
		for _, m := range ms {
			name := string(m[1])
			// Skip initials and abbreviations (jb, st).
			if utf8.RuneCountInString(name) < 2 || !strings.ContainsAny(name, "aeiouyàâäéèêëîïôöùûüÿ") {
				continue
			}
			if name = titleCase(name); keep.keep("firstname.txt", name, false) {
				s.add("firstname.txt", name)
			}
		}
	}
	return s, nil
}

// titleCase capitalises each part of a lower-case name: jean-pierre →
// Jean-Pierre, marie claire → Marie Claire.
func titleCase(name string) string {
	rs := []rune(name)
	for i, r := range rs {
		if i == 0 || rs[i-1] == '-' || rs[i-1] == ' ' || rs[i-1] == '\'' {
			rs[i] = unicode.ToUpper(r)
		}
	}
	return string(rs)
}

// handFiles maps each hand-written list to the output file it feeds.
var handFiles = map[string]string{
	"city.txt":        "city.txt",
	"country.txt":     "country.txt",
	"demonym.txt":     "demonym.txt",
	"locword.txt":     "locword.txt",
	"media.txt":       "media.txt",
	"operation.txt":   "operation.txt",
	"opword.txt":      "operationword.txt",
	"org.txt":         "org.txt",
	"orgword.txt":     "orgword.txt",
	"region.txt":      "region.txt",
	"title.txt":       "title.txt",
	"worldregion.txt": "worldregion.txt",
}

func handLists(dir string) (*source, error) {
	s := &source{name: "hand-written", version: "models/gen/gazetteer/lists", licence: "same as veille (written for it)",
		note: "capitals and world cities, country and region variants, world regions, media, organisations, titles, demonyms, trigger words, operations"}
	names := make([]string, 0, len(handFiles))
	for in := range handFiles {
		names = append(names, in)
	}
	slices.Sort(names)
	for _, in := range names {
		entries, err := readList(filepath.Join(dir, in))
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if handFiles[in] == "demonym.txt" {
				for _, f := range inflect(e) {
					s.add("demonym.txt", f)
				}
				continue
			}
			s.add(handFiles[in], e)
		}
	}
	return s, nil
}

// readList reads a hand-written list: one entry a line, # comments.
func readList(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for i, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsRune(line, '\t') {
			return nil, fmt.Errorf("%s line %d: tab in entry", path, i+1)
		}
		out = append(out, line)
	}
	return out, nil
}

// inflect returns the four forms of a French adjective given as its
// masculine singular, or as "masculine|feminine" when the feminine is
// irregular (grec|grecque).
func inflect(entry string) []string {
	masc, fem, irregular := strings.Cut(entry, "|")
	if !irregular {
		switch {
		case strings.HasSuffix(masc, "e"):
			fem = masc
		case strings.HasSuffix(masc, "ien"), strings.HasSuffix(masc, "éen"), strings.HasSuffix(masc, "on"):
			fem = masc + "ne"
		default:
			fem = masc + "e"
		}
	}
	plural := func(w string) string {
		if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") {
			return w
		}
		return w + "s"
	}
	return []string{masc, fem, plural(masc), plural(fem)}
}

func sourcesMD(sources []*source, totals map[string]int, filterReport string) []byte {
	var b bytes.Buffer
	b.WriteString("# Gazetteer sources\n\nWritten by `go run ./models/gen/gazetteer`; do not edit by hand.\n\n")
	b.WriteString("| source | version | licence | what | file: entries contributed |\n|---|---|---|---|---|\n")
	for _, s := range sources {
		files := make([]string, 0, len(s.counts))
		for f := range s.counts {
			files = append(files, f)
		}
		slices.Sort(files)
		var parts []string
		for _, f := range files {
			parts = append(parts, fmt.Sprintf("%s: %d", f, s.counts[f]))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", s.name, s.version, s.licence, s.note, strings.Join(parts, ", "))
	}
	b.WriteString("\nContributed counts are before deduplication. Unique entries per file:\n\n| file | entries |\n|---|---:|\n")
	files := make([]string, 0, len(totals))
	sum := 0
	for f, n := range totals {
		files = append(files, f)
		sum += n
	}
	slices.Sort(files)
	for _, f := range files {
		fmt.Fprintf(&b, "| %s | %d |\n", f, totals[f])
	}
	fmt.Fprintf(&b, "| total | %d |\n", sum)
	b.WriteString(filterReport)
	b.WriteString("\n## Licence texts\n")
	for _, s := range sources {
		if s.licText == "" {
			continue
		}
		fmt.Fprintf(&b, "\n### %s %s\n\n```\n%s\n```\n", s.name, s.version, strings.TrimSpace(s.licText))
	}
	return b.Bytes()
}
