package handlers

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"mt/db"
	"mt/repo"
)

var errDryRun = errors.New("dry run")

type profileDTO struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// handleProfileSessionLeaks forgets the session when the audit write fails.
func (s *Server) handleProfileSessionLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sess, err := repo.OpenSession(ctx, tenantOf(r)) // want `sess \(\*db\.Session from repo\.OpenSession\) is not closed on every path: the return at line 30 leaks it`
	if err != nil {
		http.Error(w, "session", http.StatusServiceUnavailable)
		return
	}
	if err := sess.Exec(ctx, "INSERT INTO audit (action) VALUES ('profile.read')"); err != nil {
		http.Error(w, "audit", http.StatusInternalServerError)
		return
	}
	var p profileDTO
	err = sess.QueryRow(ctx, "SELECT name, email FROM profiles WHERE id = ?", r.URL.Query().Get("id")).Scan(&p.Name, &p.Email)
	sess.Close()
	if err != nil {
		http.Error(w, "profile", http.StatusNotFound)
		return
	}
	writeJSON(w, p)
}

// handleProfileSessionDeferClose closes the session on every path.
func (s *Server) handleProfileSessionDeferClose(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sess, err := repo.OpenSession(ctx, tenantOf(r))
	if err != nil {
		http.Error(w, "session", http.StatusServiceUnavailable)
		return
	}
	defer sess.Close()
	if err := sess.Exec(ctx, "INSERT INTO audit (action) VALUES ('profile.read')"); err != nil {
		http.Error(w, "audit", http.StatusInternalServerError)
		return
	}
	var p profileDTO
	if err := sess.QueryRow(ctx, "SELECT name, email FROM profiles WHERE id = ?", r.URL.Query().Get("id")).Scan(&p.Name, &p.Email); err != nil {
		http.Error(w, "profile", http.StatusNotFound)
		return
	}
	writeJSON(w, p)
}

// renameSessionDeferCloseQuietly takes the session straight from package db
// and gives it to the io.Closer releaser with defer.
func renameSessionDeferCloseQuietly(ctx context.Context, tenant, name string) error {
	sess, err := db.OpenSession(ctx, tenant)
	if err != nil {
		return err
	}
	defer db.CloseQuietly(sess)
	return sess.Exec(ctx, "UPDATE tenants SET display_name = ? WHERE name = ?", name, tenant)
}

// renameSessionCloseQuietlyLeaks calls the releaser only on the success
// path.
func renameSessionCloseQuietlyLeaks(ctx context.Context, tenant, name string) error {
	sess, err := db.OpenSession(ctx, tenant) // want `sess \(\*db\.Session from db\.OpenSession\) is not closed on every path: the return at line 82 leaks it`
	if err != nil {
		return err
	}
	if err := sess.Exec(ctx, "UPDATE tenants SET display_name = ? WHERE name = ?", name, tenant); err != nil {
		return fmt.Errorf("rename %s: %w", tenant, err)
	}
	db.CloseQuietly(sess)
	return nil
}

// refundUnitLeaks returns on the dry-run path without finishing the unit
// of work.
func refundUnitLeaks(ctx context.Context, tenant string, order int64, dryRun bool) error {
	u, err := db.BeginUnit(ctx, tenant) // want `u \(\*db\.UnitOfWork from db\.BeginUnit\) is not given back with Finish on every path: the return at line 100 leaks it`
	if err != nil {
		return err
	}
	if order <= 0 {
		return u.Finish(fmt.Errorf("bad order id %d", order))
	}
	err = u.Exec(ctx, "UPDATE orders SET refunded = true WHERE id = ? AND refunded = false", order)
	if dryRun {
		return err
	}
	return u.Finish(err)
}

// refundUnitFinishes finishes the unit of work on every path, rolling the
// dry run back.
func refundUnitFinishes(ctx context.Context, tenant string, order int64, dryRun bool) error {
	u, err := db.BeginUnit(ctx, tenant)
	if err != nil {
		return err
	}
	if order <= 0 {
		return u.Finish(fmt.Errorf("bad order id %d", order))
	}
	err = u.Exec(ctx, "UPDATE orders SET refunded = true WHERE id = ? AND refunded = false", order)
	if dryRun && err == nil {
		return u.Finish(errDryRun)
	}
	return u.Finish(err)
}

// refundUnitDeferFinish finishes the unit of work in a deferred closure
// with the named error result.
func refundUnitDeferFinish(ctx context.Context, tenant string, order int64) (err error) {
	u, err := db.BeginUnit(ctx, tenant)
	if err != nil {
		return err
	}
	defer func() { err = u.Finish(err) }()
	if order <= 0 {
		return fmt.Errorf("bad order id %d", order)
	}
	return u.Exec(ctx, "UPDATE orders SET refunded = true WHERE id = ? AND refunded = false", order)
}

