package paths

import (
	"context"
	"errors"
	"fmt"
	"log"
)

// Point 9: rows.Next() returning false closes the rows.

var errOrderNotFound = errors.New("paths: order not found")

// pendingIDsNextExhausted never calls Close: the loop runs until Next
// reports false, which releases the rows.
func (s *orderService) pendingIDsNextExhausted(ctx context.Context) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM orders WHERE status = 'pending'`)
	if err != nil {
		return nil, fmt.Errorf("pending orders: %w", err)
	}
	var ids []int64
	bad := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			bad++
			continue
		}
		ids = append(ids, id)
	}
	if bad > 0 {
		log.Printf("pending orders: skipped %d unreadable rows", bad)
	}
	return ids, rows.Err()
}

// pendingPageReturnInsideLoopLeaks returns from the loop body once the page
// is full; Next never reported false.
func (s *orderService) pendingPageReturnInsideLoopLeaks(ctx context.Context, limit int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM orders WHERE status = 'pending'`) // want `rows \(\*sql\.Rows from s\.db\.QueryContext\) is not closed on every path: the return at line 53 leaks it`
	if err != nil {
		return nil, fmt.Errorf("pending orders: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
		if len(ids) == limit {
			return ids, nil
		}
	}
	return ids, rows.Err()
}

// pendingPageReturnInsideLoopClosesFirst closes before the early return.
func (s *orderService) pendingPageReturnInsideLoopClosesFirst(ctx context.Context, limit int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM orders WHERE status = 'pending'`)
	if err != nil {
		return nil, fmt.Errorf("pending orders: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
		if len(ids) == limit {
			rows.Close()
			return ids, nil
		}
	}
	return ids, rows.Err()
}

// pendingPageBreakLeaks breaks out of the loop: the return after it leaks.
func (s *orderService) pendingPageBreakLeaks(ctx context.Context, limit int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM orders WHERE status = 'pending'`) // want `rows \(\*sql\.Rows from s\.db\.QueryContext\) is not closed on every path: the return at line 99 leaks it`
	if err != nil {
		return nil, fmt.Errorf("pending orders: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
		if len(ids) == limit {
			break
		}
	}
	return ids, rows.Err()
}

// pendingPageBreakDeferClose defers the Close, so breaking out is fine.
func (s *orderService) pendingPageBreakDeferClose(ctx context.Context, limit int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM orders WHERE status = 'pending'`)
	if err != nil {
		return nil, fmt.Errorf("pending orders: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
		if len(ids) == limit {
			break
		}
	}
	return ids, rows.Err()
}

// orderStatusNextFalseReleases returns on the branch where Next reported
// false (released) and closes after scanning the single row.
func (s *orderService) orderStatusNextFalseReleases(ctx context.Context, id int64) (string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT status FROM orders WHERE id = $1`, id)
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", err
		}
		return "", errOrderNotFound
	}
	var status string
	err = rows.Scan(&status)
	rows.Close()
	return status, err
}

// orderStatusScanErrorLeaks returns on a scan error after Next reported true.
func (s *orderService) orderStatusScanErrorLeaks(ctx context.Context, id int64) (string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT status FROM orders WHERE id = $1`, id) // want `rows \(\*sql\.Rows from s\.db\.QueryContext\) is not closed on every path: the return at line 156 leaks it`
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", err
		}
		return "", errOrderNotFound
	}
	var status string
	if err := rows.Scan(&status); err != nil {
		return "", err
	}
	return status, rows.Close()
}
