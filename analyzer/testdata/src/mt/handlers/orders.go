package handlers

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"

	"mt/db"
	"mt/repo"
)

// handleOrderCountLeaks switches the schema through a borrower and returns
// its error with the connection held.
func (s *Server) handleOrderCountLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tenant := tenantOf(r)
	c, err := db.TenantConn(ctx, tenant) // want `c \(\*sql\.Conn from db\.TenantConn\) is not closed on every path: the return at line 26 leaks it`
	if err != nil {
		http.Error(w, "tenant unavailable", http.StatusServiceUnavailable)
		return
	}
	if err := db.SetSchema(ctx, c, tenant); err != nil {
		http.Error(w, "schema", http.StatusInternalServerError)
		return
	}
	var n int
	if err := c.QueryRowContext(ctx, "SELECT count(*) FROM orders").Scan(&n); err != nil {
		c.Close()
		http.Error(w, "count", http.StatusInternalServerError)
		return
	}
	c.Close()
	writeJSON(w, map[string]int{"orders": n})
}

// handleOrderCountDeferClose closes the connection on every path.
func (s *Server) handleOrderCountDeferClose(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tenant := tenantOf(r)
	c, err := db.TenantConn(ctx, tenant)
	if err != nil {
		http.Error(w, "tenant unavailable", http.StatusServiceUnavailable)
		return
	}
	defer c.Close()
	if err := db.SetSchema(ctx, c, tenant); err != nil {
		http.Error(w, "schema", http.StatusInternalServerError)
		return
	}
	var n int
	if err := c.QueryRowContext(ctx, "SELECT count(*) FROM orders").Scan(&n); err != nil {
		http.Error(w, "count", http.StatusInternalServerError)
		return
	}
	writeJSON(w, map[string]int{"orders": n})
}

// handleTenantHealthLeaks takes a connection through three levels of
// wrappers, hands it to a borrower of a borrower, and drops it.
func (s *Server) handleTenantHealthLeaks(w http.ResponseWriter, r *http.Request) {
	orders := &repo.Orders{Tenant: tenantOf(r)}
	c, err := orders.Conn(r.Context()) // want `c \(\*sql\.Conn from orders\.Conn\) is not closed on every path: the return at line 71 leaks it`
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	if err := repo.Warmup(r.Context(), c); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleTenantHealthDeferDone gives the connection to a releaser of a
// releaser with defer.
func (s *Server) handleTenantHealthDeferDone(w http.ResponseWriter, r *http.Request) {
	orders := &repo.Orders{Tenant: tenantOf(r)}
	c, err := orders.Conn(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	defer repo.Done(c)
	if err := repo.Warmup(r.Context(), c); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleOrderIDsCloseQuietlyLeaks calls the io.Closer releaser at the
// bottom, below an early return.
func (s *Server) handleOrderIDsCloseQuietlyLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rows, err := db.QueryTenant(ctx, tenantOf(r), "SELECT id FROM orders WHERE status = ?", r.URL.Query().Get("status")) // want `rows \(\*sql\.Rows from db\.QueryTenant\) is not closed on every path: the return at line 107 leaks it`
	if err != nil {
		http.Error(w, "query", http.StatusInternalServerError)
		return
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			http.Error(w, "scan", http.StatusInternalServerError)
			return
		}
		ids = append(ids, id)
	}
	db.CloseQuietly(rows)
	writeJSON(w, ids)
}

// handleOrderIDsDeferCloseQuietly defers the io.Closer releaser.
func (s *Server) handleOrderIDsDeferCloseQuietly(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rows, err := db.QueryTenant(ctx, tenantOf(r), "SELECT id FROM orders WHERE status = ?", r.URL.Query().Get("status"))
	if err != nil {
		http.Error(w, "query", http.StatusInternalServerError)
		return
	}
	defer db.CloseQuietly(rows)
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			http.Error(w, "scan", http.StatusInternalServerError)
			return
		}
		ids = append(ids, id)
	}
	writeJSON(w, ids)
}

// handleRecentOrdersBreakLeaks breaks out of the rows loop at the limit and
// never closes the rows.
func (s *Server) handleRecentOrdersBreakLeaks(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	orders := &repo.Orders{Tenant: tenantOf(r)}
	rows, err := orders.Rows(r.Context(), "SELECT id, status FROM orders ORDER BY created_at DESC") // want `rows \(\*sql\.Rows from orders\.Rows\) is not closed on every path: the return at line 160 leaks it`
	if err != nil {
		http.Error(w, "query", http.StatusInternalServerError)
		return
	}
	var out []orderDTO
	for rows.Next() {
		var o orderDTO
		if err := rows.Scan(&o.ID, &o.Status); err != nil {
			rows.Close()
			http.Error(w, "scan", http.StatusInternalServerError)
			return
		}
		out = append(out, o)
		if len(out) == limit {
			break
		}
	}
	writeJSON(w, out)
}

