package pgxv5real

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

const (
	listEmails = `SELECT email FROM users WHERE tenant = $1`
	listUsers  = `SELECT id, email FROM users WHERE tenant = $1`
	countUsers = `SELECT count(*) FROM users WHERE tenant = $1`
	getUser    = `SELECT id, email FROM users WHERE id = $1`
	touchUser  = `UPDATE users SET seen_at = now() WHERE id = $1`
	bumpLogin  = `UPDATE users SET logins = logins + 1 WHERE id = $1`
)

// User is scanned with pgx.RowToStructByName.
type User struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
}

// (*pgxpool.Pool).Query -> pgx.Rows, closed with Close.

func (s *UserStore) emailsReturnInsideLoopLeaks(ctx context.Context, tenant string) ([]string, error) {
	rows, err := s.pool.Query(ctx, listEmails, tenant) // Not a leak: a pgx Scan that fails closes the rows (rows.fatal).
	if err != nil {
		return nil, fmt.Errorf("query emails: %w", err)
	}
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, fmt.Errorf("scan email: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *UserStore) emailsDeferClose(ctx context.Context, tenant string) ([]string, error) {
	rows, err := s.pool.Query(ctx, listEmails, tenant)
	if err != nil {
		return nil, fmt.Errorf("query emails: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, fmt.Errorf("scan email: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// rows.Next() returning false closes pgx rows.
func (s *UserStore) emailsNextExhausted(ctx context.Context, tenant string) ([]string, error) {
	rows, err := s.pool.Query(ctx, listEmails, tenant)
	if err != nil {
		return nil, fmt.Errorf("query emails: %w", err)
	}
	var out []string
	for rows.Next() {
		vals, verr := rows.Values()
		if verr != nil || len(vals) == 0 {
			continue
		}
		if e, ok := vals[0].(string); ok {
			out = append(out, e)
		}
	}
	return out, rows.Err()
}

// Query used for a statement with no result set: the rows are discarded.
func (s *UserStore) bumpLoginQueryDiscarded(ctx context.Context, id int64) error {
	if _, err := s.pool.Query(ctx, bumpLogin, id); err != nil { // want `the pgx\.Rows from s\.pool\.Query is discarded and never closed`
		return fmt.Errorf("bump login: %w", err)
	}
	return nil
}

func (s *UserStore) bumpLoginExec(ctx context.Context, id int64) error {
	if _, err := s.pool.Exec(ctx, bumpLogin, id); err != nil {
		return fmt.Errorf("bump login: %w", err)
	}
	return nil
}

// pgx.CollectRows consumes (closes) the rows.

func (s *UserStore) usersCollectAfterCheckLeaks(ctx context.Context, tenant string) ([]User, error) {
	rows, err := s.pool.Query(ctx, listUsers, tenant) // want `rows \(pgx\.Rows from s\.pool\.Query\) is not closed on every path: the return at line 102 leaks it`
	if err != nil {
		return nil, fmt.Errorf("query users: %w", err)
	}
	if n := len(rows.FieldDescriptions()); n != 2 {
		return nil, fmt.Errorf("unexpected column count %d", n) // <- leaks rows
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[User])
}

func (s *UserStore) usersCollectRows(ctx context.Context, tenant string) ([]User, error) {
	rows, err := s.pool.Query(ctx, listUsers, tenant)
	if err != nil {
		return nil, fmt.Errorf("query users: %w", err)
	}
	users, err := pgx.CollectRows(rows, pgx.RowToStructByName[User])
	if err != nil {
		return nil, fmt.Errorf("collect users: %w", err)
	}
	return users, nil
}

// pgx.CollectOneRow and pgx.CollectExactlyOneRow consume the rows too.

func (s *UserStore) countCollectOneRowLeaks(ctx context.Context, tenant string) (int64, error) {
	rows, err := s.pool.Query(ctx, countUsers, tenant) // want `rows \(pgx\.Rows from s\.pool\.Query\) is not closed on every path: the return at line 127 leaks it`
	if err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	if tenant == "" {
		return 0, nil // <- leaks rows
	}
	return pgx.CollectOneRow(rows, pgx.RowTo[int64])
}

func (s *UserStore) countCollectOneRow(ctx context.Context, tenant string) (int64, error) {
	rows, err := s.pool.Query(ctx, countUsers, tenant)
	if err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return pgx.CollectOneRow(rows, pgx.RowTo[int64])
}

func (s *UserStore) userCollectExactlyOneRow(ctx context.Context, id int64) (*User, error) {
	rows, err := s.pool.Query(ctx, getUser, id)
	if err != nil {
		return nil, fmt.Errorf("get user: %w", err)
	}
	u, err := pgx.CollectExactlyOneRow(rows, pgx.RowToAddrOfStructByName[User])
	if err != nil {
		return nil, fmt.Errorf("get user %d: %w", id, err)
	}
	return u, nil
}

// pgx.ForEachRow consumes the rows.

func (s *UserStore) indexEmailsForEachRowLeaks(ctx context.Context, tenant string) (map[int64]string, error) {
	rows, err := s.pool.Query(ctx, listUsers, tenant) // want `rows \(pgx\.Rows from s\.pool\.Query\) is not closed on every path: the return at line 161 leaks it`
	if err != nil {
		return nil, fmt.Errorf("query users: %w", err)
	}
	idx := make(map[int64]string)
	if ctx.Err() != nil {
		return nil, ctx.Err() // <- leaks rows
	}
	var (
		id    int64
		email string
	)
	_, err = pgx.ForEachRow(rows, []any{&id, &email}, func() error {
		idx[id] = email
		return nil
	})
	return idx, err
}

func (s *UserStore) indexEmailsForEachRow(ctx context.Context, tenant string) (map[int64]string, error) {
	rows, err := s.pool.Query(ctx, listUsers, tenant)
	if err != nil {
		return nil, fmt.Errorf("query users: %w", err)
	}
	idx := make(map[int64]string)
	var (
		id    int64
		email string
	)
	if _, err := pgx.ForEachRow(rows, []any{&id, &email}, func() error {
		idx[id] = email
		return nil
	}); err != nil {
		return nil, fmt.Errorf("index emails: %w", err)
	}
	return idx, nil
}

// (*pgxpool.Pool).SendBatch -> pgx.BatchResults, closed with Close.

func (s *UserStore) touchUsersBatchLeaks(ctx context.Context, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue(touchUser, id)
	}
	br := s.pool.SendBatch(ctx, b) // want `br \(pgx\.BatchResults from s\.pool\.SendBatch\) is not closed on every path: the return at line 203 leaks it`
	for range ids {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("touch user: %w", err) // <- leaks br
		}
	}
	return br.Close()
}

func (s *UserStore) touchUsersBatchCloseOnEveryPath(ctx context.Context, ids []int64) error {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue(touchUser, id)
	}
	br := s.pool.SendBatch(ctx, b)
	for range ids {
		if _, err := br.Exec(); err != nil {
			_ = br.Close()
			return fmt.Errorf("touch user: %w", err)
		}
	}
	return br.Close()
}
