package com.wedsync.calsync.wedding;

/** Why a calendar takes part in a wedding. */
public enum ParticipantRole {

	PLANNER, COUPLE, VENDOR, TEAM

}
