package pgxpool

import "time"

// Stat is a snapshot of Pool statistics.
type Stat struct {
	acquireCount    int64
	acquiredConns   int32
	idleConns       int32
	maxConns        int32
	totalConns      int32
	acquireDuration time.Duration
}

func (s *Stat) AcquireCount() int64                 { return s.acquireCount }
func (s *Stat) AcquireDuration() time.Duration      { return s.acquireDuration }
func (s *Stat) AcquiredConns() int32                { return s.acquiredConns }
func (s *Stat) CanceledAcquireCount() int64         { return 0 }
func (s *Stat) ConstructingConns() int32            { return 0 }
func (s *Stat) EmptyAcquireCount() int64            { return 0 }
func (s *Stat) IdleConns() int32                    { return s.idleConns }
func (s *Stat) MaxConns() int32                     { return s.maxConns }
func (s *Stat) TotalConns() int32                   { return s.totalConns }
func (s *Stat) NewConnsCount() int64                { return 0 }
func (s *Stat) MaxLifetimeDestroyCount() int64      { return 0 }
func (s *Stat) MaxIdleDestroyCount() int64          { return 0 }
func (s *Stat) EmptyAcquireWaitTime() time.Duration { return 0 }
