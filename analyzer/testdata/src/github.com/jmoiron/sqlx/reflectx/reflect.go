// Package reflectx is a minimal stub of github.com/jmoiron/sqlx/reflectx for analyzer tests.
package reflectx

// Mapper is a general purpose mapper of names to struct fields.
type Mapper struct {
	tagName string
	mapFunc func(string) string
}

func NewMapper(tagName string) *Mapper { return &Mapper{tagName: tagName} }

func NewMapperFunc(tagName string, f func(string) string) *Mapper {
	return &Mapper{tagName: tagName, mapFunc: f}
}
