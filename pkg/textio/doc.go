// Package textio reads documents from files, folders, standard input and
// article dumps, and decodes them to UTF-8.
package textio

// Doc is one input document, decoded to UTF-8.
type Doc struct {
	// Source names the document: a file path, "-" for standard input,
	// or FILE#ID for one article of a JSON Lines dump.
	Source string
	// Encoding is the encoding the bytes were read in: "utf-8", "utf-8-bom",
	// "utf-16le", "utf-16be", "windows-1252", "iso-8859-1".
	Encoding string
	Text     string
	Title    string // from a dump's title field, when it has one
	Date     string // from a dump's date field, when it has one
	// Err is set when the document could not be read; it names the source.
	Err error
}
