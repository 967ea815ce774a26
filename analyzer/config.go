package analyzer

import (
	"errors"
	"fmt"
	"go/types"
	"os"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/connrelease/connrelease/analyzer/knowledge"
)

// This file reads the configuration file (flag -config): in-house resources
// that inference cannot see, declared as data.
//
//	resources:                        # types whose values must be given back
//	  - type: example.com/lease.Lease # package path, dot, type name
//	    release: [Close]              # the methods that give one back
//	acquirers:                        # calls that hand out a fresh resource
//	  - example.com/lease.Pool.Get    # package path, dot, [Type.]Func
//	consumers:                        # calls that give back an argument
//	  - func: example.com/lease.Drain
//	    param: 0                      # index among the arguments (receiver excluded)
//	pools:                            # pools that must not be closed by a borrower
//	  - type: example.com/lease.Pool
//	    creators: [example.com/lease.NewPool]

// fileConfig is the configuration file, once parsed.
type fileConfig struct {
	// lib is what it declares, in the form of the built-in libraries.
	lib knowledge.Library
	// refs are the names it gives, to be found in the packages loaded
	// (configRef.check).
	refs []configRef
}

// A configRef is a type or function the configuration file names, with
// where it names it.
type configRef struct {
	at   string // "file:line:col: key", for messages
	name string // package path, dot, Type, Func or Type.Method
	// isType: name is a type; release, if set, its release methods (named
	// at releaseAt). Otherwise name is a function or method; param, if not
	// -1, the index of the parameter it consumes.
	isType    bool
	release   []string
	releaseAt string
	param     int
}

// refAt is where node n of the configuration file is, with its key path.
func refAt(file string, n *yaml.Node, key string) string {
	return fmt.Sprintf("%s:%d:%d: %s", file, n.Line, n.Column, key)
}

// configError is an error at a position of the configuration file.
func configError(file string, n *yaml.Node, key, format string, args ...any) error {
	return fmt.Errorf("%s:%d:%d: %s: %s", file, n.Line, n.Column, key, fmt.Sprintf(format, args...))
}

// CheckConfigFile reads and validates a configuration file, so that a
// command can report a mistake once, before it loads any package.
func CheckConfigFile(file string) error {
	_, err := loadConfig(file)
	return err
}

// loadConfig reads and validates the configuration file.
func loadConfig(file string) (*fileConfig, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading the configuration: %w", err)
	}
	return parseConfig(file, data)
}

