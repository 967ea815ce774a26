package pgxv5cases

import (
	"context"
	"fmt"
	"log"

	"github.com/jackc/pgx/v5"
)

type Notification struct {
	ID   int64
	Body string
}

func (s *Store) pendingNotificationsEarlyReturnLeaks(ctx context.Context, userID int64, limit int) ([]Notification, error) {
	rows, err := s.pool.Query(ctx, "select id, body from notifications where user_id = $1 and sent = false", userID) // want `rows \(pgx\.Rows from s\.pool\.Query\) is not closed on every path: the return at line 22 leaks it`
	if err != nil {
		return nil, fmt.Errorf("query notifications: %w", err)
	}
	if limit <= 0 {
		return nil, errBadPageSize
	}
	out := make([]Notification, 0, limit)
	for rows.Next() {
		var n Notification
		if err := rows.Scan(&n.ID, &n.Body); err != nil {
			log.Printf("skipping malformed notification: %v", err)
			continue
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Store) pendingNotificationsDeferClose(ctx context.Context, userID int64, limit int) ([]Notification, error) {
	rows, err := s.pool.Query(ctx, "select id, body from notifications where user_id = $1 and sent = false", userID)
	if err != nil {
		return nil, fmt.Errorf("query notifications: %w", err)
	}
	defer rows.Close()
	if limit <= 0 {
		return nil, errBadPageSize
	}
	out := make([]Notification, 0, limit)
	for rows.Next() {
		var n Notification
		if err := rows.Scan(&n.ID, &n.Body); err != nil {
			return nil, fmt.Errorf("scan notification: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Store) scanErrorInsideNextLoopLeaks(ctx context.Context) ([]Notification, error) {
	rows, err := s.pool.Query(ctx, "select id, body from notifications where sent = false") // Not a leak: a pgx Scan that fails closes the rows (rows.fatal).
	if err != nil {
		return nil, err
	}
	var out []Notification
	for rows.Next() {
		var n Notification
		if err := rows.Scan(&n.ID, &n.Body); err != nil {
			return nil, fmt.Errorf("scan notification: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// nextLoopToExhaustionNeedsNoClose: Next returning false closes pgx rows.
func (s *Store) nextLoopToExhaustionNeedsNoClose(ctx context.Context) ([]Notification, error) {
	rows, err := s.pool.Query(ctx, "select id, body from notifications where sent = false")
	if err != nil {
		return nil, err
	}
	var out []Notification
	for rows.Next() {
		var n Notification
		if err := rows.Scan(&n.ID, &n.Body); err != nil {
			log.Printf("skipping malformed notification: %v", err)
			continue
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Store) firstPageBreakLeaks(ctx context.Context, pageSize int) ([]string, error) {
	rows, err := s.pool.Query(ctx, "select email from users order by id") // want `rows \(pgx\.Rows from s\.pool\.Query\) is not closed on every path: the return at line 107 leaks it`
	if err != nil {
		return nil, err
	}
	var emails []string
	for rows.Next() {
		var email string
		if err := rows.Scan(&email); err != nil {
			log.Printf("bad email row: %v", err)
			continue
		}
		emails = append(emails, email)
		if len(emails) == pageSize {
			break
		}
	}
	return emails, rows.Err()
}

func (s *Store) firstPageBreakDeferClose(ctx context.Context, pageSize int) ([]string, error) {
	rows, err := s.pool.Query(ctx, "select email from users order by id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var emails []string
	for rows.Next() {
		var email string
		if err := rows.Scan(&email); err != nil {
			return nil, err
		}
		emails = append(emails, email)
		if len(emails) == pageSize {
			break
		}
	}
	return emails, rows.Err()
}

func (s *Store) usersByTeamValidationAfterQueryLeaks(ctx context.Context, teamID int64, pageSize int) ([]User, error) {
	rows, err := s.pool.Query(ctx, "select id, email, name from users where team_id = $1 limit $2", teamID, pageSize) // want `rows \(pgx\.Rows from s\.pool\.Query\) is not closed on every path: the return at line 136 leaks it`
	if err != nil {
		return nil, err
	}
	if pageSize > 1000 {
		return nil, fmt.Errorf("page size %d too large", pageSize)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[User])
}

// usersByTeamCollectRows: CollectRows closes the rows it is given.
func (s *Store) usersByTeamCollectRows(ctx context.Context, teamID int64, pageSize int) ([]User, error) {
	rows, err := s.pool.Query(ctx, "select id, email, name from users where team_id = $1 limit $2", teamID, pageSize)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[User])
}

// userCountCollectOneRowIgnoringQueryError is the idiom from the pgx docs: the query error
// resurfaces from CollectOneRow.
func (s *Store) userCountCollectOneRowIgnoringQueryError(ctx context.Context) (int64, error) {
	rows, _ := s.pool.Query(ctx, "select count(*) from users")
	return pgx.CollectOneRow(rows, pgx.RowTo[int64])
}

func (s *Store) userByEmailCollectExactlyOneRow(ctx context.Context, email string) (*User, error) {
	rows, err := s.pool.Query(ctx, "select id, email, name from users where email = $1", email)
	if err != nil {
		return nil, err
	}
	u, err := pgx.CollectExactlyOneRow(rows, pgx.RowToAddrOfStructByName[User])
	if err == pgx.ErrNoRows {
		return nil, errNotFound
	}
	return u, err
}

func (s *Store) emailsForEachRow(ctx context.Context, teamID int64) ([]string, error) {
	rows, err := s.pool.Query(ctx, "select email from users where team_id = $1", teamID)
	if err != nil {
		return nil, err
	}
	var email string
	var emails []string
	_, err = pgx.ForEachRow(rows, []any{&email}, func() error {
		emails = append(emails, email)
		return nil
	})
	return emails, err
}

func (s *Store) userNameQueryRowHasNoObligation(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.pool.QueryRow(ctx, "select name from users where id = $1", id).Scan(&name)
	if err == pgx.ErrNoRows {
		return "", errNotFound
	}
	return name, err
}

// notifyThroughQueryDiscarded uses Query for a statement and drops the rows.
func (s *Store) notifyThroughQueryDiscarded(ctx context.Context, channel, payload string) error {
	_, err := s.pool.Query(ctx, "select pg_notify($1, $2)", channel, payload) // want `the pgx\.Rows from s\.pool\.Query is discarded and never closed`
	return err
}

func (s *Store) notifyThroughExec(ctx context.Context, channel, payload string) error {
	_, err := s.pool.Exec(ctx, "select pg_notify($1, $2)", channel, payload)
	return err
}

func (s *Store) rowsHandedToScanHelper(ctx context.Context, teamID int64) ([]User, error) {
	rows, err := s.pool.Query(ctx, "select id, email, name from users where team_id = $1", teamID)
	if err != nil {
		return nil, err
	}
	return scanUsers(rows)
}

func scanUsers(rows pgx.Rows) ([]User, error) {
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Email, &u.Name); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}
