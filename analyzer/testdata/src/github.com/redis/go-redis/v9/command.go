package redis

import "context"

// Cmder is the interface implemented by all commands (exported subset).
type Cmder interface {
	Name() string
	FullName() string
	Args() []interface{}
	String() string
	SetErr(error)
	Err() error
}

type baseCmd struct {
	ctx  context.Context
	args []interface{}
	err  error
}

func (cmd *baseCmd) Name() string        { panic("stub") }
func (cmd *baseCmd) FullName() string    { panic("stub") }
func (cmd *baseCmd) Args() []interface{} { return cmd.args }
func (cmd *baseCmd) SetErr(e error)      { cmd.err = e }
func (cmd *baseCmd) Err() error          { return cmd.err }
func (cmd *baseCmd) String() string      { panic("stub") }

type Cmd struct {
	baseCmd

	val interface{}
}

func (cmd *Cmd) Val() interface{}             { return cmd.val }
func (cmd *Cmd) Result() (interface{}, error) { return cmd.val, cmd.err }
func (cmd *Cmd) Text() (string, error)        { panic("stub") }

type StatusCmd struct {
	baseCmd

	val string
}

func (cmd *StatusCmd) Val() string             { return cmd.val }
func (cmd *StatusCmd) Result() (string, error) { return cmd.val, cmd.err }
func (cmd *StatusCmd) Bytes() ([]byte, error)  { return []byte(cmd.val), cmd.err }

type IntCmd struct {
	baseCmd

	val int64
}

func (cmd *IntCmd) Val() int64             { return cmd.val }
func (cmd *IntCmd) Result() (int64, error) { return cmd.val, cmd.err }

type BoolCmd struct {
	baseCmd

	val bool
}

func (cmd *BoolCmd) Val() bool             { return cmd.val }
func (cmd *BoolCmd) Result() (bool, error) { return cmd.val, cmd.err }

type StringCmd struct {
	baseCmd

	val string
}

func (cmd *StringCmd) Val() string                { return cmd.val }
func (cmd *StringCmd) Result() (string, error)    { return cmd.val, cmd.err }
func (cmd *StringCmd) Bytes() ([]byte, error)     { return []byte(cmd.val), cmd.err }
func (cmd *StringCmd) Int() (int, error)          { panic("stub") }
func (cmd *StringCmd) Int64() (int64, error)      { panic("stub") }
func (cmd *StringCmd) Scan(val interface{}) error { panic("stub") }