func parseConfig(file string, data []byte) (*fileConfig, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", file, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	cfg := &fileConfig{lib: knowledge.Library{Name: file, Consumers: map[string]int{}}}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, configError(file, root, "configuration", "want a mapping of resources, acquirers, consumers and pools")
	}
	if err := noDuplicateKeys(file, "", root); err != nil {
		return nil, err
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		var err error
		switch key.Value {
		case "resources":
			err = eachItem(file, key.Value, val, func(path string, item *yaml.Node) error {
				fields, err := mapping(file, path, item, "type", "release")
				if err != nil {
					return err
				}
				typ, err := qualifiedName(file, path+".type", fields["type"], 1)
				if err != nil {
					return err
				}
				release, err := names(file, path+".release", fields["release"])
				if err != nil {
					return err
				}
				dot := strings.LastIndex(typ, ".")
				cfg.lib.Resources = append(cfg.lib.Resources, knowledge.Resource{Pkg: typ[:dot], Type: typ[dot+1:],
					Release: release, Verb: knowledge.VerbFor(release)})
				cfg.refs = append(cfg.refs, configRef{at: refAt(file, fields["type"], path+".type"), name: typ, isType: true,
					release: release, releaseAt: refAt(file, fields["release"], path+".release"), param: -1})
				return nil
			})
		case "acquirers":
			err = eachItem(file, key.Value, val, func(path string, item *yaml.Node) error {
				name, err := qualifiedName(file, path, item, 2)
				cfg.lib.Acquirers = append(cfg.lib.Acquirers, name)
				cfg.refs = append(cfg.refs, configRef{at: refAt(file, item, path), name: name, param: -1})
				return err
			})
		case "consumers":
			err = eachItem(file, key.Value, val, func(path string, item *yaml.Node) error {
				fields, err := mapping(file, path, item, "func", "param")
				if err != nil {
					return err
				}
				name, err := qualifiedName(file, path+".func", fields["func"], 2)
				if err != nil {
					return err
				}
				var param int
				if p := fields["param"]; p.Kind != yaml.ScalarNode || p.Decode(&param) != nil || param < 0 {
					return configError(file, p, path+".param", "want a parameter index (0, 1, …)")
				}
				if _, dup := cfg.lib.Consumers[name]; dup {
					return configError(file, fields["func"], path+".func", "%s is already a consumer", name)
				}
				cfg.lib.Consumers[name] = param
				cfg.refs = append(cfg.refs, configRef{at: refAt(file, fields["func"], path+".func"), name: name, param: param})
				return nil
			})
		case "pools":
			err = eachItem(file, key.Value, val, func(path string, item *yaml.Node) error {
				fields, err := mapping(file, path, item, "type", "creators?")
				if err != nil {
					return err
				}
				typ, err := qualifiedName(file, path+".type", fields["type"], 1)
				if err != nil {
					return err
				}
				cfg.lib.Pools = append(cfg.lib.Pools, typ)
				cfg.refs = append(cfg.refs, configRef{at: refAt(file, fields["type"], path+".type"), name: typ, isType: true, param: -1})
				if c, ok := fields["creators"]; ok {
					creators, err := names(file, path+".creators", c)
					if err != nil {
						return err
					}
					for j, cr := range creators {
						node := c // a single name, not a list
						if c.Kind == yaml.SequenceNode {
							node = c.Content[j]
						}
						key := fmt.Sprintf("%s.creators[%d]", path, j)
						if _, err := qualifiedName(file, key, node, 2); err != nil {
							return err
						}
						cfg.lib.PoolCreators = append(cfg.lib.PoolCreators, cr)
						cfg.refs = append(cfg.refs, configRef{at: refAt(file, node, key), name: cr, param: -1})
					}
				}
				return nil
			})
		default:
			err = configError(file, key, key.Value, "unknown key (known: resources, acquirers, consumers, pools)")
		}
		if err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

func eachItem(file, key string, seq *yaml.Node, fn func(path string, item *yaml.Node) error) error {
	if seq.Kind != yaml.SequenceNode {
		return configError(file, seq, key, "want a list")
	}
	for i, item := range seq.Content {
		if err := fn(fmt.Sprintf("%s[%d]", key, i), item); err != nil {
			return err
		}
	}
	return nil
}

// mapping reads a mapping with exactly the given keys (a key ending in ?
// may be left out).
func mapping(file, path string, n *yaml.Node, keys ...string) (map[string]*yaml.Node, error) {
	if n.Kind != yaml.MappingNode {
		return nil, configError(file, n, path, "want a mapping with %s", strings.Join(keys, ", "))
	}
	if err := noDuplicateKeys(file, path+".", n); err != nil {
		return nil, err
	}
	out := map[string]*yaml.Node{}
	known := map[string]bool{}
	for _, k := range keys {
		known[strings.TrimSuffix(k, "?")] = true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !known[k.Value] {
			return nil, configError(file, k, path+"."+k.Value, "unknown key (known: %s)", strings.ReplaceAll(strings.Join(keys, ", "), "?", ""))
		}
		out[k.Value] = n.Content[i+1]
	}
	for _, k := range keys {
		if !strings.HasSuffix(k, "?") && out[k] == nil {
			return nil, configError(file, n, path+"."+k, "missing")
		}
	}
	return out, nil
}

// noDuplicateKeys reports a key that the mapping n gives twice: YAML leaves
// it to the reader, and the later one would silently win.
func noDuplicateKeys(file, prefix string, n *yaml.Node) error {
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if f, dup := first[k.Value]; dup {
			return configError(file, k, prefix+k.Value, "duplicate key (first at line %d)", f.Line)
		}
		first[k.Value] = k
	}
	return nil
}

