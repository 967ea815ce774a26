package pgxv5cases

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

func (s *Store) upsertTagsReturnInsideLoopLeaks(ctx context.Context, tags []string) error {
	batch := &pgx.Batch{}
	for _, t := range tags {
		batch.Queue("insert into tags (name) values ($1) on conflict do nothing", t)
	}
	br := s.pool.SendBatch(ctx, batch) // want `br \(pgx\.BatchResults from s\.pool\.SendBatch\) is not closed on every path: the return at line 18 leaks it`
	for _, t := range tags {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("upsert tag %q: %w", t, err)
		}
	}
	return br.Close()
}

func (s *Store) upsertTagsDeferClose(ctx context.Context, tags []string) error {
	batch := &pgx.Batch{}
	for _, t := range tags {
		batch.Queue("insert into tags (name) values ($1) on conflict do nothing", t)
	}
	br := s.pool.SendBatch(ctx, batch)
	defer br.Close()
	for _, t := range tags {
		if _, err := br.Exec(); err != nil {
			return fmt.Errorf("upsert tag %q: %w", t, err)
		}
	}
	return nil
}

func (s *Store) fireAndForgetBatchDiscarded(ctx context.Context, ids []int64) {
	batch := &pgx.Batch{}
	for _, id := range ids {
		batch.Queue("update sessions set expires_at = now() where user_id = $1", id)
	}
	s.pool.SendBatch(ctx, batch) // want `the pgx\.BatchResults from s\.pool\.SendBatch is discarded and never closed`
}

func (s *Store) batchResultsClosedAndReturned(ctx context.Context, ids []int64) error {
	batch := &pgx.Batch{}
	for _, id := range ids {
		batch.Queue("update sessions set expires_at = now() where user_id = $1", id)
	}
	br := s.pool.SendBatch(ctx, batch)
	return br.Close()
}

func batchInTxCountsMismatchLeaks(ctx context.Context, tx pgx.Tx, batch *pgx.Batch) (int64, error) {
	br := tx.SendBatch(ctx, batch) // want `br \(pgx\.BatchResults from tx\.SendBatch\) is not closed on every path: the return at line 68 leaks it`
	var affected int64
	for i := 0; i < batch.Len(); i++ {
		tag, err := br.Exec()
		if err != nil {
			br.Close()
			return 0, err
		}
		affected += tag.RowsAffected()
	}
	if affected == 0 {
		return 0, errNotFound
	}
	return affected, br.Close()
}

func batchInTxCountsCloseEveryPath(ctx context.Context, tx pgx.Tx, batch *pgx.Batch) (int64, error) {
	br := tx.SendBatch(ctx, batch)
	var affected int64
	for i := 0; i < batch.Len(); i++ {
		tag, err := br.Exec()
		if err != nil {
			br.Close()
			return 0, err
		}
		affected += tag.RowsAffected()
	}
	if err := br.Close(); err != nil {
		return 0, err
	}
	if affected == 0 {
		return 0, errNotFound
	}
	return affected, nil
}
