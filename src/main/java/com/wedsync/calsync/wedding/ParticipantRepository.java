package com.wedsync.calsync.wedding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.wedsync.calsync.ical.EventKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.wedsync.calsync.persistence.SqlValues.uuid;

/**
 * The {@code participant} table. Kinds are stored comma-separated in enum order
 * ({@code MEETING,DEADLINE}), which {@code SyncOutbox} matches in SQL.
 */
@Repository
public class ParticipantRepository {

	private final JdbcClient jdbc;

	ParticipantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Participant add(UUID weddingId, UUID calendarId, ParticipantRole role, Set<EventKind> kinds) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO participant (id, wedding_id, calendar_id, role, kinds) VALUES (?, ?, ?, ?, ?)")
			.params(id, weddingId, calendarId, role.name(), text(kinds))
			.update();
		return find(weddingId, calendarId).orElseThrow();
	}

	public Optional<Participant> find(UUID weddingId, UUID calendarId) {
		return this.jdbc.sql("SELECT * FROM participant WHERE wedding_id = ? AND calendar_id = ?")
			.params(weddingId, calendarId)
			.query(ParticipantRepository::participant)
			.optional();
	}

	public List<Participant> findByWedding(UUID weddingId) {
		return this.jdbc.sql("SELECT * FROM participant WHERE wedding_id = ? ORDER BY role, calendar_id")
			.param(weddingId)
			.query(ParticipantRepository::participant)
			.list();
	}

	/** The weddings a calendar takes part in. */
	public List<Participant> findByCalendar(UUID calendarId) {
		return this.jdbc.sql("SELECT * FROM participant WHERE calendar_id = ? ORDER BY wedding_id")
			.param(calendarId)
			.query(ParticipantRepository::participant)
			.list();
	}

	public boolean remove(UUID weddingId, UUID calendarId) {
		return this.jdbc.sql("DELETE FROM participant WHERE wedding_id = ? AND calendar_id = ?")
			.params(weddingId, calendarId)
			.update() > 0;
	}

	static String text(Set<EventKind> kinds) {
		return EnumSet.copyOf(kinds).stream().map(EventKind::name).collect(Collectors.joining(","));
	}

	private static Participant participant(ResultSet rs, int row) throws SQLException {
		Set<EventKind> kinds = Arrays.stream(rs.getString("kinds").split(","))
			.filter((kind) -> !kind.isBlank())
			.map(EventKind::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(EventKind.class)));
		return new Participant(uuid(rs, "id"), uuid(rs, "wedding_id"), uuid(rs, "calendar_id"),
				ParticipantRole.valueOf(rs.getString("role")), kinds);
	}

}
