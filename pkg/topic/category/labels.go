package category

import "strings"

// labels are the readable French names of the OrangeSum classes.
var labels = map[string]string{
	"france":                "France",
	"monde":                 "Monde",
	"politique":             "Politique",
	"auto":                  "Automobile",
	"societe/culture":       "Société — culture",
	"societe/environnement": "Société — environnement",
	"societe/fait-divers":   "Société — faits divers",
	"societe/high-tech":     "Société — high-tech",
	"societe/insolite":      "Société — insolite",
	"societe/media":         "Société — médias",
	"societe/people":        "Société — people",
	"societe/sante":         "Société — santé",
}

// Label returns the readable French label of a class ID, or the ID itself
// when it is not one of the OrangeSum classes.
func Label(id string) string {
	if l, ok := labels[id]; ok {
		return l
	}
	return id
}

// ClassID maps an OrangeSum category and subcategory to a class ID: the
// section ("france", "monde", "politique", "auto"), or "societe/<sub>" for
// société. The two auto subcategories (one article each) fold into "auto".
func ClassID(category, subcategory string) string {
	category = strings.TrimSpace(category)
	subcategory = strings.TrimSpace(subcategory)
	if category == "societe" && subcategory != "" {
		return category + "/" + subcategory
	}
	return category
}
