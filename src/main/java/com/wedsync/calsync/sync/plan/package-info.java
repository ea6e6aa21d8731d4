/**
 * The pure planner of the two-way sync: from the base both sides last agreed on, the
 * platform's event and one calendar's copy to one {@link SyncAction}, under the
 * {@link ConflictPolicy} of the event's kind. No Spring, no I/O: the executor applies
 * what the planner decides.
 */
@NullMarked
package com.wedsync.calsync.sync.plan;

import org.jspecify.annotations.NullMarked;
