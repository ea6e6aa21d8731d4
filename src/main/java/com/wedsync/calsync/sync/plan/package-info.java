/**
 * The pure planners of the two-way sync: {@link EventPlanner}, from everything known of
 * one wedding event ({@link EventState}) to everything a sync does to it
 * ({@link EventPlan}), built on {@link SyncPlanner}, from the base both sides last agreed
 * on, the platform's event and one calendar's copy to one {@link SyncAction}, under the
 * {@link ConflictPolicy} of the event's kind; {@link CalendarWritePlanner}, from what is
 * known of a calendar's copy to the {@link CalendarWrite} that brings it in line with the
 * platform. No Spring, no I/O: the executor applies what the planners decide.
 */
@NullMarked
package com.wedsync.calsync.sync.plan;

import org.jspecify.annotations.NullMarked;