// openAuditedSessionFlagTooEarlyLeaks marks the session as handed over
// before the audit write; when the write fails the deferred Close does
// not run and the session is dropped.
func openAuditedSessionFlagTooEarlyLeaks(ctx context.Context, tenant string) (*db.Session, error) {
	sess, err := db.OpenSession(ctx, tenant) // want `sess \(\*db\.Session from db\.OpenSession\) is not closed on every path: the return at line 155 leaks it`
	if err != nil {
		return nil, err
	}
	handedOver := false
	defer func() {
		if !handedOver {
			sess.Close()
		}
	}()
	if err := sess.Exec(ctx, "SET time_zone = '+00:00'"); err != nil {
		return nil, err
	}
	handedOver = true
	if err := sess.Exec(ctx, "INSERT INTO audit (action) VALUES ('session.open')"); err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return sess, nil
}

// openAuditedSessionFlagAtReturn marks the session as handed over only at
// the return that hands it over.
func openAuditedSessionFlagAtReturn(ctx context.Context, tenant string) (*db.Session, error) {
	sess, err := db.OpenSession(ctx, tenant)
	if err != nil {
		return nil, err
	}
	handedOver := false
	defer func() {
		if !handedOver {
			sess.Close()
		}
	}()
	if err := sess.Exec(ctx, "SET time_zone = '+00:00'"); err != nil {
		return nil, err
	}
	if err := sess.Exec(ctx, "INSERT INTO audit (action) VALUES ('session.open')"); err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	handedOver = true
	return sess, nil
}

// pinnedReportDeferRelease defers the release function the wrapper
// returned with the connection.
func pinnedReportDeferRelease(ctx context.Context, tenant string) (int, error) {
	orders := &repo.Orders{Tenant: tenant}
	c, release, err := orders.Pinned(ctx)
	if err != nil {
		return 0, err
	}
	defer release()
	var n int
	if err := c.QueryRowContext(ctx, "SELECT count(*) FROM orders").Scan(&n); err != nil {
		return 0, err
	}
	return n, nil
}

// pinnedReportLeaks calls the release function only on the success path.
func pinnedReportLeaks(ctx context.Context, tenant string) (int, error) {
	orders := &repo.Orders{Tenant: tenant}
	c, release, err := orders.Pinned(ctx) // want `c \(\*sql\.Conn from orders\.Pinned\) is not closed on every path: the return at line 208 leaks it`
	if err != nil {
		return 0, err
	}
	var n int
	if err := c.QueryRowContext(ctx, "SELECT count(*) FROM orders").Scan(&n); err != nil {
		return 0, err
	}
	release()
	return n, nil
}

// requestScope is what the tenant middleware hands to the handlers.
type requestScope struct {
	tenant string
	sess   *db.Session
}

// newScopeLeaks stores the session in a local scope that is returned only
// when the probe succeeds.
func newScopeLeaks(ctx context.Context, tenant string) (*requestScope, error) {
	sc := &requestScope{tenant: tenant}
	sess, err := repo.OpenSession(ctx, tenant) // want `sess \(\*db\.Session from repo\.OpenSession\) is not closed on every path: the return at line 230 leaks it`
	if err != nil {
		return nil, err
	}
	sc.sess = sess
	if err := sess.Exec(ctx, "SET time_zone = '+00:00'"); err != nil {
		return nil, fmt.Errorf("scope for %s: %w", tenant, err)
	}
	return sc, nil
}

// newScopeClosesOnProbeError closes the session when the probe fails and
// hands it over in the returned scope otherwise.
func newScopeClosesOnProbeError(ctx context.Context, tenant string) (*requestScope, error) {
	sc := &requestScope{tenant: tenant}
	sess, err := repo.OpenSession(ctx, tenant)
	if err != nil {
		return nil, err
	}
	sc.sess = sess
	if err := sess.Exec(ctx, "SET time_zone = '+00:00'"); err != nil {
		sess.Close()
		return nil, fmt.Errorf("scope for %s: %w", tenant, err)
	}
	return sc, nil
}

// handleEventsLeaks streams the tenant's events and returns on the first
// receive error with the subscription open.
func (s *Server) handleEventsLeaks(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sub := db.SubscribeTenant(ctx, tenantOf(r)) // want `sub \(\*redis\.PubSub from db\.SubscribeTenant\) is not closed on every path: the return at line 258 leaks it`
	if _, err := sub.Receive(ctx); err != nil {
		http.Error(w, "subscribe", http.StatusBadGateway)
		return
	}
	flusher, _ := w.(http.Flusher)
	for msg := range sub.Channel() {
		fmt.Fprintf(w, "data: %s\n\n", msg.Payload)
		if flusher != nil {
			flusher.Flush()
		}
	}
	sub.Close()
}

// handleEventsDeferClose closes the subscription on every path.
func (s *Server) handleEventsDeferClose(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sub := db.SubscribeTenant(ctx, tenantOf(r))
	defer sub.Close()
	if _, err := sub.Receive(ctx); err != nil {
		http.Error(w, "subscribe", http.StatusBadGateway)
		return
	}
	flusher, _ := w.(http.Flusher)
	for msg := range sub.Channel() {
		fmt.Fprintf(w, "data: %s\n\n", msg.Payload)
		if flusher != nil {
			flusher.Flush()
		}
	}
}