// handleRecentOrdersDeferClose closes the rows however the loop ends.
func (s *Server) handleRecentOrdersDeferClose(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	orders := &repo.Orders{Tenant: tenantOf(r)}
	rows, err := orders.Rows(r.Context(), "SELECT id, status FROM orders ORDER BY created_at DESC")
	if err != nil {
		http.Error(w, "query", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var out []orderDTO
	for rows.Next() {
		var o orderDTO
		if err := rows.Scan(&o.ID, &o.Status); err != nil {
			http.Error(w, "scan", http.StatusInternalServerError)
			return
		}
		out = append(out, o)
		if len(out) == limit {
			break
		}
	}
	writeJSON(w, out)
}

// checkoutEndTxLeaks validates the cart inside the transaction and returns
// before the transaction reaches db.EndTx.
func checkoutEndTxLeaks(ctx context.Context, tenant string, cart int64) error {
	tx, err := db.BeginTenant(ctx, tenant, nil) // want `tx \(\*sql\.Tx from db\.BeginTenant\) is not committed or rolled back on every path: the return at line 199 leaks it`
	if err != nil {
		return err
	}
	var items int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM cart_items WHERE cart_id = ?", cart).Scan(&items); err != nil {
		return db.EndTx(tx, err)
	}
	if items == 0 {
		return fmt.Errorf("cart %d is empty", cart)
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO orders (cart_id) VALUES (?)", cart)
	return db.EndTx(tx, err)
}

// checkoutEndTx gives the transaction to db.EndTx on every path.
func checkoutEndTx(ctx context.Context, tenant string, cart int64) error {
	tx, err := db.BeginTenant(ctx, tenant, nil)
	if err != nil {
		return err
	}
	var items int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM cart_items WHERE cart_id = ?", cart).Scan(&items); err != nil {
		return db.EndTx(tx, err)
	}
	if items == 0 {
		return db.EndTx(tx, fmt.Errorf("cart %d is empty", cart))
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO orders (cart_id) VALUES (?)", cart)
	return db.EndTx(tx, err)
}

// exportCheckConnLeaks relies on db.CheckConn, which gives the connection
// back only when the ping fails; the success path forgets it on the scan
// error.
func exportCheckConnLeaks(ctx context.Context, tenant string) (int64, error) {
	c, err := db.TenantConn(ctx, tenant) // want `c \(\*sql\.Conn from db\.TenantConn\) is not closed on every path: the return at line 235 leaks it`
	if err != nil {
		return 0, err
	}
	if err := db.CheckConn(ctx, c); err != nil {
		return 0, err
	}
	var last int64
	if err := c.QueryRowContext(ctx, "SELECT max(id) FROM exports").Scan(&last); err != nil {
		return 0, fmt.Errorf("last export: %w", err)
	}
	return last, c.Close()
}

// exportCheckConnThenDeferClose lets db.CheckConn give the connection back
// when the ping fails and closes it with defer on the other path.
func exportCheckConnThenDeferClose(ctx context.Context, tenant string) (int64, error) {
	c, err := db.TenantConn(ctx, tenant)
	if err != nil {
		return 0, err
	}
	if err := db.CheckConn(ctx, c); err != nil {
		return 0, err
	}
	defer c.Close()
	var last int64
	if err := c.QueryRowContext(ctx, "SELECT max(id) FROM exports").Scan(&last); err != nil {
		return 0, fmt.Errorf("last export: %w", err)
	}
	return last, nil
}

// probeDiscardsTx begins a transaction only to see whether the tenant's
// database accepts writes, and drops it.
func probeDiscardsTx(ctx context.Context, tenant string) error {
	_, err := db.BeginTenant(ctx, tenant, &sql.TxOptions{ReadOnly: false}) // want `the \*sql\.Tx from db\.BeginTenant is discarded and never committed or rolled back`
	return err
}

// probeRollsBack rolls the probe transaction back.
func probeRollsBack(ctx context.Context, tenant string) error {
	tx, err := db.BeginTenant(ctx, tenant, &sql.TxOptions{ReadOnly: false})
	if err != nil {
		return err
	}
	return tx.Rollback()
}
