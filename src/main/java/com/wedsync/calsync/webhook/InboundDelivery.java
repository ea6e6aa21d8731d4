package com.wedsync.calsync.webhook;

import java.util.List;

/**
 * The body of an inbound change notice: {@code {deliveryId, calendarUrl, changeType,
 * eventUids?}}.
 *
 * @param deliveryId the sender's id of this notice; the same id again is a redelivery
 * @param calendarUrl the calendar that changed (absolute URL or path)
 * @param changeType what the sender says happened (free text, e.g. {@code updated})
 * @param eventUids the UIDs that changed, when the sender knows them (informative only:
 * the sync finds the changes itself)
 */
record InboundDelivery(String deliveryId, String calendarUrl, String changeType, List<String> eventUids) {
}
