package paths

import (
	"context"
	"database/sql"
	"fmt"
)

// Point 10: a release deferred inside the loop that acquires.

// tableColumnsDeferInLoop keeps every table's rows open until the export is
// done.
func (r *reportRepo) tableColumnsDeferInLoop(ctx context.Context, tables []string, emit func(table string, cols []string)) error {
	for _, t := range tables {
		rows, err := r.replica.QueryContext(ctx, "SELECT * FROM "+t+" LIMIT 0") // want `rows\.Close is deferred inside a loop: every iteration's \*sql\.Rows from r\.replica\.QueryContext stays held until the function returns`
		if err != nil {
			return fmt.Errorf("probe %s: %w", t, err)
		}
		defer rows.Close()
		cols, err := rows.Columns()
		if err != nil {
			return fmt.Errorf("columns of %s: %w", t, err)
		}
		emit(t, cols)
	}
	return nil
}

// tableColumnsDeferPerIteration moves the body into a function literal so the
// deferred Close runs at the end of each iteration.
func (r *reportRepo) tableColumnsDeferPerIteration(ctx context.Context, tables []string, emit func(table string, cols []string)) error {
	for _, t := range tables {
		cols, err := func() ([]string, error) {
			rows, err := r.replica.QueryContext(ctx, "SELECT * FROM "+t+" LIMIT 0")
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			return rows.Columns()
		}()
		if err != nil {
			return fmt.Errorf("columns of %s: %w", t, err)
		}
		emit(t, cols)
	}
	return nil
}

// purgeTenantsDeferInLoop prepares one statement per tenant and defers every
// Close to the end of the function.
func purgeTenantsDeferInLoop(ctx context.Context, db *sql.DB, tenants []string) error {
	for _, tenant := range tenants {
		stmt, err := db.PrepareContext(ctx, "DELETE FROM "+tenant+".sessions WHERE expires_at < now()") // want `stmt\.Close is deferred inside a loop: every iteration's \*sql\.Stmt from db\.PrepareContext stays held until the function returns`
		if err != nil {
			return fmt.Errorf("prepare purge for %s: %w", tenant, err)
		}
		defer stmt.Close()
		if _, err := stmt.ExecContext(ctx); err != nil {
			return fmt.Errorf("purge %s: %w", tenant, err)
		}
	}
	return nil
}

// purgeTenantsClosePerIteration closes each statement in its own iteration.
func purgeTenantsClosePerIteration(ctx context.Context, db *sql.DB, tenants []string) error {
	for _, tenant := range tenants {
		stmt, err := db.PrepareContext(ctx, "DELETE FROM "+tenant+".sessions WHERE expires_at < now()")
		if err != nil {
			return fmt.Errorf("prepare purge for %s: %w", tenant, err)
		}
		_, err = stmt.ExecContext(ctx)
		stmt.Close()
		if err != nil {
			return fmt.Errorf("purge %s: %w", tenant, err)
		}
	}
	return nil
}
