// Command funcrange prints the first and last line of a function declared in
// a Go file, for bench/recall.sh: it decides whether a diagnostic falls inside
// the function an upstream fix changed.
//
//	funcrange FILE NAME        NAME is Func or Recv.Method (no '*')
//
// It prints "START END" and exits 0, or names what it could not find and
// exits 1.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: funcrange FILE NAME")
		os.Exit(2)
	}
	start, end, err := funcRange(os.Args[1], os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "funcrange:", err)
		os.Exit(1)
	}
	fmt.Println(start, end)
}

// funcRange returns the lines of the declaration of name in file, its doc
// comment left out.
func funcRange(file, name string) (int, int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		return 0, 0, err
	}
	recv, fn, ok := strings.Cut(name, ".")
	if !ok {
		recv, fn = "", name
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != fn || receiverName(fd) != recv {
			continue
		}
		return fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line, nil
	}
	return 0, 0, fmt.Errorf("%s: no function %s", file, name)
}

// receiverName is the name of fd's receiver type without '*' and type
// parameters, or "" for a function.
func receiverName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}
