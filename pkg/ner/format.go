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
//	flags u32 (flagSecondPass, flagGazetteer, flagClusters), rows u32, keys [rows]u64,
//	then per pass: scale f32, weights [rows*numTags]i16, trans [(numTags+1)*numTags]f32,
//	then info length u32 and info bytes.
const (
	modelMagic   = "VNERMODL"
	modelVersion = 1

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
	flags := uint32(0)
	passes := []pass{t.pass(0)}
	if t.twoPass() {
		flags |= flagSecondPass
		passes = append(passes, t.pass(1))
	}
	flags |= t.lex.flags()
	u32(flags)
	u32(uint32(len(t.keys)))
	for _, k := range t.keys {
		buf = binary.LittleEndian.AppendUint64(buf, k)
	}
	for _, p := range passes {
		u32(math.Float32bits(p.scale))
		for _, v := range p.weights {
			buf = binary.LittleEndian.AppendUint16(buf, uint16(v))
		}
		for _, v := range p.trans {
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
	rows := int(r.u32())
	if rows > maxRows || r.bad {
		return nil, fmt.Errorf("%w: truncated header", ErrModelFormat)
	}
	kb := r.take(rows * 8)
	keys := make([]uint64, rows)
	for i := range keys {
		if kb != nil {
			keys[i] = binary.LittleEndian.Uint64(kb[i*8:])
		}
	}
	readPass := func() pass {
		p := pass{scale: math.Float32frombits(r.u32())}
		wb := r.take(rows * numTags * 2)
		p.weights = make([]int16, rows*numTags)
		for i := range p.weights {
			if wb != nil {
				p.weights[i] = int16(binary.LittleEndian.Uint16(wb[i*2:]))
			}
		}
		for i := range p.trans {
			p.trans[i] = math.Float32frombits(r.u32())
		}
		return p
	}
	first := readPass()
	var second *pass
	if flags&flagSecondPass != 0 {
		p := readPass()
		second = &p
	}
	info := string(r.take(int(r.u32())))
	if r.bad {
		return nil, fmt.Errorf("%w: truncated", ErrModelFormat)
	}
	lex, err := loadLexicons(flags)
	if err != nil {
		return nil, err
	}
	return newTagger(keys, first, second, lex, info), nil
}
