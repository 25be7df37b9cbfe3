package ner

// The tag set is BILOU over the five labels: tag 0 is O, and label l has
// B = 1+4l, I = 2+4l, L = 3+4l, U = 4+4l.
var labelNames = [...]string{"PER", "LOC", "ORG", "OPERATION", "MISC"}

const (
	numLabels = len(labelNames)
	numTags   = 1 + 4*numLabels
)

const (
	bilouB = iota
	bilouI
	bilouL
	bilouU
)

func tagOf(label, part int) int { return 1 + 4*label + part }

// tagLabel returns a tag's label index, -1 for O.
func tagLabel(t int) int {
	if t == 0 {
		return -1
	}
	return (t - 1) / 4
}

func tagPart(t int) int { return (t - 1) % 4 }

func labelIndex(name string) int {
	for i, n := range labelNames {
		if n == name {
			return i
		}
	}
	return -1
}

// opens reports whether t leaves an entity open (B or I): only I or L of the
// same label may follow.
func opens(t int) bool { return t != 0 && (tagPart(t) == bilouB || tagPart(t) == bilouI) }

// allowed reports whether tag cur may follow tag prev; prev = -1 is the start.
func allowed(prev, cur int) bool {
	if prev >= 0 && opens(prev) {
		return cur != 0 && tagLabel(cur) == tagLabel(prev) && (tagPart(cur) == bilouI || tagPart(cur) == bilouL)
	}
	return cur == 0 || tagPart(cur) == bilouB || tagPart(cur) == bilouU
}

// prevTags[cur] lists the tags allowed before cur; the decoder only scores
// these, a third of the full square.
var prevTags = func() (p [numTags][]int8) {
	for cur := 0; cur < numTags; cur++ {
		for prev := 0; prev < numTags; prev++ {
			if allowed(prev, cur) {
				p[cur] = append(p[cur], int8(prev))
			}
		}
	}
	return p
}()

// tokSpan is an entity over tokens [first, last] with a label index.
type tokSpan struct{ first, last, label int }

// spansToTags writes the BILOU tags of spans into tags (zeroed first).
func spansToTags(spans []tokSpan, tags []int8) {
	for i := range tags {
		tags[i] = 0
	}
	for _, s := range spans {
		if s.first == s.last {
			tags[s.first] = int8(tagOf(s.label, bilouU))
			continue
		}
		tags[s.first] = int8(tagOf(s.label, bilouB))
		for i := s.first + 1; i < s.last; i++ {
			tags[i] = int8(tagOf(s.label, bilouI))
		}
		tags[s.last] = int8(tagOf(s.label, bilouL))
	}
}

// tagsToSpans reads entities back from a valid BILOU sequence.
func tagsToSpans(tags []int8, out []tokSpan) []tokSpan {
	first := -1
	for i, t8 := range tags {
		t := int(t8)
		if t == 0 {
			first = -1
			continue
		}
		switch tagPart(t) {
		case bilouU:
			out = append(out, tokSpan{i, i, tagLabel(t)})
			first = -1
		case bilouB:
			first = i
		case bilouL:
			if first >= 0 {
				out = append(out, tokSpan{first, i, tagLabel(t)})
			}
			first = -1
		}
	}
	return out
}
