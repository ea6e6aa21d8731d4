-- The node (Quartz scheduler instance id) that queued or runs a sync. A RUNNING or QUEUED
-- sync whose node no longer checks in to QRTZ_SCHEDULER_STATE is orphaned (the process
-- died) and is recovered: marked FAILED and restarted (batch/OrphanedSyncs).
ALTER TABLE sync_run ADD COLUMN node_id VARCHAR(200);
CREATE INDEX sync_run_active_idx ON sync_run (status);
