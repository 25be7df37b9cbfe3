package ner

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// A model file is little-endian:
//
//	magic "VNERMODL", format version u32, featureVersion u32, numTags u32,
//	flags u32 (flagSecondPass, flagGazetteer, flagClusters), rows u32, cells u32,
//	keys [rows]u64, row ends [rows]u32, cell slots [cells]u8, cell weights [cells]i16,
//	then per pass: scale f32, trans [(numTags+1)*numTags]f32,
//	then info length u32 and info bytes.
const (
	modelMagic   = "VNERMODL"
	modelVersion = 2

	flagSecondPass = 1 << 0 // a document-consistency pass follows the first
	flagGazetteer  = 1 << 1 // features read gazetteer.Default
	flagClusters   = 1 << 2 // features read wordcluster.Default
)

// Save writes the model in the binary format Load reads.
func (t *Tagger) Save(w io.Writer) error {
	var buf []byte
	u32 := func(v uint32) { buf = binary.LittleEndian.AppendUint32(buf, v) }
	buf = append(buf, modelMagic...)
	u32(modelVersion)
	u32(featureVersion)
	u32(uint32(numTags))
	flags := t.lex.flags()
	passes := 1
	if t.twoPass {
		flags |= flagSecondPass
		passes = 2
	}
	u32(flags)
	u32(uint32(len(t.keys)))
	u32(uint32(len(t.cells)))
	for _, k := range t.keys {
		buf = binary.LittleEndian.AppendUint64(buf, k)
	}
	for _, e := range t.start[1:] {
		u32(e)
	}
	for _, c := range t.cells {
		buf = append(buf, c.slot)
	}
	for _, c := range t.cells {
		buf = binary.LittleEndian.AppendUint16(buf, uint16(c.w))
	}
	for p := 0; p < passes; p++ {
		u32(math.Float32bits(t.scale[p]))
		for _, v := range t.trans[p] {
			u32(math.Float32bits(v))
		}
	}
	u32(uint32(len(t.info)))
	buf = append(buf, t.info...)
	_, err := w.Write(buf)
	return err
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Tagger, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return parse(data)
}

// reader reads a model file's fields, remembering the first short read.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) take(n int) []byte {
	if r.bad || n < 0 || n > len(r.b) {
		r.bad = true
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u32() uint32 {
	if b := r.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func parse(data []byte) (*Tagger, error) {
	r := &reader{b: data}
	if string(r.take(len(modelMagic))) != modelMagic {
		return nil, ErrModelFormat
	}
	if v := r.u32(); v != modelVersion {
		return nil, fmt.Errorf("%w: format %d, want %d", ErrModelVersion, v, modelVersion)
	}
	if v := r.u32(); v != featureVersion {
		return nil, fmt.Errorf("%w: features %d, want %d", ErrModelVersion, v, featureVersion)
	}
	if r.u32() != uint32(numTags) {
		return nil, fmt.Errorf("%w: another tag set", ErrModelFormat)
	}
	flags := r.u32()
	rows, ncells := int(r.u32()), int(r.u32())
	if rows+ncells > maxValue || ncells > rows*2*numTags || r.bad {
		return nil, fmt.Errorf("%w: bad header", ErrModelFormat)
	}
	t := &Tagger{twoPass: flags&flagSecondPass != 0, keys: make([]uint64, rows), start: make([]uint32, rows+1), cells: make([]cell, ncells)}
	kb, eb, sb, wb := r.take(rows*8), r.take(rows*4), r.take(ncells), r.take(ncells*2)
	if r.bad {
		return nil, fmt.Errorf("%w: truncated", ErrModelFormat)
	}
	for i := range t.keys {
		t.keys[i] = binary.LittleEndian.Uint64(kb[i*8:])
		t.start[i+1] = binary.LittleEndian.Uint32(eb[i*4:])
		if t.start[i+1] < t.start[i] || int(t.start[i+1]) > ncells {
			return nil, fmt.Errorf("%w: bad row %d", ErrModelFormat, i)
		}
	}
	maxSlot := uint8(numTags)
	if t.twoPass {
		maxSlot = uint8(2 * numTags)
	}
	for i := range t.cells {
		t.cells[i] = cell{w: int16(binary.LittleEndian.Uint16(wb[i*2:])), slot: sb[i]}
		if sb[i] >= maxSlot {
			return nil, fmt.Errorf("%w: bad cell %d", ErrModelFormat, i)
		}
	}
	passes := 1
	if t.twoPass {
		passes = 2
	}
	for p := 0; p < passes; p++ {
		t.scale[p] = math.Float32frombits(r.u32())
		for i := range t.trans[p] {
			t.trans[p][i] = math.Float32frombits(r.u32())
		}
	}
	t.info = string(r.take(int(r.u32())))
	if r.bad {
		return nil, fmt.Errorf("%w: truncated", ErrModelFormat)
	}
	var err error
	if t.lex, err = loadLexicons(flags); err != nil {
		return nil, err
	}
	t.init()
	return t, nil
}
