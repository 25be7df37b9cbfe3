package textio

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// The default dump text fields, by role: the document text joins the first
// present field of each group, in this order.
var (
	titleFields = []string{"title"}
	leadFields  = []string{"heading", "summary", "chapo", "description"}
	bodyFields  = []string{"text", "body", "article", "content"}
	dateFields  = []string{"date", "published", "pubdate"}
)

// dateLayouts are the date forms Doc.Date is normalised from.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.DateOnly,
	"2006-01-02T15:04:05",
	time.DateTime,
}

// dump yields one Doc per non-blank line of the JSON Lines stream in, which
// may be gzipped (detected by its magic bytes, not its name).
func (r *reader) dump(name string, in io.Reader) bool {
	br := bufio.NewReaderSize(in, 64<<10)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return r.emit(Doc{Source: name, Err: fmt.Errorf("%s: %w", name, err)})
		}
		defer gz.Close()
		br = bufio.NewReaderSize(gz, 64<<10)
	}
	max := r.opt.maxBytes()
	var buf []byte
	for lineNo := 1; ; lineNo++ {
		if r.ctx.Err() != nil {
			return false
		}
		line, tooLong, err := readLine(br, max, buf[:0])
		buf = line
		if err != nil && err != io.EOF { // a partial line is not worth parsing
			return r.emit(Doc{Source: name, Err: fmt.Errorf("%s:%d: reading: %w", name, lineNo, err)})
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
		}
		switch {
		case tooLong:
			d := Doc{Source: lineSource(name, lineNo), Err: fmt.Errorf("%s:%d: %w (line over %d bytes)", name, lineNo, ErrTooLarge, max)}
			if !r.emit(d) {
				return false
			}
		case len(bytes.TrimSpace(line)) > 0:
			if !r.emit(r.opt.article(name, lineNo, line)) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line into buf, without its end. A line longer than
// max is consumed to its end and reported as tooLong.
func readLine(br *bufio.Reader, max int64, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			buf = append(buf, chunk...)
			if int64(len(buf)) > max+2 { // +2: the line end
				tooLong, buf = true, buf[:0]
			}
		}
		if err != bufio.ErrBufferFull {
			buf = bytes.TrimRight(buf, "\r\n")
			return buf, tooLong, err
		}
	}
}

func lineSource(name string, lineNo int) string {
	return name + ":" + strconv.Itoa(lineNo)
}

// article makes the Doc of one dump line.
func (o Options) article(name string, lineNo int, line []byte) Doc {
	bad := func(format string, args ...any) Doc {
		return Doc{Source: lineSource(name, lineNo), Err: fmt.Errorf("%s:%d: %w: %s", name, lineNo, ErrBadLine, fmt.Sprintf(format, args...))}
	}
	if line[0] != '{' {
		return bad("not a JSON object")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return bad("invalid JSON: %v", err)
	}
	idField := o.IDField
	if idField == "" {
		idField = "id"
	}
	id, err := idString(fields[idField])
	if err != nil {
		return bad("field %q: %v", idField, err)
	}
	if id == "" {
		id = strconv.Itoa(lineNo)
	}

	var parts []string
	found := false
	add := func(f string) error {
		s, ok, err := stringField(fields, f)
		if err != nil {
			return fmt.Errorf("field %q: %w", f, err)
		}
		found = found || ok
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
		return nil
	}
	if len(o.TextFields) > 0 {
		for _, f := range o.TextFields {
			if err := add(f); err != nil {
				return bad("%v", err)
			}
		}
		if !found {
			return bad("no text field (want one of %s)", strings.Join(o.TextFields, ", "))
		}
	} else {
		groups := [][]string{titleFields, leadFields, bodyFields}
		for _, g := range groups {
			if f := firstPresent(fields, g); f != "" {
				if err := add(f); err != nil {
					return bad("%v", err)
				}
			}
		}
		if !found {
			return bad("no text field (want title, one of %s, or one of %s)", strings.Join(leadFields, ", "), strings.Join(bodyFields, ", "))
		}
	}
	if len(parts) == 0 {
		return Doc{Source: lineSource(name, lineNo), Err: fmt.Errorf("%s:%d: %w", name, lineNo, ErrEmpty)}
	}

	d := Doc{Source: name + "#" + id, Encoding: UTF8, Text: normalize(strings.Join(parts, "\n\n"))}
	if title, _, err := stringField(fields, "title"); err == nil {
		d.Title = normalize(title)
	}
	dateField := o.DateField
	if dateField == "" {
		dateField = firstPresent(fields, dateFields)
	}
	if s, _, err := stringField(fields, dateField); err == nil {
		d.Date = normalizeDate(s)
	}
	return d
}

// firstPresent returns the first of names that fields holds with a non-null
// value, or "".
func firstPresent(fields map[string]json.RawMessage, names []string) string {
	for _, n := range names {
		if v, ok := fields[n]; ok && string(v) != "null" {
			return n
		}
	}
	return ""
}

var errNotString = errors.New("not a string")

// stringField returns field f of fields; ok is false when it is missing or
// null.
func stringField(fields map[string]json.RawMessage, f string) (s string, ok bool, err error) {
	v, present := fields[f]
	if !present || string(v) == "null" {
		return "", false, nil
	}
	if len(v) == 0 || v[0] != '"' {
		return "", false, errNotString
	}
	if err := json.Unmarshal(v, &s); err != nil {
		return "", false, err
	}
	return s, true, nil
}

// idString formats an id value: a string as is, a number as written.
// Missing or null gives "".
func idString(v json.RawMessage) (string, error) {
	switch {
	case len(v) == 0 || string(v) == "null":
		return "", nil
	case v[0] == '"':
		var s string
		err := json.Unmarshal(v, &s)
		return s, err
	case v[0] == '-' || v[0] >= '0' && v[0] <= '9':
		return string(v), nil
	default:
		return "", errors.New("not a string or number")
	}
}

// normalizeDate returns s as YYYY-MM-DD when it parses as RFC 3339 or a
// date-only or date-time form, keeping the date as written (no time-zone
// conversion), and "" otherwise.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}