// qualifiedName reads "pkg/path.Name" (parts 1) or "pkg/path.Name" /
// "pkg/path.Type.Method" (parts 2: functions and methods).
func qualifiedName(file, path string, n *yaml.Node, parts int) (string, error) {
	want := "a package path and a type name: example.com/pkg.Type"
	if parts == 2 {
		want = "a package path and a function or method: example.com/pkg.Func or example.com/pkg.Type.Method"
	}
	if n.Kind != yaml.ScalarNode {
		return "", configError(file, n, path, "want %s", want)
	}
	s := n.Value
	slash := strings.LastIndex(s, "/")
	rest := s[slash+1:]
	dots := strings.Count(rest, ".")
	if dots < 1 || dots > parts || strings.Contains(s, " ") || strings.HasPrefix(rest, ".") || strings.HasSuffix(s, ".") || strings.Contains(rest, "..") {
		return "", configError(file, n, path, "%q: want %s", s, want)
	}
	return s, nil
}

// names reads a list of identifiers, or one.
func names(file, path string, n *yaml.Node) ([]string, error) {
	var out []string
	switch n.Kind {
	case yaml.ScalarNode:
		out = []string{n.Value}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, configError(file, c, path, "want a name")
			}
			out = append(out, c.Value)
		}
	default:
		return nil, configError(file, n, path, "want a name or a list of names")
	}
	if len(out) == 0 {
		return nil, configError(file, n, path, "want at least one name")
	}
	return out, nil
}

// pkgOfKey returns the package path of a function key.
func pkgOfKey(key string) string {
	pkg, _ := knowledge.SplitKey(key)
	return pkg
}

// check looks r up in pkg, the package its name starts with: a type, with
// its release methods; a function, or a method of a type of pkg; a
// consumer's parameter. A name that is not there would silently turn a
// check off.
func (r configRef) check(pkg *types.Package) error {
	rest := strings.TrimPrefix(r.name, pkg.Path()+".")
	typeName, member, isMember := strings.Cut(rest, ".")
	obj := pkg.Scope().Lookup(typeName)
	if r.isType || isMember {
		tn, ok := obj.(*types.TypeName)
		if !ok {
			return fmt.Errorf("%s: %s: package %s has no type %s", r.at, r.name, pkg.Path(), typeName)
		}
		methodOf := func(name string) *types.Func {
			m, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, name)
			f, _ := m.(*types.Func)
			return f
		}
		for _, m := range r.release {
			if methodOf(m) == nil {
				return fmt.Errorf("%s: %s has no method %s", r.releaseAt, r.name, m)
			}
		}
		if r.isType {
			return nil
		}
		m := methodOf(member)
		if m == nil {
			return fmt.Errorf("%s: %s: %s.%s has no method %s", r.at, r.name, pkg.Name(), typeName, member)
		}
		obj = m
	}
	f, ok := obj.(*types.Func)
	if !ok {
		return fmt.Errorf("%s: %s: package %s has no function %s", r.at, r.name, pkg.Path(), typeName)
	}
	if params := f.Type().(*types.Signature).Params(); r.param >= params.Len() {
		return fmt.Errorf("%s: %s has %d parameters (receiver excluded): param %d is out of range", r.at, r.name, params.Len(), r.param)
	}
	return nil
}

// configRefs checks the names of the configuration file against the
// packages a pass loads, each name once, in the first pass that loads its
// package: the passes of a run share them.
type configRefs struct {
	mu      sync.Mutex
	refs    []configRef
	checked []bool
	left    int
}

func newConfigRefs(refs []configRef) *configRefs {
	return &configRefs{refs: refs, checked: make([]bool, len(refs)), left: len(refs)}
}

// check checks the names whose package is pkg or one it imports, directly
// or not, and not checked yet.
func (c *configRefs) check(pkg *types.Package) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left == 0 {
		return nil
	}
	loaded := map[string]*types.Package{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if loaded[p.Path()] != nil {
			return
		}
		loaded[p.Path()] = p
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	walk(pkg)
	var errs []error
	for i, r := range c.refs {
		p := loaded[pkgOfKey(r.name)]
		if c.checked[i] || p == nil {
			continue
		}
		c.checked[i] = true
		c.left--
		if err := r.check(p); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
